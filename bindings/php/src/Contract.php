<?php

declare(strict_types=1);

namespace Wuye;

use DateTimeInterface;
use JsonException;

/**
 * The versioned JSON contract on the PHP side: builds request bytes and reads response bytes.
 *
 * Requests are `{"v":1,"op":"...","args":{...}}`; responses are
 * `{"v":1,"ok":true,"result":...}` or `{"v":1,"ok":false,"error":{"status":N,"code":"...","message":"..."}}`.
 * Use it with {@see Engine::callJson()} when you hold raw bytes.
 */
final class Contract
{
    /** The contract version spoken (`v`). */
    public const VERSION = 1;

    /** Flags for every JSON this binding writes: UTF-8 and slashes as they are, errors thrown. */
    public const JSON_FLAGS = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR;

    /** The format of an instant: RFC 3339 with its offset, to the second. */
    private const INSTANT = 'Y-m-d\TH:i:sP';

    private function __construct()
    {
    }

    /**
     * The request bytes for an operation. Empty `$args` are sent as `{}`; enums, {@see Actor}
     * and {@see Command} values inside `$args` are written as their wire form.
     *
     * @param array<string, mixed> $args
     * @throws InvalidUtf8Exception when a string in `$args` is not UTF-8.
     * @throws InvalidRequestException when `$args` cannot be written as JSON (NAN, INF, resources...).
     */
    public static function request(string $op, array $args = []): string
    {
        return self::encode(['v' => self::VERSION, 'op' => $op, 'args' => $args === [] ? new \stdClass() : $args]);
    }

    /**
     * The arguments of an operation from the members an {@see Engine} method was given, as
     * the contract reads them: a member given as null is left out (the contract's default
     * applies); a DateTimeInterface member becomes its RFC 3339 instant
     * (`2026-03-02T09:00:00+08:00`), or its date (`2026-03-02`) for the members named in
     * `$dates`, and so does one in the items of a list member (a batch's steps' `now`); a list
     * given with gaps in its keys (after `array_filter`, `unset`) is renumbered so that it
     * stays a JSON array. Enums, {@see Actor} and {@see Command} need nothing: they are
     * written as their wire form by {@see Contract::encode()}.
     *
     * @param array<string, mixed> $members
     * @param list<string> $dates the members that are dates
     * @return array<string, mixed>
     */
    public static function args(array $members, array $dates = []): array
    {
        $args = [];
        foreach ($members as $name => $value) {
            if ($value === null) {
                continue;
            }
            if ($value instanceof DateTimeInterface) {
                $value = $value->format(in_array($name, $dates, true) ? 'Y-m-d' : self::INSTANT);
            } elseif (is_array($value)) {
                if (!array_is_list($value) && array_filter(array_keys($value), 'is_string') === []) {
                    $value = array_values($value);
                }
                foreach ($value as $i => $item) {
                    // A batch's steps carry their own `now`.
                    foreach (is_array($item) ? $item : [] as $key => $v) {
                        if ($v instanceof DateTimeInterface) {
                            $value[$i][$key] = $v->format(self::INSTANT);
                        }
                    }
                }
            }
            $args[$name] = $value;
        }
        return $args;
    }

    /**
     * JSON text of a PHP value, with {@see Contract::JSON_FLAGS}; encoding failures become
     * the matching {@see WuyeException}.
     *
     * @throws InvalidUtf8Exception|InvalidRequestException
     */
    public static function encode(mixed $value): string
    {
        try {
            return json_encode($value, self::JSON_FLAGS);
        } catch (JsonException $e) {
            if ($e->getCode() === JSON_ERROR_UTF8 || $e->getCode() === JSON_ERROR_UTF16) {
                throw new InvalidUtf8Exception('invalid_utf8', 'request is not UTF-8: ' . $e->getMessage(), $e);
            }
            throw new InvalidRequestException('unencodable', 'request cannot be written as JSON: ' . $e->getMessage(), $e);
        }
    }

    /**
     * The `result` of a response, or the typed exception of its `error`.
     *
     * @throws WuyeException the subclass for the response's status.
     */
    public static function decode(string $response): mixed
    {
        try {
            $r = json_decode($response, true, 512, JSON_THROW_ON_ERROR);
        } catch (JsonException $e) {
            throw new PanicException('bad_response', 'libwuye returned a response that is not JSON: ' . $e->getMessage(), $e);
        }
        if (($r['ok'] ?? null) === true && array_key_exists('result', $r)) {
            return $r['result'];
        }
        throw self::failureOf($r, $response);
    }

    /**
     * The exception for a failure response (as from `wuye_engine_new`).
     *
     * @internal
     */
    public static function failure(string $response, int $status): WuyeException
    {
        try {
            $r = json_decode($response, true, 512, JSON_THROW_ON_ERROR);
        } catch (JsonException $e) {
            return WuyeException::of(Status::tryFrom($status) ?? Status::Panic, 'bad_response', "status $status with an unreadable response", $e);
        }
        return self::failureOf($r, $response);
    }

    private static function failureOf(mixed $r, string $response): WuyeException
    {
        $error = is_array($r) ? ($r['error'] ?? null) : null;
        if (!is_array($error) || !is_int($error['status'] ?? null)) {
            return new PanicException('bad_response', 'libwuye returned a response of an unknown shape: ' . substr($response, 0, 200));
        }
        return WuyeException::fromError($error);
    }
}
