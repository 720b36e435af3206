<?php

declare(strict_types=1);

namespace Wuye;

/** Status 12: an event log entry does not apply (wrong schema, does not fit the state). */
final class InvalidEventException extends WuyeException
{
    public const STATUS = Status::InvalidEvent;
}
