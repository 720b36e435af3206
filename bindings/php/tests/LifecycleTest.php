<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Actor;
use Wuye\Command;
use Wuye\Engine;
use Wuye\HoldReason;
use Wuye\Priority;
use Wuye\RefusedException;
use Wuye\ReporterKind;
use Wuye\RequestKind;
use Wuye\Stage;

/** Requests from registration to their end, through the PHP API. */
final class LifecycleTest extends WuyeTestCase
{
    /** The response of the contract test for this registration, byte for byte. */
    private const REGISTERED = '{"v":1,"ok":true,"result":{"events":[{"schema":1,"request":"R1","at":"2026-03-02T09:00:00+08:00","actor":{"role":"agent","id":"kf01"},"change":{"type":"registered","request":{"id":"R1","kind":"repair","priority":"normal","channel":"phone","location":{"unit":"3-1-502"},"reporter":{"kind":"owner","name":"王女士","phone":"13800000000"},"description":"厨房水龙头漏水"}}}]}}';

    public function testChineseTextRoundTripsByteForByte(): void
    {
        $e = Engine::standard();
        $request = '{"v":1,"op":"request.register","args":{"request":{"id":"R1","kind":"repair","priority":"normal","channel":"phone","location":{"unit":"3-1-502"},"reporter":{"kind":"owner","name":"王女士","phone":"13800000000"},"description":"厨房水龙头漏水"},"actor":{"role":"agent","id":"kf01"},"now":"2026-03-02T09:00:00+08:00"}}';
        self::assertSame(self::REGISTERED, $e->callJson($request));
        // The same request built by the PHP API encodes to the same bytes.
        self::assertSame($request, \Wuye\Contract::request('request.register', [
            'request' => self::repair(), 'actor' => Actor::agent('kf01'), 'now' => self::t('09:00'),
        ]));

        $got = $e->requestGet('R1')['request']['details'];
        self::assertSame(self::LEAK, $got['description']);
        self::assertSame('e58ea8e688bfe6b0b4e9be99e5a4b4e6bc8fe6b0b4', bin2hex($got['description']));
        self::assertSame('王女士', $got['reporter']['name']);
        self::assertSame(21, strlen($got['description']), '7 characters of 3 UTF-8 bytes');

        // Notes, reasons and comments come back as they went in.
        $e->requestExecute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:05'));
        $e->requestExecute('R1', Command::accept(), Actor::worker('w1'), self::t('09:10'));
        $held = $e->requestExecute('R1', Command::hold('等业主回家开门'), Actor::worker('w1'), self::t('09:20'))['events'];
        self::assertSame(['other' => '等业主回家开门'], $held[0]['change']['reason']);
        self::assertSame('等业主回家开门', $e->requestGet('R1')['request']['stage']['reason']['other']);
        // "2号楼电梯厅" in a common area, emoji and ASCII control escapes survive too.
        $e->requestRegister(['location' => ['common_area' => '2号楼电梯厅'], 'description' => "电梯异响 🛗\t\"急\"/"] + self::repair('R2'), Actor::reporter('业主-0502'), self::t('09:30'));
        $r2 = $e->requestGet('R2')['request'];
        self::assertSame('2号楼电梯厅', $r2['details']['location']['common_area']);
        self::assertSame("电梯异响 🛗\t\"急\"/", $r2['details']['description']);
        self::assertStringContainsString('"description":"电梯异响 🛗\t\"急\"/"', $e->exportJson());

        // Requests larger than the binding's reusable buffer (4 KiB), then small ones again.
        $long = str_repeat('水管爆裂，', 20000);
        self::assertSame(300000, strlen($long));
        $e->requestRegister(['description' => $long] + self::repair('L1'), Actor::agent('kf01'), self::t('10:00'));
        self::assertSame($long, $e->requestGet('L1')['request']['details']['description']);
        self::assertSame(self::LEAK, $e->requestGet('R1')['request']['details']['description']);
        $huge = str_repeat('漏', 500000); // 1.5 MB: past the largest reusable buffer
        $e->requestRegister(['description' => $huge] + self::repair('L2'), Actor::agent('kf01'), self::t('10:00'));
        self::assertSame($huge, $e->requestGet('L2')['request']['details']['description']);
        self::assertSame($long, $e->requestGet('L1')['request']['details']['description']);
    }

