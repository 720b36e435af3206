<?php

declare(strict_types=1);

namespace Wuye;

/** How the request came in 来源渠道. */
enum Channel: string
{
    case Phone = 'phone';
    case FrontDesk = 'front_desk';
    case App = 'app';
    case WalkIn = 'walk_in';
    case Patrol = 'patrol';
    case Other = 'other';
}
