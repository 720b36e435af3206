<?php

declare(strict_types=1);

namespace Wuye;

/** Priority 紧急程度; decides the SLA targets. */
enum Priority: string
{
    case Emergency = 'emergency';
    case High = 'high';
    case Normal = 'normal';
    case Low = 'low';
}
