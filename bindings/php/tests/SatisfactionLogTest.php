<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Actor;
use Wuye\GroupBy;
use Wuye\Channel;
use Wuye\Command;
use Wuye\Engine;
use Wuye\HoldReason;
use Wuye\InvalidEventException;
use Wuye\InvalidRequestException;
use Wuye\Priority;
use Wuye\RefusedException;
use Wuye\RequestKind;

/**
 * 回访满意率, callback coverage, service KPIs and 回访抽样 from the service log, through the
 * PHP methods: the requests of tests/vectors/survey-service.json are registered, worked and
 * called back through this engine, then survey.callbacks, kpi.report and survey.sample read
 * them. The expected figures are the hand-worked ones of that file's notes (and of
 * docs/contract.md), restated in the comments.
 */
final class SatisfactionLogTest extends WuyeTestCase
{
    private const MON = '2026-03-02T00:00:00+08:00';
    private const TUE = '2026-03-03T00:00:00+08:00';
    private const WED = '2026-03-04T00:00:00+08:00';
    private const THU = '2026-03-05T00:00:00+08:00';

    /** @return array{count: int, total: int, percent: ?string, interval: ?array{low: string, high: string}} */
    private static function rate(int $count, int $total, string $percent, string $low, string $high): array
    {
        return ['count' => $count, 'total' => $total, 'percent' => $percent, 'interval' => ['low' => $low, 'high' => $high]];
    }

    /** @return array{count: int, total: int, percent: null, interval: null} */
    private static function noData(int $count = 0, int $total = 0): array
    {
        return ['count' => $count, 'total' => $total, 'percent' => null, 'interval' => null];
    }

    /** @return array<string, mixed> */
    private static function request(string $id, RequestKind $kind, Priority $priority, array $where, array $who, string $what): array
    {
        return ['id' => $id, 'kind' => $kind, 'priority' => $priority, 'channel' => Channel::Phone,
            'location' => $where, 'reporter' => $who, 'description' => $what];
    }

