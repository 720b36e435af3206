<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Actor;
use Wuye\ClockKind;
use Wuye\ClockState;
use Wuye\Command;
use Wuye\Engine;
use Wuye\HoldReason;
use Wuye\Priority;
use Wuye\Timing;

/**
 * SLA and calendar figures worked out by hand. Office hours 08:30–12:00 and 13:30–17:30
 * (7.5 h a day); 国庆 2026-10-01..07 off, Saturday 2026-10-10 worked (调休).
 */
final class SlaTest extends WuyeTestCase
{
    public function testTheNationalDayHolidayInTheWorkingDayCount(): void
    {
        $e = Engine::standard();
        // Oct 8 Thu, 9 Fri, 10 Sat (make-up), then 3 full weeks (12–16, 19–23, 26–30) = 18.
        self::assertSame(18, $e->calendarWorkingDays('2026-10-01', '2026-10-31')['days']);
        self::assertSame(0, $e->calendarWorkingDays('2026-10-01', '2026-10-07')['days']);
        // February: 20 weekdays, 6 of them in 春节 (16–20, 23), plus Saturdays 14 and 28 = 16.
        self::assertSame(16, $e->calendarWorkingDays('2026-02-01', '2026-02-28')['days']);
        self::assertTrue($e->calendarIsWorkingDay('2026-10-10')['working']);
        self::assertTrue($e->calendarIsWorkingDay('2026-09-20')['working']);
        self::assertFalse($e->calendarIsWorkingDay('2026-10-01')['working']);
        self::assertFalse($e->calendarIsWorkingDay('2026-10-11')['working']);
        self::assertTrue($e->calendarIsWorkingDay(new \DateTimeImmutable('2026-10-08 23:59:59'))['working']);
    }

    public function testBusinessTimeAcrossTheHoliday(): void
    {
        $e = Engine::standard();
        // Sep 30 16:00–17:30 = 1.5 h; Oct 1–7 off; Oct 8 = 7.5 h; Oct 9 08:30–12:00 + 13:30–17:00 = 7 h: 16 h.
        self::assertSame('2026-10-09T17:00:00+08:00', $e->calendarAdd('2026-09-30T16:00:00+08:00', 16 * 3600)['instant']);
        self::assertSame(57600, $e->calendarBetween('2026-09-30T16:00:00+08:00', '2026-10-09T17:00:00+08:00')['seconds']);
        self::assertSame('2026-10-08T09:00:00+08:00', $e->calendarAdd('2026-09-30T17:00:00+08:00', 3600)['instant']);
        // Before lunch to after lunch: 11:50–12:00 + 13:30–13:35.
        self::assertSame('2026-03-02T13:35:00+08:00', $e->calendarAdd('2026-03-02T11:50:00+08:00', 15 * 60)['instant']);
        self::assertSame(900, $e->calendarBetween('2026-03-02T11:50:00+08:00', '2026-03-02T13:35:00+08:00')['seconds']);
        self::assertSame('2026-10-08T08:30:00+08:00', $e->calendarNextWorkingInstant('2026-10-01T10:00:00+08:00')['instant']);
        self::assertSame('2026-10-08T13:30:00+08:00', $e->calendarNextWorkingInstant('2026-10-08T12:30:00+08:00')['instant']);
        self::assertSame('2026-10-08T09:00:00+08:00', $e->calendarNextWorkingInstant('2026-10-08T09:00:00+08:00')['instant']);
        // Other offsets are read as the same instant.
        self::assertSame('2026-10-08T09:00:00+08:00', $e->calendarNextWorkingInstant('2026-10-08T01:00:00Z')['instant']);
        self::assertSame('2026-10-08T09:00:00+08:00', $e->calendarNextWorkingInstant(new \DateTimeImmutable('2026-10-08T01:00:00', new \DateTimeZone('UTC')))['instant']);
    }

