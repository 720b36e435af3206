<?php

declare(strict_types=1);

namespace Wuye;

/** Status 13: the engine was closed (or its handle is otherwise not live). */
final class InvalidHandleException extends WuyeException
{
    public const STATUS = Status::InvalidHandle;
}