    /**
     * The seven requests of survey-service.json over Monday 2026-03-02 and Tuesday 03-03:
     * GD-001 报修 closed satisfied; GD-002 投诉 reopened after a 2, then satisfied; GD-003 报修
     * (high) held for parts, three unreachable callbacks, closed unreachable; GD-004 咨询
     * closed at reply; GD-005 报事 returned and redispatched, satisfied; GD-006 cancelled;
     * GD-007 投诉 accepted on Tuesday.
     *
     * @return list<array<string, mixed>> every event, in order
     */
    private static function gd(Engine $e): array
    {
        $mon = static fn (string $hm): string => self::t($hm, '2026-03-02');
        $tue = static fn (string $hm): string => self::t($hm, '2026-03-03');
        $kf = Actor::agent('kf01');
        $dd = Actor::dispatcher('dd01');
        $zhang = Actor::worker('张师傅');
        $li = Actor::worker('李队长');
        $wang = Actor::worker('王师傅');
        $zhao = Actor::worker('赵阿姨');
        $qian = Actor::worker('钱阿姨');
        $log = [];
        $reg = static function (array $r, string $at) use ($e, $kf, &$log): void {
            array_push($log, ...$e->requestRegister($r, $kf, $at)['events']);
        };
        $do = static function (string $id, Command $c, Actor $a, string $at) use ($e, &$log): void {
            array_push($log, ...$e->requestExecute($id, $c, $a, $at)['events']);
        };
        $reg(self::request('GD-001', RequestKind::Repair, Priority::Normal, ['unit' => '3-1-502'],
            ['kind' => 'owner', 'name' => '王女士', 'phone' => '13900000001'], '厨房水龙头关不紧，一直滴水'), $mon('09:00'));
        $do('GD-001', Command::dispatch('engineering', '张师傅'), $dd, $mon('09:10'));
        $do('GD-001', Command::accept(), $zhang, $mon('09:20'));
        $reg(self::request('GD-002', RequestKind::Complaint, Priority::Normal, ['unit' => '4-2-702'],
            ['kind' => 'owner', 'name' => '孙先生', 'phone' => '13900000002'], '楼上午休时间装修电钻噪音'), $mon('09:30'));
        $do('GD-002', Command::dispatch('security', '李队长'), $dd, $mon('09:40'));
        $do('GD-001', Command::arrive(), $zhang, $mon('10:00'));
        $reg(self::request('GD-003', RequestKind::Repair, Priority::High, ['unit' => '2-1-301'],
            ['kind' => 'owner', 'name' => '陈先生', 'phone' => '13900000003'], '卫生间天花板渗水'), $mon('10:00'));
        $do('GD-003', Command::dispatch('engineering', '王师傅'), $dd, $mon('10:05'));
        $do('GD-003', Command::accept(), $wang, $mon('10:10'));
        $do('GD-002', Command::accept(), $li, $mon('10:30'));
        $do('GD-003', Command::arrive(), $wang, $mon('10:30'));
        $do('GD-003', Command::hold(HoldReason::WaitingForParts), $wang, $mon('10:40'));
        $do('GD-002', Command::arrive(), $li, $mon('10:45'));
        $do('GD-001', Command::complete(), $zhang, $mon('11:00'));
        $reg(self::request('GD-004', RequestKind::Inquiry, Priority::Normal, ['unit' => '1-1-1201'],
            ['kind' => 'owner', 'name' => '黄女士'], '清明节假期物业值班时间？'), $mon('11:00'));
        $do('GD-004', Command::reply(), $kf, $mon('11:20'));
        $do('GD-001', Command::reply(), $kf, $mon('11:30'));
        $do('GD-002', Command::complete(), $li, $mon('11:30'));
        $reg(self::request('GD-005', RequestKind::Matter, Priority::Normal, ['common_area' => '6号楼地下室走廊'],
            ['kind' => 'colleague', 'name' => '何磊'], '地下室走廊堆放杂物，有异味'), $mon('13:40'));
        $do('GD-002', Command::reply(), $kf, $mon('13:45'));
        $do('GD-005', Command::dispatch('cleaning', '赵阿姨'), $dd, $mon('13:50'));
        $do('GD-001', Command::callback(5), $kf, $mon('14:00'));
        $do('GD-003', Command::resume(), $wang, $mon('14:00'));
        $do('GD-005', Command::accept(), $zhao, $mon('14:00'));
        $do('GD-005', Command::return('不在本人负责区域，请改派'), $zhao, $mon('14:05'));
        $do('GD-005', Command::dispatch('cleaning', '钱阿姨'), $dd, $mon('14:10'));
        $do('GD-005', Command::accept(), $qian, $mon('14:20'));
        $do('GD-005', Command::arrive(), $qian, $mon('14:30'));
        $do('GD-002', Command::callback(2), $kf, $mon('15:00'));
        $do('GD-003', Command::complete(), $wang, $mon('15:00'));
        $do('GD-002', Command::dispatch('security', '李队长'), $dd, $mon('15:10'));
        $do('GD-002', Command::accept(), $li, $mon('15:20'));
        $do('GD-003', Command::reply(), $kf, $mon('15:30'));
        $do('GD-005', Command::complete(), $qian, $mon('15:30'));
        $do('GD-002', Command::arrive(), $li, $mon('15:40'));
        $do('GD-003', Command::callbackUnreachable(), $kf, $mon('16:00'));
        $do('GD-005', Command::reply(), $kf, $mon('16:00'));
        $do('GD-002', Command::complete(), $li, $mon('16:30'));
        $do('GD-002', Command::reply(), $kf, $mon('17:00'));
        $do('GD-002', Command::callback(4), $kf, $tue('09:00'));
        $reg(self::request('GD-006', RequestKind::Repair, Priority::Normal, ['unit' => '5-2-601'],
            ['kind' => 'tenant', 'name' => '刘先生', 'phone' => '13900000006'], '阳台门把手松动'), $tue('09:00'));
        $do('GD-006', Command::dispatch('engineering', '张师傅'), $dd, $tue('09:05'));
        $do('GD-005', Command::callback(5), $kf, $tue('09:30'));
        $do('GD-006', Command::cancel('自己修好了'), Actor::reporter('业主-5-2-601'), $tue('09:30'));
        $do('GD-003', Command::callbackUnreachable(), $kf, $tue('10:00'));
        $reg(self::request('GD-007', RequestKind::Complaint, Priority::Normal, ['unit' => '8-1-1102'],
            ['kind' => 'owner', 'name' => '周女士', 'phone' => '13900000007'], '地下车库车位被长期占用'), $tue('10:00'));
        $do('GD-007', Command::dispatch('security', '李队长'), $dd, $tue('10:10'));
        $do('GD-007', Command::accept(), $li, $tue('10:40'));
        $do('GD-003', Command::callbackUnreachable(), $kf, $tue('11:00'));
        $do('GD-003', Command::closeUnreachable('三次电话回访均未接通'), Actor::supervisor('zg01'), $tue('11:30'));
        return $log;
    }

