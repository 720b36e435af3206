<?php

declare(strict_types=1);

namespace Wuye;

/** Status 9: a request with that id already exists. */
final class ConflictException extends WuyeException
{
    public const STATUS = Status::Conflict;
}