    public function testAFullRepairEndsSatisfiedAndClosed(): void
    {
        $e = Engine::standard();
        $types = [];
        $record = static function (array $events) use (&$types): void {
            foreach ($events as $ev) {
                $types[] = $ev['change']['type'];
            }
        };
        $record($e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'))['events']);
        self::assertSame(Stage::Registered, Stage::of($e->requestGet('R1')['request']));
        self::assertSame(Stage::Registered, Stage::of($e->requestGet('R1')), 'the whole result reads too');
        $steps = [
            [Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), '09:05', Stage::Dispatched],
            [Command::accept(), Actor::worker('w1'), '09:10', Stage::Accepted],
            [Command::arrive(), Actor::worker('w1'), '09:30', Stage::InProgress],
            [Command::hold(HoldReason::WaitingForParts), Actor::worker('w1'), '09:40', Stage::OnHold],
            [Command::resume(), Actor::worker('w1'), '10:00', Stage::InProgress],
            [Command::complete('换阀芯'), Actor::worker('w1'), '10:30', Stage::Completed],
            [Command::reply('已修好'), Actor::agent('kf01'), '11:00', Stage::Replied],
            [Command::callback(5, '师傅很专业', speed: 5), Actor::agent('kf01'), '11:30', Stage::Closed],
        ];
        foreach ($steps as [$command, $actor, $hm, $stage]) {
            $record($e->requestExecute('R1', $command, $actor, self::t($hm))['events']);
            self::assertSame($stage, Stage::of($e->requestGet('R1')['request']), $command->step());
        }
        self::assertSame(['registered', 'dispatched', 'accepted', 'arrived', 'held', 'resumed', 'completed', 'replied', 'callback_rated'], $types);

        $r = $e->requestGet('R1')['request'];
        // 满意关闭: closed by a satisfied callback, carrying its rating.
        self::assertSame(['stage' => 'closed', 'closure' => ['by' => 'satisfied', 'rating' => 5, 'comment' => '师傅很专业']], $r['stage']);
        self::assertTrue(Stage::of($r)->isTerminal());
        self::assertSame(0, $r['reopen_count']);
        self::assertSame(self::t('11:30'), $r['last_event_at']);
        self::assertThrowsWuye(RefusedException::class, 'illegal_step', static fn () => $e->requestExecute('R1', Command::cancel('late'), Actor::agent('kf01'), self::t('12:00')));

        // Complete clock: 09:00–09:40 (40 min) + 10:00–10:30 (30 min) = 70 min, held time excluded.
        $complete = self::clock($e->slaStatus('R1', self::t('12:00')), 'complete');
        self::assertSame('met', $complete['state']);
        self::assertSame(4200, $complete['elapsed_seconds']);
        self::assertSame(self::t('10:30'), $complete['stopped_at']);
    }

    public function testAnUnsatisfiedCallbackReopensTheRequest(): void
    {
        $e = Engine::standard();
        self::workThrough($e);
        $events = $e->requestExecute('R1', Command::callback(2, '还是漏', quality: 1), Actor::agent('kf01'), self::t('11:30'))['events'];
        self::assertSame(['callback_rated', 'reopened'], array_map(static fn ($ev) => $ev['change']['type'], $events));
        self::assertFalse($events[0]['change']['satisfied']);
        self::assertSame(2, $events[0]['change']['rating']);
        self::assertSame(['quality' => 1], $events[0]['change']['aspects']);
        self::assertSame(1, $events[1]['change']['count']);

        $r = $e->requestGet('R1')['request'];
        self::assertSame(Stage::Registered, Stage::of($r), 'a reopened request goes back to dispatch');
        self::assertSame(1, $r['reopen_count']);

        // A second handling cycle with fresh clocks; the first keeps its figures.
        $status = $e->slaStatus('R1', self::t('11:30'));
        self::assertCount(2, $status['cycles']);
        self::assertSame(1, $status['cycles'][1]['cycle']);
        self::assertSame(self::t('11:30'), $status['cycles'][1]['started_at']);
        self::assertSame('running', self::clock($status, 'dispatch', 1)['state']);
        self::assertSame('met', self::clock($status, 'complete', 0)['state']);

        // Handled again, and this time satisfied.
        $e->requestExecute('R1', Command::dispatch('engineering', 'w2'), Actor::dispatcher('dd01'), self::t('13:30'));
        $e->requestExecute('R1', Command::accept(), Actor::worker('w2'), self::t('13:35'));
        $e->requestExecute('R1', Command::arrive(), Actor::worker('w2'), self::t('13:50'));
        $e->requestExecute('R1', Command::complete('更换水龙头'), Actor::worker('w2'), self::t('14:30'));
        $e->requestExecute('R1', Command::reply(), Actor::agent('kf01'), self::t('15:00'));
        $e->requestExecute('R1', Command::callback(4), Actor::agent('kf01'), self::t('16:00'));
        self::assertSame(['by' => 'satisfied', 'rating' => 4], $e->requestGet('R1')['request']['stage']['closure']);
    }

    public function testTheSatisfiedThresholdComesFromTheConfig(): void
    {
        $e = new Engine(['config' => ['departments' => [['code' => 'engineering', 'name' => '工程部']], 'satisfied_threshold' => 5, 'max_callback_attempts' => 1]]);
        self::workThrough($e);
        $events = $e->requestExecute('R1', Command::callback(4), Actor::agent('kf01'), self::t('11:30'))['events'];
        self::assertSame('reopened', $events[1]['change']['type'], 'with threshold 5 a 4 reopens');
        self::assertThrowsWuye(RefusedException::class, 'unknown_department', static fn () => $e->requestExecute('R1', Command::dispatch('cleaning'), Actor::dispatcher('d'), self::t('12:00')));
    }

