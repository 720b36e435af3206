<?php

declare(strict_types=1);

namespace Wuye;

/**
 * A call that libwuye refused, or that could not be made. One subclass per non-OK
 * {@see Status}, so hosts catch exactly what they handle:
 *
 * ```php
 * try {
 *     $engine->requestExecute('R1', Command::accept(), Actor::worker('w1'), $now);
 * } catch (RefusedException $e) {
 *     echo $e->errorCode;   // "role_not_allowed", "illegal_step", "out_of_order", ...
 * }
 * ```
 *
 * - `$e->status` — the {@see Status} (also `getCode()`, as its int value);
 * - `$e->errorCode` — the fine-grained machine-readable code of the contract
 *   (`role_not_allowed`, `year_not_covered`, `unknown_field`, ...);
 * - `getMessage()` — the library's readable message, naming the request, step or field.
 */
abstract class WuyeException extends \RuntimeException
{
    /** The status of this exception class. */
    public const STATUS = Status::Panic;

    /** The contract status. */
    public readonly Status $status;

    /** Fine-grained code, e.g. `role_not_allowed`. */
    public readonly string $errorCode;

    public function __construct(string $errorCode, string $message, ?\Throwable $previous = null)
    {
        parent::__construct($message, static::STATUS->value, $previous);
        $this->status = static::STATUS;
        $this->errorCode = $errorCode;
    }

    /** The contract status. */
    public function getStatus(): Status
    {
        return $this->status;
    }

    /** Fine-grained code, e.g. `role_not_allowed`. */
    public function getErrorCode(): string
    {
        return $this->errorCode;
    }

    /**
     * The exception for a status, as its subclass. {@see Status::Ok} is not an error and
     * reads as a {@see PanicException} (a library bug).
     */
    public static function of(Status $status, string $errorCode, string $message, ?\Throwable $previous = null): self
    {
        $class = $status->exceptionClass() ?? PanicException::class;
        return new $class($errorCode, $message, $previous);
    }

    /**
     * The exception for a contract `error` object (`{"status":7,"code":"...","message":"..."}`),
     * e.g. an item of {@see Engine::requestExecuteBatch()}. A status this binding does not know
     * reads as a {@see PanicException}, as in the core library.
     *
     * @param array{status: int, code?: string, message?: string} $error
     */
    public static function fromError(array $error): self
    {
        $value = (int) ($error['status'] ?? Status::Panic->value);
        $code = (string) ($error['code'] ?? 'unknown');
        $message = (string) ($error['message'] ?? '');
        $status = Status::tryFrom($value);
        if ($status === null || $status === Status::Ok) {
            return new PanicException($code, "unexpected status $value: $message");
        }
        return self::of($status, $code, $message);
    }
}
