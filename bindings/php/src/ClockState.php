<?php

declare(strict_types=1);

namespace Wuye;

/** State of an SLA clock in a status report. */
enum ClockState: string
{
    case NotStarted = 'not_started';
    case Running = 'running';
    case Paused = 'paused';
    case Met = 'met';
    case Breached = 'breached';
    case Voided = 'voided';
}
