<?php

declare(strict_types=1);

namespace Wuye;

/** Status 14: an internal error in libwuye (a caught panic, or a response the binding cannot read). Please report it. */
final class PanicException extends WuyeException
{
    public const STATUS = Status::Panic;
}
