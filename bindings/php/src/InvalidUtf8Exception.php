<?php

declare(strict_types=1);

namespace Wuye;

/** Status 2: the request bytes are not UTF-8. */
final class InvalidUtf8Exception extends WuyeException
{
    public const STATUS = Status::InvalidUtf8;
}
