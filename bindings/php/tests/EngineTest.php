<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Actor;
use Wuye\Command;
use Wuye\Contract;
use Wuye\Engine;
use Wuye\Operation;
use Wuye\HoldReason;
use Wuye\InvalidHandleException;
use Wuye\RefusedException;
use Wuye\Role;

/** Every operation of the contract through its PHP method, and the engine's life. */
final class EngineTest extends WuyeTestCase
{
    public function testInfo(): void
    {
        $info = Engine::standard()->engineInfo();
        self::assertSame(1, $info['contract_version']);
        self::assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', $info['library_version']);
        self::assertSame(0, $info['requests']);
        // Exactly the contract's operations, in order (the generated table).
        self::assertSame(array_map(fn (Operation $o) => $o->value, Operation::cases()), $info['operations']);
    }

    public function testConstructionFromArrayJsonStateAndClone(): void
    {
        $standard = Engine::standard()->exportJson();
        self::assertSame($standard, (new Engine())->exportJson());
        self::assertSame($standard, (new Engine('{"v":1}'))->exportJson());
        self::assertSame($standard, (new Engine([]))->exportJson());
        self::assertSame($standard, (new Engine(['v' => 1]))->exportJson());

        $custom = new Engine(['config' => ['departments' => [['code' => 'repairs', 'name' => '维修组']], 'satisfied_threshold' => 3, 'max_callback_attempts' => 2]]);
        self::assertSame([['code' => 'repairs', 'name' => '维修组']], $custom->engineExport()['state']['config']['departments']);

        // A calendar of our own: 2027 with one holiday, Monday–Saturday 09:00–18:00.
        $day = ['09:00-18:00'];
        $cal = new Engine(['calendar' => [
            'utc_offset' => '+08:00',
            'week' => ['mon' => $day, 'tue' => $day, 'wed' => $day, 'thu' => $day, 'fri' => $day, 'sat' => $day, 'sun' => []],
            'years' => [['year' => 2027, 'holidays' => ['2027-01-01'], 'makeup_workdays' => []]],
        ]]);
        self::assertFalse($cal->calendarIsWorkingDay('2027-01-01')['working']);
        self::assertTrue($cal->calendarIsWorkingDay('2027-01-02')['working']);
        self::assertSame(25, $cal->calendarWorkingDays('2027-01-01', '2027-01-31')['days']); // 31 days, 5 Sundays, New Year
        self::assertSame('2027-01-04T09:30:00+08:00', $cal->calendarAdd('2027-01-02T17:30:00+08:00', 3600)['instant']); // Sat 17:30–18:00, Sunday off, Mon 09:00–09:30
    }

    public function testStateRoundTripsAsArrayAndAsJson(): void
    {
        $e = Engine::standard();
        // Empty: the request map is `{}` on the wire and `[]` once decoded.
        self::assertSame($e->exportJson(), Engine::fromState($e->engineExport()['state'])->exportJson());
        self::assertSame($e->exportJson(), Engine::fromState($e->exportJson())->exportJson());

        self::workThrough($e);
        $e->requestExecute('R1', Command::callback(5), Actor::agent('kf01'), self::t('11:30'));
        self::workThrough($e, 'R2');
        $e->requestExecute('R2', Command::callback(1), Actor::agent('kf01'), self::t('11:30'));
        $e->slaTick(self::t('17:00'));
        $json = $e->exportJson();
        self::assertSame($json, Contract::encode($e->engineExport()['state']), 'exportJson is the state as the library wrote it');
        self::assertSame($json, Engine::fromState($json)->exportJson());
        self::assertSame($json, Engine::fromState($e->engineExport()['state'])->exportJson());
        $restored = Engine::fromState($e->engineExport()['state']);
        self::assertSame($e->slaStatus('R2', self::t('17:30')), $restored->slaStatus('R2', self::t('17:30')));
    }

    public function testCloneIsIndependentAndCloseIsIdempotent(): void
    {
        $e = Engine::standard();
        $e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        $copy = clone $e;
        $copy->requestRegister(self::repair('R2'), Actor::agent('kf01'), self::t('09:00'));
        self::assertSame(1, $e->engineInfo()['requests']);
        self::assertSame(2, $copy->engineInfo()['requests']);
        $e->close();
        self::assertSame(2, $copy->engineInfo()['requests'], 'closing one leaves the other');
        $this->expectException(InvalidHandleException::class);
        $e->requestGet('R1');
    }

