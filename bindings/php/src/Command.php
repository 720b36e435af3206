<?php

declare(strict_types=1);

namespace Wuye;

/**
 * One step of the workflow on an existing request, built by a static constructor and sent
 * with {@see Engine::requestExecute()}. Its wire form is an object tagged by `step`:
 *
 * ```php
 * Command::dispatch('engineering', 'w1');  // {"step":"dispatch","department":"engineering","assignee":"w1"}
 * Command::hold(HoldReason::WaitingForParts);  // {"step":"hold","reason":"waiting_for_parts"}
 * Command::callback(5, speed: 5);          // {"step":"callback","outcome":"rated","rating":5,"aspects":{"speed":5}}
 * ```
 *
 * Values are checked by the library, not here: a rating of 9 is refused by `execute` with
 * the code `invalid_field`.
 */
final class Command implements \JsonSerializable
{
    /** @param array<string, mixed> $wire */
    private function __construct(private readonly array $wire)
    {
    }

    /** Dispatch 派单 to a department (by code), optionally to a named worker. */
    public static function dispatch(string $department, ?string $assignee = null): self
    {
        return self::make(['step' => 'dispatch', 'department' => $department, 'assignee' => $assignee]);
    }

    /** Accept 接单: the acting worker takes the job. */
    public static function accept(): self
    {
        return new self(['step' => 'accept']);
    }

    /** Arrive on site 到场. */
    public static function arrive(): self
    {
        return new self(['step' => 'arrive']);
    }

    /**
     * Put on hold 暂停. A {@see HoldReason}, or a free-text reason (sent as `{"other": "..."}`);
     * a string equal to a HoldReason value reads as that reason.
     */
    public static function hold(HoldReason|string $reason): self
    {
        if (is_string($reason)) {
            $reason = HoldReason::tryFrom($reason) ?? ['other' => $reason];
        }
        return new self(['step' => 'hold', 'reason' => $reason instanceof HoldReason ? $reason->value : $reason]);
    }

    /** Resume 恢复 after a hold. */
    public static function resume(): self
    {
        return new self(['step' => 'resume']);
    }

    /** Complete 完工, with a note of what was done. */
    public static function complete(?string $note = null): self
    {
        return self::make(['step' => 'complete', 'note' => $note]);
    }

    /** Reply 回复 to the reporter, with what they were told. */
    public static function reply(?string $note = null): self
    {
        return self::make(['step' => 'reply', 'note' => $note]);
    }

    /**
     * A callback 回访 where the reporter rated the service 1–5, with optional per-aspect
     * scores (speed 及时性, attitude 服务态度, quality 维修质量). A rating below the desk's
     * satisfied threshold reopens the request.
     */
    public static function callback(
        int $rating,
        ?string $comment = null,
        ?int $speed = null,
        ?int $attitude = null,
        ?int $quality = null,
    ): self {
        $aspects = array_filter(
            ['speed' => $speed, 'attitude' => $attitude, 'quality' => $quality],
            static fn ($v) => $v !== null,
        );
        return self::make([
            'step' => 'callback',
            'outcome' => 'rated',
            'rating' => $rating,
            'comment' => $comment,
            'aspects' => $aspects === [] ? null : $aspects,
        ]);
    }

    /** A callback attempt that could not reach the reporter 联系不上. */
    public static function callbackUnreachable(): self
    {
        return new self(['step' => 'callback', 'outcome' => 'unreachable']);
    }

    /** Close a request whose reporter could not be reached after the configured attempts. */
    public static function closeUnreachable(string $reason): self
    {
        return new self(['step' => 'close_unreachable', 'reason' => $reason]);
    }

    /** Transfer 转单 to another department (or worker). */
    public static function transfer(string $department, string $reason, ?string $assignee = null): self
    {
        return self::make(['step' => 'transfer', 'department' => $department, 'assignee' => $assignee, 'reason' => $reason]);
    }

    /** Return 退单 the request to the centre. */
    public static function return(string $reason): self
    {
        return new self(['step' => 'return', 'reason' => $reason]);
    }

    /** Cancel 撤销. */
    public static function cancel(string $reason): self
    {
        return new self(['step' => 'cancel', 'reason' => $reason]);
    }

    /** Close without work 主动结单, e.g. as a duplicate of another request. */
    public static function closeWithoutWork(string $reason, ?string $duplicateOf = null): self
    {
        return self::make(['step' => 'close_without_work', 'reason' => $reason, 'duplicate_of' => $duplicateOf]);
    }

    /**
     * A command from its wire form (as in an event log or a host's queue); checked by the
     * library when executed.
     *
     * @param array<string, mixed> $wire
     */
    public static function fromArray(array $wire): self
    {
        return new self($wire);
    }

    /** The step name (`dispatch`, `accept`, ..., `close_without_work`). */
    public function step(): string
    {
        return (string) ($this->wire['step'] ?? '');
    }

    /** @return array<string, mixed> the wire form */
    public function toArray(): array
    {
        return $this->wire;
    }

    /** @return array<string, mixed> */
    public function jsonSerialize(): array
    {
        return $this->wire;
    }

    /** @param array<string, mixed> $wire optional fields given as null are left out */
    private static function make(array $wire): self
    {
        return new self(array_filter($wire, static fn ($v) => $v !== null));
    }
}
