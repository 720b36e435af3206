<?php

declare(strict_types=1);

namespace Wuye;

/**
 * Where a request stands. On the wire a stage is an object tagged by `stage` that carries the
 * data true in it (`{"stage":"closed","closure":{"by":"satisfied","rating":5}}`); this enum is
 * the tag. {@see Stage::of()} reads it from what {@see Engine::requestGet()} returns.
 */
enum Stage: string
{
    case Registered = 'registered';
    case Dispatched = 'dispatched';
    case Accepted = 'accepted';
    case InProgress = 'in_progress';
    case OnHold = 'on_hold';
    case Completed = 'completed';
    case Replied = 'replied';
    case Closed = 'closed';
    case Cancelled = 'cancelled';

    /**
     * The stage of a request: of {@see Engine::requestGet()}'s result, of its `request`, or of
     * its `stage` object.
     *
     * @param array<string, mixed> $request
     */
    public static function of(array $request): self
    {
        $request = $request['request'] ?? $request;
        $stage = $request['stage'] ?? $request;
        return self::from(is_array($stage) ? (string) ($stage['stage'] ?? '') : (string) $stage);
    }

    /** Closed and cancelled are terminal: no step leaves them. */
    public function isTerminal(): bool
    {
        return $this === self::Closed || $this === self::Cancelled;
    }
}
