<?php

declare(strict_types=1);

namespace Wuye;

/** Status 4: the request's contract version `v` is not one the library speaks. */
final class UnsupportedVersionException extends WuyeException
{
    public const STATUS = Status::UnsupportedVersion;
}
