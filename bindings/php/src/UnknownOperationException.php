<?php

declare(strict_types=1);

namespace Wuye;

/** Status 5: no such operation. */
final class UnknownOperationException extends WuyeException
{
    public const STATUS = Status::UnknownOperation;
}
