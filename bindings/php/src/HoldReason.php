<?php

declare(strict_types=1);

namespace Wuye;

/** Why work is on hold 暂停原因 (besides a free-text reason, see Command::hold()). */
enum HoldReason: string
{
    case WaitingForParts = 'waiting_for_parts';
    case WaitingForOwner = 'waiting_for_owner';
}
