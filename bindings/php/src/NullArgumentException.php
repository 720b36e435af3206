<?php

declare(strict_types=1);

namespace Wuye;

/** Status 1: a required pointer was NULL (only reachable through raw FFI use). */
final class NullArgumentException extends WuyeException
{
    public const STATUS = Status::NullArgument;
}
