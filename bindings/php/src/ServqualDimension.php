<?php

declare(strict_types=1);

namespace Wuye;

/**
 * The five SERVQUAL dimensions 服务质量维度, in the order of the reports. Use a case as an
 * item's `dimension` (it encodes as its wire name) or its `->value` as a key of a weights
 * array (enums cannot be array keys).
 */
enum ServqualDimension: string
{
    /** 有形性: facilities, equipment, staff appearance. */
    case Tangibles = 'tangibles';
    /** 可靠性: doing what was promised, dependably and accurately. */
    case Reliability = 'reliability';
    /** 响应性: willingness to help and prompt service. */
    case Responsiveness = 'responsiveness';
    /** 保证性: knowledge and courtesy that inspire trust. */
    case Assurance = 'assurance';
    /** 移情性: caring, individual attention. */
    case Empathy = 'empathy';
}
