<?php

declare(strict_types=1);

namespace Wuye;

/** How {@see Engine::surveyCallbacks()} breaks its figures down into groups. */
enum GroupBy: string
{
    /** No groups: the overall figures only (the default). */
    case All = 'all';
    /** By department code (`engineering` 工程部, `security` 安管部, ...). */
    case Department = 'department';
    /** By the worker who completed the work 处理人 (the one after a return or transfer). */
    case Assignee = 'assignee';
    /** By request kind (`repair` 报修, `complaint` 投诉, `matter` 报事, ...). */
    case Kind = 'kind';
    /** By calendar month in the calendar's offset (`2026-03`). */
    case Month = 'month';
}