    /**
     * Complaint R9 on Wednesday, on a scratch engine: 安管部 李队长, replied 10:00, rated 3 at
     * 10:30 and reopened (the standard threshold is 4).
     *
     * @return list<array<string, mixed>>
     */
    private static function r9(): array
    {
        $e = Engine::standard();
        $wed = static fn (string $hm): string => self::t($hm, '2026-03-04');
        $li = Actor::worker('李队长');
        $log = $e->requestRegister(self::request('R9', RequestKind::Complaint, Priority::Normal, ['unit' => '4-2-702'],
            ['kind' => 'owner', 'name' => '孙先生'], '楼上装修噪音'), Actor::agent('kf01'), $wed('09:00'))['events'];
        array_push($log, ...$e->requestExecute('R9', Command::dispatch('security', '李队长'), Actor::dispatcher('dd01'), $wed('09:05'))['events']);
        array_push($log, ...$e->requestExecute('R9', Command::accept(), $li, $wed('09:10'))['events']);
        array_push($log, ...$e->requestExecute('R9', Command::arrive(), $li, $wed('09:20'))['events']);
        array_push($log, ...$e->requestExecute('R9', Command::complete(), $li, $wed('09:50'))['events']);
        array_push($log, ...$e->requestExecute('R9', Command::reply(), Actor::agent('kf01'), $wed('10:00'))['events']);
        array_push($log, ...$e->requestExecute('R9', Command::callback(3), Actor::agent('kf01'), $wed('10:30'))['events']);
        return $log;
    }

    // ---- survey.callbacks -------------------------------------------------------------------

    public function testSatisfactionOnMonday(): void
    {
        $e = Engine::standard();
        self::gd($e);
        // Answers GD-001 rated 5, GD-002 rated 2: 1 of 2 satisfied (≥ 4) = 50.00% [9.45, 90.55];
        // mean 3.5; one unreachable attempt. Rounds replied on Monday: 5; by midnight 2 rated,
        // 3 pending: coverage 2/5 = 40.00% [11.76, 76.93]. `by` defaults to all: no groups.
        self::assertSame([
            'from' => self::MON, 'to' => self::TUE, 'by' => 'all', 'threshold' => 4,
            'overall' => [
                'satisfied' => self::rate(1, 2, '50.00', '9.45', '90.55'), 'mean_rating' => '3.5000', 'unreachable' => 1,
                'coverage' => ['due' => 5, 'reached' => 2, 'closed_unreachable' => 0, 'pending' => 3, 'rate' => self::rate(2, 5, '40.00', '11.76', '76.93')],
            ],
            'groups' => [],
        ], $e->surveyCallbacks(self::MON, self::TUE));
    }