    public function testManyEnginesComeAndGo(): void
    {
        for ($i = 0; $i < 200; $i++) {
            $e = Engine::standard();
            $e->requestRegister(self::repair("R$i"), Actor::agent('a'), self::t('09:00'));
            self::assertSame(1, $e->engineInfo()['requests']);
        }
        unset($e);
        self::assertSame(0, Engine::standard()->engineInfo()['requests']);
    }

    public function testCalendarOperations(): void
    {
        $e = Engine::standard();
        self::assertTrue($e->calendarIsWorkingDay('2026-10-10')['working']);
        self::assertSame(18, $e->calendarWorkingDays('2026-10-01', new \DateTimeImmutable('2026-10-31'))['days']);
        self::assertSame('2026-10-08T09:00:00+08:00', $e->calendarAdd('2026-09-30T17:00:00+08:00', 3600)['instant']);
        self::assertSame(3600, $e->calendarBetween('2026-09-30T17:00:00+08:00', '2026-10-08T09:00:00+08:00')['seconds']);
        self::assertSame('2026-10-08T08:30:00+08:00', $e->calendarNextWorkingInstant('2026-10-03T08:00:00+08:00')['instant']);
        // Durations are positive.
        self::assertThrowsWuye(\Wuye\CalendarException::class, 'invalid_duration', static fn () => $e->calendarAdd('2026-10-08T09:00:00+08:00', -3600));
    }

    public function testRegisterExecuteGet(): void
    {
        $e = Engine::standard();
        $events = $e->requestRegister(self::repair(), Actor::agent('kf01'), new \DateTimeImmutable('2026-03-02T09:00:00+08:00'))['events'];
        self::assertCount(1, $events);
        self::assertSame(['schema' => 1, 'request' => 'R1', 'at' => self::t('09:00'), 'actor' => ['role' => 'agent', 'id' => 'kf01']], array_slice($events[0], 0, 4));
        $events = $e->requestExecute('R1', ['step' => 'dispatch', 'department' => 'engineering', 'assignee' => 'w1'], ['role' => 'dispatcher', 'id' => 'dd01'], self::t('09:05'))['events'];
        self::assertSame(['type' => 'dispatched', 'department' => 'engineering', 'assignee' => 'w1'], $events[0]['change']);
        $r = $e->requestGet('R1')['request'];
        self::assertSame(['stage' => 'dispatched', 'department' => 'engineering', 'assignee' => 'w1'], $r['stage']);
        self::assertSame([self::t('09:00'), self::t('09:05')], [$r['registered_at'], $r['last_event_at']]);
        self::assertSame(['details', 'registered_at', 'last_event_at', 'stage', 'reopen_count', 'transfer_count', 'return_count', 'callback_attempts'], array_keys($r));
    }

    public function testExecuteBatchRunsEachStepOnItsOwn(): void
    {
        $e = Engine::standard();
        $e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        $results = $e->requestExecuteBatch([
            ['id' => 'R1', 'command' => Command::dispatch('engineering', 'w1'), 'actor' => Actor::dispatcher('dd01'), 'now' => self::t('09:05')],
            ['id' => 'R1', 'command' => Command::accept(), 'actor' => Actor::worker('w2'), 'now' => self::t('09:06')],
            ['id' => 'nope', 'command' => Command::accept(), 'actor' => Actor::worker('w1'), 'now' => self::t('09:07')],
            ['id' => 'R1', 'command' => ['step' => 'accept'], 'actor' => ['role' => 'worker', 'id' => 'w1'], 'now' => new \DateTimeImmutable('2026-03-02T09:08:00+08:00')],
        ])['results'];
        self::assertSame([true, false, false, true], array_column($results, 'ok'));
        self::assertSame('dispatched', $results[0]['result']['events'][0]['change']['type']);
        self::assertSame(['status' => 7, 'code' => 'not_assignee'], array_slice($results[1]['error'], 0, 2));
        self::assertSame(['status' => 8, 'code' => 'unknown_request'], array_slice($results[2]['error'], 0, 2));
        self::assertInstanceOf(RefusedException::class, \Wuye\WuyeException::fromError($results[1]['error']));
        self::assertSame(['stage' => 'accepted', 'department' => 'engineering', 'assignee' => 'w1'], $e->requestGet('R1')['request']['stage']);
        self::assertSame([], $e->requestExecuteBatch([])['results']);
    }

