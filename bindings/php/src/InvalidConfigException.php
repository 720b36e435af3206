<?php

declare(strict_types=1);

namespace Wuye;

/** Status 11: the engine configuration, SLA policy or calendar data is invalid. */
final class InvalidConfigException extends WuyeException
{
    public const STATUS = Status::InvalidConfig;
}