    public function testSatisfactionOverBothDaysByDepartment(): void
    {
        $e = Engine::standard();
        self::gd($e);
        // Answers 5, 2, 4, 5: 3 of 4 = 75.00% [30.06, 95.45], mean 4; GD-003's 3 unreachable
        // attempts; 5 rounds, 4 rated, GD-003 closed unreachable: 80.00% [37.55, 96.38].
        $r = $e->surveyCallbacks(new \DateTimeImmutable(self::MON), self::WED, GroupBy::Department);
        self::assertSame('department', $r['by']);
        self::assertSame(self::rate(3, 4, '75.00', '30.06', '95.45'), $r['overall']['satisfied']);
        self::assertSame(['4.0000', 3], [$r['overall']['mean_rating'], $r['overall']['unreachable']]);
        self::assertSame(['due' => 5, 'reached' => 4, 'closed_unreachable' => 1, 'pending' => 0,
            'rate' => self::rate(4, 5, '80.00', '37.55', '96.38')], $r['overall']['coverage']);
        self::assertSame(['cleaning', 'engineering', 'security'], array_column($r['groups'], 'key'));
        // 工程部: GD-001 rated 5; GD-003 unreachable ×3 and closed: coverage 1/2.
        self::assertSame([
            'key' => 'engineering', 'satisfied' => self::rate(1, 1, '100.00', '20.65', '100.00'), 'mean_rating' => '5.0000', 'unreachable' => 3,
            'coverage' => ['due' => 2, 'reached' => 1, 'closed_unreachable' => 1, 'pending' => 0, 'rate' => self::rate(1, 2, '50.00', '9.45', '90.55')],
        ], $r['groups'][1]);
        // 安管部: GD-002 rated 2 then 4, both rounds reached.
        self::assertSame(self::rate(1, 2, '50.00', '9.45', '90.55'), $r['groups'][2]['satisfied']);
        self::assertSame(self::rate(2, 2, '100.00', '34.23', '100.00'), $r['groups'][2]['coverage']['rate']);
    }

    public function testByAssigneeAWorkerWithoutAnswersHasNoSatisfactionFigure(): void
    {
        $e = Engine::standard();
        self::gd($e);
        // Keys in code point order (张 U+5F20, 李 U+674E, 王 U+738B, 钱 U+94B1). 王师傅 has no
        // answer — null, not 0% — and one round closed unreachable: 0.00% [0.00, 79.35].
        $r = $e->surveyCallbacks(self::MON, self::WED, GroupBy::Assignee);
        self::assertSame(['张师傅', '李队长', '王师傅', '钱阿姨'], array_column($r['groups'], 'key'));
        self::assertSame([
            'key' => '王师傅', 'satisfied' => self::noData(), 'mean_rating' => null, 'unreachable' => 3,
            'coverage' => ['due' => 1, 'reached' => 0, 'closed_unreachable' => 1, 'pending' => 0, 'rate' => self::rate(0, 1, '0.00', '0.00', '79.35')],
        ], $r['groups'][2]);
    }

    public function testByKindAndByMonthWithAReportThreshold(): void
    {
        $e = Engine::standard();
        self::gd($e);
        $k = $e->surveyCallbacks(self::MON, self::WED, GroupBy::Kind);
        self::assertSame(['complaint', 'matter', 'repair'], array_column($k['groups'], 'key'));
        // Threshold 2: every answer (5, 2, 4, 5) satisfied: 4/4 = 100.00% [51.00, 100.00].
        $m = $e->surveyCallbacks(self::MON, self::WED, GroupBy::Month, threshold: 2);
        self::assertSame(2, $m['threshold']);
        self::assertSame(self::rate(4, 4, '100.00', '51.00', '100.00'), $m['overall']['satisfied']);
        self::assertCount(1, $m['groups']);
        self::assertSame('2026-03', $m['groups'][0]['key']);
        self::assertSame(self::rate(4, 4, '100.00', '51.00', '100.00'), $m['groups'][0]['satisfied']);
    }

