<?php

declare(strict_types=1);

namespace Wuye;

/** Role an actor acts in 角色; each step names the roles that may take it. */
enum Role: string
{
    case Reporter = 'reporter';
    case Agent = 'agent';
    case Dispatcher = 'dispatcher';
    case Worker = 'worker';
    case Supervisor = 'supervisor';
    case ProjectManager = 'project_manager';
    case System = 'system';
}
