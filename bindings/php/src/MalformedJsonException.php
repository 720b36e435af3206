<?php

declare(strict_types=1);

namespace Wuye;

/** Status 3: the request is not well-formed JSON (or is truncated). */
final class MalformedJsonException extends WuyeException
{
    public const STATUS = Status::MalformedJson;
}
