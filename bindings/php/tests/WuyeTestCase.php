<?php

declare(strict_types=1);

namespace Wuye\Tests;

use PHPUnit\Framework\TestCase;
use Wuye\Actor;
use Wuye\Channel;
use Wuye\Command;
use Wuye\Engine;
use Wuye\HoldReason;
use Wuye\Priority;
use Wuye\RequestKind;
use Wuye\WuyeException;

/** Shared fixtures: the request of the contract tests and a few steps. */
abstract class WuyeTestCase extends TestCase
{
    /** The description of the contract tests; must come back byte for byte. */
    protected const LEAK = '厨房水龙头漏水';

    /** @return array<string, mixed> a new request as registered by the contract tests */
    protected static function repair(string $id = 'R1', Priority $priority = Priority::Normal, RequestKind $kind = RequestKind::Repair): array
    {
        return [
            'id' => $id,
            'kind' => $kind,
            'priority' => $priority,
            'channel' => Channel::Phone,
            'location' => ['unit' => '3-1-502'],
            'reporter' => ['kind' => 'owner', 'name' => '王女士', 'phone' => '13800000000'],
            'description' => self::LEAK,
        ];
    }

    /** `{$day}T{$hm}:00+08:00`, by default on (a Monday and an ordinary working day). */
    protected static function t(string $hm, string $day = '2026-03-02'): string
    {
        return strlen($hm) === 5 ? "{$day}T{$hm}:00+08:00" : "{$day}T{$hm}+08:00";
    }

    /**
     * The steps of the contract test from registration to the reply (09:00–11:00 on
     * 2026-03-02), leaving the request replied and waiting for its callback.
     */
    protected static function workThrough(Engine $e, string $id = 'R1'): void
    {
        $e->requestRegister(self::repair($id), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute($id, Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:05'));
        $e->requestExecute($id, Command::accept(), Actor::worker('w1'), self::t('09:10'));
        $e->requestExecute($id, Command::arrive(), Actor::worker('w1'), self::t('09:30'));
        $e->requestExecute($id, Command::hold(HoldReason::WaitingForParts), Actor::worker('w1'), self::t('09:40'));
        $e->requestExecute($id, Command::resume(), Actor::worker('w1'), self::t('10:00'));
        $e->requestExecute($id, Command::complete('换阀芯'), Actor::worker('w1'), self::t('10:30'));
        $e->requestExecute($id, Command::reply(), Actor::agent('kf01'), self::t('11:00'));
    }

    /**
     * Runs `$f` and checks it throws exactly `$class` with this error code.
     *
     * @param class-string<WuyeException> $class
     */
    protected static function assertThrowsWuye(string $class, string $code, callable $f): WuyeException
    {
        try {
            $f();
        } catch (WuyeException $e) {
            self::assertSame($class, $e::class, $e->getMessage());
            self::assertSame($code, $e->errorCode, $e->getMessage());
            self::assertSame($class::STATUS, $e->status);
            self::assertSame($e->status->value, $e->getCode());
            self::assertNotSame('', $e->getMessage());
            return $e;
        }
        self::fail("expected $class ($code), nothing was thrown");
    }

    /**
     * The clock named `$clock` of cycle `$cycle` in an SLA status.
     *
     * @param array<string, mixed> $status
     * @return array<string, mixed>
     */
    protected static function clock(array $status, string $clock, int $cycle = 0): array
    {
        foreach ($status['cycles'][$cycle]['clocks'] as $c) {
            if ($c['clock'] === $clock) {
                return $c;
            }
        }
        self::fail("no clock $clock in cycle $cycle");
    }
}