    public function testOtherEndings(): void
    {
        $e = Engine::standard();
        // An inquiry closes when the centre replies.
        $e->requestRegister(self::repair('Q1', Priority::Low, RequestKind::Inquiry), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute('Q1', Command::reply('停水通知已发'), Actor::agent('kf01'), self::t('09:10'));
        self::assertSame(['stage' => 'closed', 'closure' => ['by' => 'reply']], $e->requestGet('Q1')['request']['stage']);

        // Cancelled by the reporter.
        $e->requestRegister(self::repair('C1'), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute('C1', Command::cancel('业主已自行修好'), Actor::reporter('owner-0502'), self::t('09:20'));
        self::assertSame(['stage' => 'cancelled', 'reason' => '业主已自行修好'], $e->requestGet('C1')['request']['stage']);
        self::assertTrue(Stage::of($e->requestGet('C1')['request'])->isTerminal());

        // A duplicate closed without work.
        $e->requestRegister(self::repair('D1'), Actor::agent('kf01'), self::t('09:01'));
        $e->requestExecute('D1', Command::closeWithoutWork('重复报事', 'C1'), Actor::agent('kf01'), self::t('09:02'));
        self::assertSame(['by' => 'without_work', 'reason' => '重复报事', 'duplicate_of' => 'C1'], $e->requestGet('D1')['request']['stage']['closure']);

        // Transfer, return, then handled and the reporter never answers: closed unreachable.
        self::workThrough($e, 'U1');
        $e->requestRegister(self::repair('T1'), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute('T1', Command::dispatch('cleaning'), Actor::dispatcher('dd01'), self::t('09:05'));
        $moved = $e->requestExecute('T1', Command::transfer('engineering', '不是保洁的活', 'w3'), Actor::dispatcher('dd01'), self::t('09:06'))['events'];
        self::assertSame(['type' => 'transferred', 'from_department' => 'cleaning', 'department' => 'engineering', 'assignee' => 'w3', 'reason' => '不是保洁的活'], $moved[0]['change']);
        $e->requestExecute('T1', Command::return('缺少材料'), Actor::worker('w3'), self::t('09:07'));
        $t1 = $e->requestGet('T1')['request'];
        self::assertSame([1, 1, Stage::Registered], [$t1['transfer_count'], $t1['return_count'], Stage::of($t1)]);

        for ($i = 1; $i <= 3; $i++) {
            if ($i === 3) {
                self::assertThrowsWuye(RefusedException::class, 'callback_attempts_remaining', static fn () => $e->requestExecute('U1', Command::closeUnreachable('电话无人接听'), Actor::agent('kf01'), self::t('12:00')));
            }
            $ev = $e->requestExecute('U1', Command::callbackUnreachable(), Actor::agent('kf01'), self::t("1$i:00"))['events'];
            self::assertSame(['type' => 'callback_unreachable', 'attempt' => $i], $ev[0]['change']);
        }
        $e->requestExecute('U1', Command::closeUnreachable('电话无人接听'), Actor::agent('kf01'), self::t('14:00'));
        self::assertSame(['by' => 'unreachable', 'reason' => '电话无人接听'], $e->requestGet('U1')['request']['stage']['closure']);
    }

    public function testEveryEnumValueIsAWireNameTheLibraryAccepts(): void
    {
        $e = Engine::standard();
        $n = 0;
        foreach (RequestKind::cases() as $kind) {
            foreach (\Wuye\Priority::cases() as $priority) {
                foreach (\Wuye\Channel::cases() as $channel) {
                    $e->requestRegister(['channel' => $channel] + self::repair('K' . ++$n, $priority, $kind), Actor::agent('a'), self::t('09:00'));
                    self::assertSame([$kind->value, $priority->value, $channel->value], [
                        $e->requestGet("K$n")['request']['details']['kind'], $e->requestGet("K$n")['request']['details']['priority'], $e->requestGet("K$n")['request']['details']['channel'],
                    ]);
                }
            }
        }
        foreach (ReporterKind::cases() as $kind) {
            $reporter = $kind === ReporterKind::Anonymous ? ['kind' => $kind] : ['kind' => $kind, 'name' => '张三'];
            $e->requestRegister(['reporter' => $reporter] + self::repair('P' . $kind->value), Actor::agent('a'), self::t('09:00'));
            self::assertSame($kind->value, $e->requestGet('P' . $kind->value)['request']['details']['reporter']['kind']);
        }
        foreach (\Wuye\Role::cases() as $role) {
            // Every role parses; only the domain decides whether it may act.
            try {
                $e->requestExecute('K1', Command::dispatch('engineering'), new Actor($role, 'x'), self::t('09:00'));
                self::assertContains($role->value, ['agent', 'dispatcher', 'supervisor', 'project_manager', 'system']);
                $e->requestExecute('K1', Command::return('换人'), Actor::supervisor('s'), self::t('09:00'));
            } catch (RefusedException $ex) {
                self::assertSame('role_not_allowed', $ex->errorCode, $role->value);
            }
        }
        foreach (HoldReason::cases() as $reason) {
            self::assertSame(['step' => 'hold', 'reason' => $reason->value], Command::hold($reason->value)->toArray());
        }
    }
}
