<?php

declare(strict_types=1);

namespace Wuye;

/** How an SLA clock counts time: business hours of the calendar, or wall-clock time. */
enum Timing: string
{
    case Business = 'business';
    case AroundTheClock = 'around_the_clock';
}
