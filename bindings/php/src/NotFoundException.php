<?php

declare(strict_types=1);

namespace Wuye;

/** Status 8: no request with the given id. */
final class NotFoundException extends WuyeException
{
    public const STATUS = Status::NotFound;
}
