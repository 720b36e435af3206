<?php

declare(strict_types=1);

namespace Wuye;

/** The six SLA clocks, in workflow order. */
enum ClockKind: string
{
    case Dispatch = 'dispatch';
    case Accept = 'accept';
    case Arrive = 'arrive';
    case Complete = 'complete';
    case Reply = 'reply';
    case Callback = 'callback';
}