    public function testANormalRepairRegisteredBeforeTheHoliday(): void
    {
        $e = Engine::standard();
        $e->requestRegister(self::repair(), Actor::agent('kf01'), '2026-09-30T16:00:00+08:00');
        $s = $e->slaStatus('R1', '2026-10-08T12:00:00+08:00');
        self::assertSame(['R1', '2026-10-08T12:00:00+08:00'], [$s['request'], $s['as_of']]);
        self::assertSame(array_map(static fn ($c) => $c->value, ClockKind::cases()), array_column($s['cycles'][0]['clocks'], 'clock'));

        // Elapsed by Oct 8 12:00: 1.5 h on Sep 30 + 08:30–12:00 = 5 h.
        $dispatch = self::clock($s, 'dispatch');
        self::assertSame([1800, 'breached', 18000, 16200, null, '2026-09-30T16:30:00+08:00'], [
            $dispatch['target_seconds'], $dispatch['state'], $dispatch['elapsed_seconds'],
            $dispatch['overdue_seconds'], $dispatch['remaining_seconds'], $dispatch['deadline'],
        ]);
        // Arrive 2 h: 1.5 h on Sep 30, then 30 min on Oct 8.
        $arrive = self::clock($s, 'arrive');
        self::assertSame(['2026-10-08T09:00:00+08:00', 10800], [$arrive['deadline'], $arrive['overdue_seconds']]);
        // Complete 16 h (see testBusinessTimeAcrossTheHoliday).
        $complete = self::clock($s, 'complete');
        self::assertSame(Timing::Business, Timing::from($complete['timing']));
        self::assertSame(ClockState::Running, ClockState::from($complete['state']));
        self::assertSame([57600, 18000, 39600, '2026-10-09T17:00:00+08:00'], [
            $complete['target_seconds'], $complete['elapsed_seconds'], $complete['remaining_seconds'], $complete['deadline'],
        ]);
        // Accept starts at dispatch, reply at completion, callback at the reply.
        foreach (['accept', 'reply', 'callback'] as $name) {
            self::assertSame([ClockState::NotStarted->value, null, 0], [self::clock($s, $name)['state'], self::clock($s, $name)['deadline'], self::clock($s, $name)['elapsed_seconds']], $name);
        }

        // 80 % of the complete clock = 12.8 h: 1.5 + 7.5 h, then 3.5 h to 12:00 and 18 min
        // after lunch = Oct 9 13:48 (to the supervisor); 100 % at 17:00 (to the project manager).
        $events = $e->slaTick('2026-10-09T17:00:00+08:00')['events'];
        $complete = array_values(array_filter($events, static fn ($ev) => $ev['change']['clock'] === 'complete'));
        self::assertSame([
            ['type' => 'escalated', 'cycle' => 0, 'clock' => 'complete', 'percent' => 80, 'notify' => 'supervisor', 'due_at' => '2026-10-09T13:48:00+08:00'],
            ['type' => 'escalated', 'cycle' => 0, 'clock' => 'complete', 'percent' => 100, 'notify' => 'project_manager', 'due_at' => '2026-10-09T17:00:00+08:00'],
        ], array_column($complete, 'change'));
        self::assertSame(['system', 'system'], array_column(array_column($complete, 'actor'), 'role'));
        $at = self::clock($e->slaStatus('R1', '2026-10-09T17:00:00+08:00'), 'complete');
        self::assertSame(['running', 0, null], [$at['state'], $at['remaining_seconds'], $at['overdue_seconds']], 'at its deadline the target is not yet exceeded');
        $after = self::clock($e->slaStatus('R1', '2026-10-09T17:00:01+08:00'), 'complete');
        self::assertSame(['breached', null, 1], [$after['state'], $after['remaining_seconds'], $after['overdue_seconds']]);
    }

