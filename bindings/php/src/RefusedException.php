<?php

declare(strict_types=1);

namespace Wuye;

/** Status 7: the domain refused (codes `role_not_allowed`, `illegal_step`, `out_of_order`, `not_assignee`, `invalid_field`, ...); nothing changed. */
final class RefusedException extends WuyeException
{
    public const STATUS = Status::Refused;
}