    public function testSlaStatusAndBatch(): void
    {
        $e = Engine::standard();
        foreach (['B', 'A', 'C'] as $id) {
            $e->requestRegister(self::repair($id), Actor::agent('kf01'), self::t('09:00'));
        }
        $one = $e->slaStatus('A', self::t('10:00'));
        $all = $e->slaStatusBatch(self::t('10:00'))['statuses'];
        self::assertSame(['A', 'B', 'C'], array_map(static fn ($i) => $i['result']['request'], $all), 'every request, in id order');
        self::assertSame($one, $all[0]['result']);
        $some = $e->slaStatusBatch(new \DateTimeImmutable('2026-03-02T10:00:00+08:00'), ['C', 'missing', 'A'])['statuses'];
        self::assertSame([true, false, true], array_column($some, 'ok'));
        self::assertSame('C', $some[0]['result']['request']);
        self::assertSame(['status' => 8, 'code' => 'unknown_request', 'message' => 'unknown request missing'], $some[1]['error']);
        self::assertSame([], $e->slaStatusBatch(self::t('10:00'), [])['statuses']);
        // A request whose last event is after as_of fails in place.
        $e->requestExecute('B', Command::dispatch('engineering'), Actor::dispatcher('dd01'), self::t('11:00'));
        $mixed = $e->slaStatusBatch(self::t('10:00'))['statuses'];
        self::assertSame([true, false, true], array_column($mixed, 'ok'));
        self::assertSame('as_of_before_last_event', $mixed[1]['error']['code']);
    }

    public function testTick(): void
    {
        $e = Engine::standard();
        self::assertSame([], $e->slaTick(self::t('09:00'))['events']);
        $e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        $events = $e->slaTick(self::t('12:00'))['events'];
        self::assertSame(['dispatch/80', 'dispatch/100', 'arrive/80', 'arrive/100'], array_map(static fn ($ev) => $ev['change']['clock'] . '/' . $ev['change']['percent'], $events));
        self::assertSame([], $e->slaTick(self::t('12:00'))['events']);
    }