    public function testABadThresholdPeriodOrBreakdownIsRefused(): void
    {
        $e = Engine::standard();
        $t = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyCallbacks(self::MON, self::WED, threshold: 6));
        self::assertSame('threshold: must be 1–5, got 6', $t->getMessage());
        $p = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyCallbacks(self::WED, self::MON));
        self::assertSame('to: the period ends (2026-03-02T00:00:00+08:00) before it starts (2026-03-04T00:00:00+08:00)', $p->getMessage());
        self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', fn () => $e->call('survey.callbacks', ['from' => self::MON, 'to' => self::WED, 'by' => 'floor']));
    }

    // ---- kpi.report -------------------------------------------------------------------------

    public function testKpisOnMonday(): void
    {
        $e = Engine::standard();
        self::gd($e);
        // Registered GD-001…005; closed GD-004 (at reply) and GD-001; after a round: GD-001.
        // Accept 300 600 600 600 3000: median 3rd = 600, p90 5th = 3000. Complete 5400 6600
        // 7200 7200 12600: 7200, 12600. Accept clock: 4 met + GD-002's breach.
        $k = $e->kpiReport(self::MON, self::TUE, households: 1860);
        self::assertSame(['registered' => 5, 'closed' => 2, 'closed_after_work' => 1, 'cancelled' => 0], $k['requests']);
        self::assertSame(['count' => 5, 'median_seconds' => 600, 'p90_seconds' => 3000], $k['accept']);
        self::assertSame(['count' => 5, 'median_seconds' => 7200, 'p90_seconds' => 12600], $k['complete']);
        self::assertSame(['dispatch', 'accept', 'arrive', 'complete', 'reply', 'callback'], array_column($k['on_time'], 'clock'));
        self::assertSame(['clock' => 'accept', 'met' => 4, 'breached' => 1, 'rate' => self::rate(4, 5, '80.00', '37.55', '96.38')], $k['on_time'][1]);
        self::assertSame(self::rate(6, 6, '100.00', '60.96', '100.00'), $k['on_time'][4]['rate']);
        self::assertSame(self::rate(2, 2, '100.00', '34.23', '100.00'), $k['on_time'][5]['rate']);
        self::assertSame(self::rate(0, 1, '0.00', '0.00', '79.35'), $k['reopened']);
        self::assertSame(self::rate(1, 1, '100.00', '20.65', '100.00'), $k['first_time_right']);
        self::assertSame(self::rate(2, 5, '40.00', '11.76', '76.93'), $k['coverage']['rate']);
        // One complaint: 100/1860 = 0.0537… → 0.05.
        self::assertSame(['count' => 1, 'households' => 1860, 'per_100_households' => '0.05'], $k['complaints']);
    }

    public function testKpisOverBothDays(): void
    {
        $e = Engine::standard();
        self::gd($e);
        // Accept adds GD-007's 1800: median 600, p90 ⌈5.4⌉ = 6th = 3000. Reopened 1/4 = 25.00%
        // [4.55, 69.94]; first-time-right 2/4 = 50.00% [15.00, 85.00]; 2 complaints → 0.11.
        $k = $e->kpiReport(self::MON, self::WED, households: 1860);
        self::assertSame(['registered' => 7, 'closed' => 5, 'closed_after_work' => 4, 'cancelled' => 1], $k['requests']);
        self::assertSame(['count' => 6, 'median_seconds' => 600, 'p90_seconds' => 3000], $k['accept']);
        self::assertSame(self::rate(7, 7, '100.00', '64.56', '100.00'), $k['on_time'][0]['rate']);
        self::assertSame(self::rate(5, 6, '83.33', '43.64', '97.00'), $k['on_time'][1]['rate']);
        self::assertSame(self::rate(1, 4, '25.00', '4.55', '69.94'), $k['reopened']);
        self::assertSame(self::rate(2, 4, '50.00', '15.00', '85.00'), $k['first_time_right']);
        self::assertSame('0.11', $k['complaints']['per_100_households']);
        // Without households there is no per-100 figure; zero households is refused.
        self::assertSame(['count' => 2, 'households' => null, 'per_100_households' => null], $e->kpiReport(self::MON, self::WED)['complaints']);
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->kpiReport(self::MON, self::WED, households: 0));
        self::assertSame('households: must be at least 1', $x->getMessage());
    }

    public function testAQuietDayHasNullRatesAndDurations(): void
    {
        $e = Engine::standard();
        self::gd($e);
        $k = $e->kpiReport(self::WED, self::THU);
        self::assertSame(['count' => 0, 'median_seconds' => null, 'p90_seconds' => null], $k['complete']);
        foreach ($k['on_time'] as $clock) {
            self::assertSame(self::noData(), $clock['rate']);
        }
        self::assertSame(self::noData(), $k['reopened']);
        self::assertSame(self::noData(), $k['first_time_right']);
        $c = $e->surveyCallbacks(self::WED, self::THU);
        self::assertSame(self::noData(), $c['overall']['satisfied']);
        self::assertNull($c['overall']['mean_rating']);
    }

    // ---- a log the host passes --------------------------------------------------------------

    public function testTheSameFiguresFromTheEventLogOnAnotherEngine(): void
    {
        $e = Engine::standard();
        $log = self::gd($e);
        $other = Engine::standard();
        self::assertSame($e->surveyCallbacks(self::MON, self::WED, GroupBy::Assignee),
            $other->surveyCallbacks(self::MON, self::WED, GroupBy::Assignee, events: $log));
        self::assertSame($e->kpiReport(self::MON, self::WED, households: 1860), $other->kpiReport(self::MON, self::WED, households: 1860, events: $log));
        // The log stored as JSON Lines and read back gives the same again.
        $lines = implode("\n", array_map(static fn (array $ev): string => json_encode($ev, JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR), $log));
        $reread = array_map(static fn (string $l): array => json_decode($l, true, 512, JSON_THROW_ON_ERROR), explode("\n", $lines));
        self::assertSame($e->surveyCallbacks(self::MON, self::TUE), $other->surveyCallbacks(self::MON, self::TUE, events: $reread));
        self::assertSame(0, $other->engineInfo()['requests']);
    }

    public function testAComplaintFromAHostsLog(): void
    {
        $e = Engine::standard();
        self::gd($e);
        $events = self::r9();
        self::assertSame('reopened', end($events)['change']['type']);
        // R9 rated 3: not satisfied at the engine's threshold 4: 0/1 = 0.00% [0.00, 79.35];
        // mean 3; its one round reached: coverage 1/1 = 100.00% [20.65, 100.00].
        $r = $e->surveyCallbacks(self::WED, self::THU, GroupBy::Assignee, events: $events);
        self::assertSame(4, $r['threshold']);
        self::assertSame(self::rate(0, 1, '0.00', '0.00', '79.35'), $r['overall']['satisfied']);
        self::assertSame('3.0000', $r['overall']['mean_rating']);
        self::assertSame(self::rate(1, 1, '100.00', '20.65', '100.00'), $r['overall']['coverage']['rate']);
        self::assertSame(['李队长'], array_column($r['groups'], 'key'));
        // At a report threshold of 3 the same answer is satisfied: 1 of 1 = 100.00% [20.65, 100.00].
        $three = $e->surveyCallbacks(self::WED, self::THU, GroupBy::Department, threshold: 3, events: $events);
        self::assertSame(self::rate(1, 1, '100.00', '20.65', '100.00'), $three['groups'][0]['satisfied']);
        self::assertSame('security', $three['groups'][0]['key']);
        // KPIs of the same log: accept 300 s, complete 3000 s, every clock of cycle 1 met,
        // nothing closed (the reopen sends it back); 1 complaint for 100 households: 1.00.
        $k = $e->kpiReport(self::WED, self::THU, households: 100, events: $events);
        self::assertSame(['registered' => 1, 'closed' => 0, 'closed_after_work' => 0, 'cancelled' => 0], $k['requests']);
        self::assertSame(['count' => 1, 'median_seconds' => 300, 'p90_seconds' => 300], $k['accept']);
        self::assertSame(['count' => 1, 'median_seconds' => 3000, 'p90_seconds' => 3000], $k['complete']);
        foreach ($k['on_time'] as $clock) {
            self::assertSame(self::rate(1, 1, '100.00', '20.65', '100.00'), $clock['rate']);
        }
        self::assertSame(self::noData(), $k['reopened']);
        self::assertSame(['count' => 1, 'households' => 100, 'per_100_households' => '1.00'], $k['complaints']);
        // The engine's own seven requests are untouched.
        self::assertSame(7, $e->engineInfo()['requests']);
    }

    public function testALogThatDoesNotReplayIsRefusedWithTheEventsIndex(): void
    {
        $events = array_slice(self::r9(), 1);
        $x = self::assertThrowsWuye(InvalidEventException::class, 'unknown_request',
            fn () => Engine::standard()->kpiReport(self::WED, self::THU, events: $events));
        self::assertSame('event 0: unknown request R9', $x->getMessage());
    }

    // ---- survey.sample ----------------------------------------------------------------------

    public function testSamplingTheEnginesClosedRequests(): void
    {
        $e = Engine::standard();
        self::gd($e);
        // Closed on the two days: GD-001…005. Draws under "2026-03回访": 9839, 1306, 1809, 337,
        // 4242. Below 3000: GD-002, GD-003, GD-004.
        self::assertSame(['considered' => 5, 'selected' => ['GD-002', 'GD-003', 'GD-004']],
            $e->surveySample('2026-03回访', rate: '30', from: self::MON, to: self::WED));
        // 12.5% (below 1250): GD-004 only — a subset.
        self::assertSame(['GD-004'], $e->surveySample('2026-03回访', rate: '12.5', from: self::MON, to: self::WED)['selected']);
        // Size 2: the two smallest keys, GD-004 and GD-001, listed by id.
        self::assertSame(['considered' => 5, 'selected' => ['GD-001', 'GD-004']],
            $e->surveySample('2026-03回访', size: 2, from: self::MON, to: new \DateTimeImmutable(self::WED)));
        // Monday only: GD-001 and GD-004 closed; the same fate as in the two-day batch.
        self::assertSame(['considered' => 2, 'selected' => ['GD-004']],
            $e->surveySample('2026-03回访', rate: '30', from: self::MON, to: self::TUE));
    }

    public function testSamplingGivenIds(): void
    {
        $e = Engine::standard();
        // Under "2026-Q3" the draws of WY20260930-001…005 are 3143, 2394, 5254, 1974, 8056.
        $ids = ['WY20260930-004', 'WY20260930-001', 'WY20260930-005', 'WY20260930-002', 'WY20260930-003'];
        self::assertSame(['considered' => 5, 'selected' => ['WY20260930-002', 'WY20260930-004']], $e->surveySample('2026-Q3', rate: '30', ids: $ids));
        self::assertSame(['considered' => 5, 'selected' => ['WY20260930-001', 'WY20260930-002']], $e->surveySample('2026-Q3', size: 2, ids: $ids));
        $d = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveySample('s', rate: '12.345', ids: ['A']));
        self::assertSame('rate: 12.345: at most 2 decimals', $d->getMessage());
        $o = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveySample('s', rate: '101', ids: ['A']));
        self::assertSame('rate: must be 0–100 percent, got 101', $o->getMessage());
        self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveySample('', size: 1, ids: ['A']));
        self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveySample('s', size: 1, ids: ['A', 'B', 'A']));
        self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', fn () => $e->surveySample('s', rate: '30', size: 2, ids: ['A']));
        self::assertThrowsWuye(InvalidRequestException::class, 'missing_field', fn () => $e->surveySample('s', rate: '30'));
    }
}
