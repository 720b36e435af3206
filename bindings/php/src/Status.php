<?php

declare(strict_types=1);

namespace Wuye;

/**
 * Status of a call; the values are those of the contract and of the C `WuyeStatus`, stable and
 * never reused. Every status but `Ok` has its exception class ({@see WuyeException::of()}).
 */
enum Status: int
{
    case Ok = 0;
    case NullArgument = 1;
    case InvalidUtf8 = 2;
    case MalformedJson = 3;
    case UnsupportedVersion = 4;
    case UnknownOperation = 5;
    case InvalidRequest = 6;
    case Refused = 7;
    case NotFound = 8;
    case Conflict = 9;
    case Calendar = 10;
    case InvalidConfig = 11;
    case InvalidEvent = 12;
    case InvalidHandle = 13;
    case Panic = 14;

    /** The stable snake_case name, as `wuye_status_name()` gives it (e.g. `not_found`). */
    public function wireName(): string
    {
        return match ($this) {
            self::Ok => 'ok',
            self::NullArgument => 'null_argument',
            self::InvalidUtf8 => 'invalid_utf8',
            self::MalformedJson => 'malformed_json',
            self::UnsupportedVersion => 'unsupported_version',
            self::UnknownOperation => 'unknown_operation',
            self::InvalidRequest => 'invalid_request',
            self::Refused => 'refused',
            self::NotFound => 'not_found',
            self::Conflict => 'conflict',
            self::Calendar => 'calendar',
            self::InvalidConfig => 'invalid_config',
            self::InvalidEvent => 'invalid_event',
            self::InvalidHandle => 'invalid_handle',
            self::Panic => 'panic',
        };
    }
}
