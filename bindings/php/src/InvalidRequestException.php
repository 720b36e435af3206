<?php

declare(strict_types=1);

namespace Wuye;

/** Status 6: well-formed JSON that does not fit the operation (codes `unknown_field`, `missing_field`, `wrong_type`, `invalid_value`). */
final class InvalidRequestException extends WuyeException
{
    public const STATUS = Status::InvalidRequest;
}
