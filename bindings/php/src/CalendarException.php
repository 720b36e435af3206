<?php

declare(strict_types=1);

namespace Wuye;

/** Status 10: the calendar cannot answer (`year_not_covered`, `invalid_duration`, `reversed_range`). */
final class CalendarException extends WuyeException
{
    public const STATUS = Status::Calendar;
}