    public function testReplayRebuildsTheSameEngine(): void
    {
        $live = Engine::standard();
        $log = [];
        $log = array_merge($log, $live->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:05'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::accept(), Actor::worker('w1'), self::t('09:10'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::arrive(), Actor::worker('w1'), self::t('09:30'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::hold(HoldReason::WaitingForParts), Actor::worker('w1'), self::t('09:40'))['events']);
        $log = array_merge($log, $live->slaTick(self::t('16:00'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::resume(), Actor::worker('w1'), self::t('16:10'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::complete(), Actor::worker('w1'), self::t('16:20'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::reply(), Actor::agent('kf01'), self::t('16:30'))['events']);
        // A callback without aspects writes `"aspects":{}`, decoded by PHP as [] and sent back as [].
        $log = array_merge($log, $live->requestExecute('R1', Command::callback(2), Actor::agent('kf01'), self::t('16:40'))['events']);
        $rated = array_values(array_filter($log, static fn ($ev) => $ev['change']['type'] === 'callback_rated'));
        self::assertSame([], $rated[0]['change']['aspects']);
        $log = array_merge($log, $live->requestRegister(self::repair('R2'), Actor::reporter('业主'), self::t('16:50'))['events']);

        $copy = Engine::standard();
        self::assertSame(['applied' => count($log), 'requests' => 2], $copy->logReplay($log));
        self::assertSame($live->exportJson(), $copy->exportJson());
        self::assertSame(['applied' => 0, 'requests' => 2], $copy->logReplay([]));
    }

    public function testSlaStatusFromEventsMatchesTheLiveEngine(): void
    {
        $live = Engine::standard();
        $log = $live->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'))['events'];
        $log = array_merge($log, $live->requestExecute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:05'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::accept(), Actor::worker('w1'), self::t('09:10'))['events']);
        $log = array_merge($log, $live->requestExecute('R1', Command::hold('等配件'), Actor::worker('w1'), self::t('09:20'))['events']);
        $fresh = Engine::standard();
        self::assertSame($live->slaStatus('R1', self::t('15:00')), $fresh->slaStatusFromEvents($log, self::t('15:00')));
        self::assertSame(0, $fresh->engineInfo()['requests'], 'the engine is not changed');
    }

    public function testRawCallsAndCallOnce(): void
    {
        $e = Engine::standard();
        self::assertSame(['working' => true], $e->call('calendar.is_working_day', ['date' => '2026-10-10']));
        self::assertSame('{"v":1,"ok":true,"result":{"days":18}}', $e->callJson('{"v":1,"op":"calendar.working_days","args":{"from":"2026-10-01","to":"2026-10-31"}}'));
        self::assertSame('{"v":1,"op":"engine.info","args":{}}', Contract::request('engine.info'), 'empty args are an object');
        self::assertSame('{"v":1,"op":"engine.info","args":{}}', Contract::request('engine.info', []));
        self::assertSame('{"v":1,"ok":true,"result":{"instant":"2026-10-08T09:00:00+08:00"}}', Engine::callOnceJson('{"v":1}', '{"v":1,"op":"calendar.add","args":{"start":"2026-09-30T17:00:00+08:00","seconds":3600}}'));
        self::assertSame(['days' => 18], Engine::callOnce('calendar.working_days', ['from' => '2026-10-01', 'to' => '2026-10-31']));
        self::assertSame(0, Engine::callOnce('engine.info', [], ['config' => ['satisfied_threshold' => 5]])['requests']);
        // A missing `args` reads as `{}`.
        self::assertSame(0, Contract::decode($e->callJson('{"v":1,"op":"engine.info"}'))['requests']);
        // Slashes and Chinese are written as they are.
        self::assertSame('{"v":1,"op":"x","args":{"a":"a/b 中"}}', Contract::request('x', ['a' => 'a/b 中']));
    }

    public function testValueClassesWriteTheWireForm(): void
    {
        self::assertSame(['role' => 'project_manager', 'id' => 'pm'], Actor::projectManager('pm')->toArray());
        self::assertSame(['role' => 'system', 'id' => 'system'], Actor::system()->jsonSerialize());
        self::assertEquals(Actor::worker('w1'), Actor::fromArray(['role' => 'worker', 'id' => 'w1']));
        self::assertSame(Role::Supervisor, Actor::supervisor('s')->role);
        $cases = [
            '{"step":"dispatch","department":"engineering","assignee":"w1"}' => Command::dispatch('engineering', 'w1'),
            '{"step":"dispatch","department":"engineering"}' => Command::dispatch('engineering'),
            '{"step":"accept"}' => Command::accept(),
            '{"step":"arrive"}' => Command::arrive(),
            '{"step":"hold","reason":"waiting_for_parts"}' => Command::hold(HoldReason::WaitingForParts),
            '{"step":"hold","reason":"waiting_for_owner"}' => Command::hold('waiting_for_owner'),
            '{"step":"hold","reason":{"other":"等物业审批"}}' => Command::hold('等物业审批'),
            '{"step":"resume"}' => Command::resume(),
            '{"step":"complete","note":"换阀芯"}' => Command::complete('换阀芯'),
            '{"step":"complete"}' => Command::complete(),
            '{"step":"reply"}' => Command::reply(),
            '{"step":"callback","outcome":"rated","rating":5,"aspects":{"speed":5}}' => Command::callback(5, speed: 5),
            '{"step":"callback","outcome":"rated","rating":3,"comment":"一般","aspects":{"speed":2,"attitude":4,"quality":3}}' => Command::callback(3, '一般', 2, 4, 3),
            '{"step":"callback","outcome":"rated","rating":4}' => Command::callback(4),
            '{"step":"callback","outcome":"unreachable"}' => Command::callbackUnreachable(),
            '{"step":"close_unreachable","reason":"无人接听"}' => Command::closeUnreachable('无人接听'),
            '{"step":"transfer","department":"cleaning","assignee":"c1","reason":"转保洁"}' => Command::transfer('cleaning', '转保洁', 'c1'),
            '{"step":"return","reason":"缺料"}' => Command::return('缺料'),
            '{"step":"cancel","reason":"撤销"}' => Command::cancel('撤销'),
            '{"step":"close_without_work","reason":"重复","duplicate_of":"R0"}' => Command::closeWithoutWork('重复', 'R0'),
        ];
        foreach ($cases as $json => $command) {
            self::assertSame($json, Contract::encode($command));
            self::assertSame($command->toArray(), Command::fromArray(json_decode($json, true))->toArray());
            self::assertSame(json_decode($json, true)['step'], $command->step());
        }
    }
}
