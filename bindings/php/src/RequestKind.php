<?php

declare(strict_types=1);

namespace Wuye;

/** Kind of a service request 报事类型 (wire names of the contract). */
enum RequestKind: string
{
    case Repair = 'repair';
    case Matter = 'matter';
    case Complaint = 'complaint';
    case Suggestion = 'suggestion';
    case Inquiry = 'inquiry';
    case Praise = 'praise';
}