    public function testEscalationsFireOnceWhenTheyFallDue(): void
    {
        $e = Engine::standard();
        $e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        // Dispatch 30 min: 80 % = 24 min after 09:00.
        self::assertSame([], $e->slaTick(self::t('09:23:59'))['events']);
        $first = $e->slaTick(self::t('09:24'))['events'];
        self::assertCount(1, $first);
        self::assertSame(['type' => 'escalated', 'cycle' => 0, 'clock' => 'dispatch', 'percent' => 80, 'notify' => 'supervisor', 'due_at' => self::t('09:24')], $first[0]['change']);
        self::assertSame(self::t('09:24'), $first[0]['at']);
        self::assertSame([], $e->slaTick(self::t('09:24'))['events'], 'recorded once, however often the host ticks');
        $second = $e->slaTick(self::t('09:40'))['events'];
        self::assertSame([[100, 'project_manager', self::t('09:30')]], array_map(static fn ($ev) => [$ev['change']['percent'], $ev['change']['notify'], $ev['change']['due_at']], $second));
    }

    public function testHoldPausesAndAroundTheClockIgnoresTheCalendar(): void
    {
        $e = Engine::standard();
        $e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:10'));
        $e->requestExecute('R1', Command::accept(), Actor::worker('w1'), self::t('09:20'));
        $e->requestExecute('R1', Command::hold(HoldReason::WaitingForOwner), Actor::worker('w1'), self::t('09:40'));
        $paused = self::clock($e->slaStatus('R1', self::t('11:00')), 'complete');
        self::assertSame(['paused', 2400, null], [$paused['state'], $paused['elapsed_seconds'], $paused['deadline']]);
        $e->requestExecute('R1', Command::resume(), Actor::worker('w1'), self::t('14:00'));
        // 40 min before the hold; 16 h − 40 min = 15 h 20 min from Mon 14:00: 3.5 h Mon,
        // 7.5 h Tue, then 4 h 20 min on Wed = 08:30–12:00 + 13:30–14:20.
        self::assertSame('2026-03-04T14:20:00+08:00', self::clock($e->slaStatus('R1', self::t('14:00')), 'complete')['deadline']);
        $met = self::clock($e->slaStatus('R1', self::t('14:00')), 'dispatch');
        self::assertSame(['met', 600, self::t('09:10')], [$met['state'], $met['elapsed_seconds'], $met['stopped_at']]);

        // Emergency: around the clock, even at night on a holiday.
        $e->requestRegister(self::repair('E1', Priority::Emergency), Actor::agent('kf01'), '2026-10-01T22:00:00+08:00');
        $s = $e->slaStatus('E1', '2026-10-01T23:00:00+08:00');
        self::assertSame(['around_the_clock', '2026-10-01T22:10:00+08:00', 3000], [self::clock($s, 'dispatch')['timing'], self::clock($s, 'dispatch')['deadline'], self::clock($s, 'dispatch')['overdue_seconds']]);
        self::assertSame('2026-10-02T02:00:00+08:00', self::clock($s, 'complete')['deadline']);
    }

    public function testEveryClockStateIsReachedAndNamedByTheEnum(): void
    {
        $e = Engine::standard();
        self::workThrough($e);
        $e->requestRegister(self::repair('X1'), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute('X1', Command::cancel('重复'), Actor::agent('kf01'), self::t('09:05'));
        $e->requestRegister(self::repair('B1'), Actor::agent('kf01'), self::t('09:00'));
        $e->requestRegister(self::repair('H1'), Actor::agent('kf01'), self::t('09:00'));
        $e->requestExecute('H1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:05'));
        $e->requestExecute('H1', Command::accept(), Actor::worker('w1'), self::t('09:10'));
        $e->requestExecute('H1', Command::hold('等物业审批'), Actor::worker('w1'), self::t('09:15'));
        $seen = [];
        foreach ($e->slaStatusBatch(self::t('17:00'))['statuses'] as $item) {
            self::assertTrue($item['ok']);
            foreach ($item['result']['cycles'] as $cycle) {
                foreach ($cycle['clocks'] as $c) {
                    $seen[ClockState::from($c['state'])->value] = true;
                    ClockKind::from($c['clock']);
                    Timing::from($c['timing']);
                }
            }
        }
        ksort($seen);
        $all = array_map(static fn ($s) => $s->value, ClockState::cases());
        sort($all);
        self::assertSame($all, array_keys($seen));
    }
}
