// The idiomatic API of the `wuye` package in Node: every operation, every error status a JS
// caller can meet, Chinese text, a full repair lifecycle, and SLA figures worked out by hand
// (working windows 08:30-12:00 and 13:30-17:30 UTC+8; National Day holiday Oct 1-7 2026;
// Saturday Oct 10 2026 is a make-up working day 调休).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as wuye from '../index.js';
import {
  Engine,
  WuyeError,
  InvalidUtf8Error,
  MalformedJsonError,
  UnsupportedVersionError,
  UnknownOperationError,
  InvalidRequestError,
  RefusedError,
  NotFoundError,
  ConflictError,
  CalendarError,
  InvalidConfigError,
  InvalidEventError,
  InvalidHandleError,
  Status,
  callOnce,
  contractVersion,
  libraryVersion,
  CONTRACT_VERSION,
  errorFromFailure,
} from '../index.js';

const T = (s) => `${s}+08:00`;
const agent = { role: 'agent', id: 'kf01' };
const dispatcher = { role: 'dispatcher', id: 'dd01' };
const worker = { role: 'worker', id: 'w01' };

/** A normal repair registered Wednesday 2026-09-30 16:00, the eve of National Day. */
const repair = {
  id: 'R-0930',
  kind: 'repair',
  priority: 'normal',
  channel: 'phone',
  location: { unit: '5-2-1101' },
  reporter: { kind: 'owner', name: '李先生', phone: '13912345678' },
  description: '卫生间天花板漏水，楼上疑似水管渗漏',
};

function throwsWith(fn, Class, status, code) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `expected ${Class.name}`);
  assert.ok(caught instanceof Class, `${caught?.name}: ${caught?.message}`);
  assert.ok(caught instanceof WuyeError);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, Class.name);
  assert.equal(caught.status, status);
  assert.equal(caught.code, code);
  return caught;
}

describe('versions and raw calls', () => {
  test('contract and library versions', () => {
    assert.equal(contractVersion(), 1);
    assert.equal(CONTRACT_VERSION, 1);
    assert.equal(libraryVersion(), '0.1.0');
    const e = new Engine();
    const info = e.engineInfo();
    assert.equal(info.contract_version, 1);
    assert.equal(info.library_version, '0.1.0');
    assert.equal(info.requests, 0);
    assert.equal(info.operations.length, 34);
    e.free();
  });

  test('callJson and callOnce return the response text, failures included', () => {
    const e = new Engine();
    assert.equal(
      e.callJson('{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-10"}}'),
      '{"v":1,"ok":true,"result":{"working":true}}',
    );
    assert.equal(
      callOnce(undefined, '{"v":1,"op":"calendar.working_days","args":{"from":"2026-10-01","to":"2026-10-31"}}'),
      '{"v":1,"ok":true,"result":{"days":18}}',
    );
    assert.equal(
      callOnce({ config: { satisfied_threshold: 0 } }, '{"v":1,"op":"engine.info"}'),
      '{"v":1,"ok":false,"error":{"status":11,"code":"invalid_config","message":"invalid desk configuration: satisfied_threshold must be 1–5, got 0"}}',
    );
    e.free();
  });

  test('call(op, args) returns the result', () => {
    const e = new Engine();
    assert.deepEqual(e.call('calendar.between', { from: T('2026-09-30T16:00:00'), to: T('2026-10-09T17:00:00') }), {
      seconds: 57600,
    });
    e.free();
  });

  test('callBytes speaks UTF-8 bytes', () => {
    const e = new Engine();
    const out = e.callBytes(new TextEncoder().encode('{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-01"}}'));
    assert.ok(out instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(out), '{"v":1,"ok":true,"result":{"working":false}}');
    e.free();
  });
});

describe('calendar', () => {
  const e = new Engine();
  test('working days, holidays and make-up days', () => {
    assert.deepEqual(e.calendarIsWorkingDay('2026-10-10'), { working: true }); // 调休 Saturday
    assert.equal(e.calendarIsWorkingDay('2026-10-01').working, false); // 国庆节
    assert.equal(e.calendarIsWorkingDay('2026-10-08').working, true);
    // October 2026: 22 weekdays - Oct 1, 2, 5, 6, 7 + Saturday Oct 10 = 18.
    assert.deepEqual(e.calendarWorkingDays('2026-10-01', '2026-10-31'), { days: 18 });
  });
  test('business time', () => {
    // 30 min on Sep 30, the holiday, 30 min on Oct 8 from 08:30.
    assert.deepEqual(e.calendarAdd(T('2026-09-30T17:00:00'), 3600), { instant: T('2026-10-08T09:00:00') });
    // 16 business hours from Sep 30 16:00: 1.5 h + 7.5 h (Oct 8) + 7 h (Oct 9) -> 17:00.
    assert.equal(e.calendarAdd(T('2026-09-30T16:00:00'), 16 * 3600).instant, T('2026-10-09T17:00:00'));
    assert.deepEqual(e.calendarBetween(T('2026-09-30T16:00:00'), T('2026-10-09T17:00:00')), { seconds: 57600 });
    assert.equal(e.calendarNextWorkingInstant(T('2026-10-01T10:00:00')).instant, T('2026-10-08T08:30:00'));
  });
  test('a year without data is a CalendarError, never a guess', () => {
    const err = throwsWith(() => e.calendarIsWorkingDay('2027-01-04'), CalendarError, 10, 'year_not_covered');
    assert.equal(err.message, 'the calendar has no data for year 2027');
    throwsWith(() => e.calendarWorkingDays('2026-10-31', '2026-10-01'), CalendarError, 10, 'reversed_range');
    throwsWith(() => e.calendarAdd(T('2026-10-08T09:00:00'), 0), CalendarError, 10, 'invalid_duration');
  });
});

describe('a full repair lifecycle with a hold across National Day', () => {
  const e = new Engine();
  const clocks = (asOf) => Object.fromEntries(e.slaStatus('R-0930', asOf).cycles[0].clocks.map((c) => [c.clock, c]));

  test('register, with Chinese text round-tripped', () => {
    const { events } = e.requestRegister(repair, agent, T('2026-09-30T16:00:00'));
    assert.equal(events.length, 1);
    assert.equal(events[0].change.type, 'registered');
    assert.deepEqual(events[0].change.request, repair);
    assert.equal(e.requestGet('R-0930').request.details.description, '卫生间天花板漏水，楼上疑似水管渗漏');
    assert.equal(e.requestGet('R-0930').request.details.reporter.name, '李先生');
  });

  test('the complete clock: 16 business hours -> 2026-10-09 17:00', () => {
    const c = clocks(T('2026-09-30T16:05:00'));
    assert.equal(c.complete.state, 'running');
    assert.equal(c.complete.target_seconds, 57600);
    assert.equal(c.complete.elapsed_seconds, 300);
    assert.equal(c.complete.deadline, T('2026-10-09T17:00:00'));
    // Arrive 2 h: 1.5 h on Sep 30 + 30 min on Oct 8.
    assert.equal(c.arrive.deadline, T('2026-10-08T09:00:00'));
    assert.equal(c.dispatch.deadline, T('2026-09-30T16:30:00'));
    assert.equal(c.accept.state, 'not_started');
  });

  test('dispatch, accept, arrive, hold', () => {
    const {
      events: [d],
    } = e.requestExecute('R-0930', { step: 'dispatch', department: 'engineering', assignee: 'w01' }, dispatcher, T('2026-09-30T16:10:00'));
    assert.deepEqual(d.change, { type: 'dispatched', department: 'engineering', assignee: 'w01' });
    assert.equal(e.requestExecute('R-0930', { step: 'accept' }, worker, T('2026-09-30T16:20:00')).events[0].change.type, 'accepted');
    assert.equal(e.requestExecute('R-0930', { step: 'arrive' }, worker, T('2026-09-30T16:50:00')).events[0].change.type, 'arrived');
    const {
      events: [h],
    } = e.requestExecute('R-0930', { step: 'hold', reason: 'waiting_for_parts' }, worker, T('2026-09-30T17:00:00'));
    assert.deepEqual(h.change, { type: 'held', reason: 'waiting_for_parts' });
    const stage = e.requestGet('R-0930').request.stage;
    assert.equal(stage.stage, 'on_hold');
    assert.equal(stage.since, T('2026-09-30T17:00:00'));
  });

  test('paused during the holiday, resumed into the make-up Saturday', () => {
    let c = clocks(T('2026-10-08T10:00:00'));
    assert.equal(c.complete.state, 'paused');
    assert.equal(c.complete.elapsed_seconds, 3600);
    assert.equal(c.complete.remaining_seconds, 54000);
    assert.equal(c.complete.deadline, null);
    assert.equal(c.arrive.state, 'met');
    assert.equal(c.arrive.elapsed_seconds, 3000);
    assert.deepEqual(e.slaTick(T('2026-10-08T10:00:00')), { events: [] });
    e.requestExecute('R-0930', { step: 'resume' }, worker, T('2026-10-08T14:00:00'));
    // 15 h left from Oct 8 14:00: 3.5 h + 7.5 h (Oct 9) + 3.5 h + 30 min on Saturday Oct 10.
    c = clocks(T('2026-10-09T09:00:00'));
    assert.equal(c.complete.state, 'running');
    assert.equal(c.complete.elapsed_seconds, 18000);
    assert.equal(c.complete.deadline, T('2026-10-10T14:00:00'));
  });

  test('complete, reply, callback: closed satisfied, every clock met', () => {
    e.requestExecute('R-0930', { step: 'complete', note: '更换角阀，已试水' }, worker, T('2026-10-09T15:00:00'));
    e.requestExecute('R-0930', { step: 'reply', note: '已电话告知业主维修完成' }, agent, T('2026-10-09T16:00:00'));
    const {
      events: [cb],
    } = e.requestExecute(
      'R-0930',
      { step: 'callback', outcome: 'rated', rating: 5, comment: '师傅很专业', aspects: { speed: 5, attitude: 5, quality: 5 } },
      agent,
      T('2026-10-12T10:00:00'),
    );
    assert.equal(cb.change.type, 'callback_rated');
    assert.equal(cb.change.satisfied, true);
    assert.deepEqual(e.requestGet('R-0930').request.stage, { stage: 'closed', closure: { by: 'satisfied', rating: 5, comment: '师傅很专业' } });
    const c = clocks(T('2026-10-12T10:00:00'));
    for (const k of ['dispatch', 'accept', 'arrive', 'complete', 'reply', 'callback']) assert.equal(c[k].state, 'met', k);
    assert.equal(c.complete.elapsed_seconds, 34200); // 1 h + 3.5 h + 5 h
    assert.equal(c.reply.deadline, T('2026-10-10T10:00:00')); // 2.5 h Oct 9 + 1.5 h Oct 10
    assert.equal(c.callback.deadline, T('2026-10-12T17:00:00')); // 1.5 h + 7.5 h + 7 h
    assert.equal(c.callback.elapsed_seconds, 37800);
  });

  test('export and restore give the same answers', () => {
    const { state } = e.engineExport();
    assert.ok(state.requests['R-0930']);
    const copy = Engine.fromState(state);
    assert.deepEqual(copy.requestGet('R-0930'), e.requestGet('R-0930'));
    assert.deepEqual(copy.slaStatus('R-0930', T('2026-10-12T10:00:00')), e.slaStatus('R-0930', T('2026-10-12T10:00:00')));
    copy.free();
  });
});

describe('batches, ticks, replay and status from events', () => {
  const e = new Engine();
  const high = { ...repair, id: 'R1', priority: 'high', description: '厨房水管爆裂' };
  e.requestRegister(high, agent, T('2026-03-02T08:55:00'));
  e.requestExecute('R1', { step: 'dispatch', department: 'engineering', assignee: 'w1' }, dispatcher, T('2026-03-02T09:00:00'));

  test('tick records the 80% escalation of the accept clock once (15 min from 09:00 -> 09:12)', () => {
    const {
      events: [esc],
    } = e.slaTick(T('2026-03-02T09:13:00'));
    assert.deepEqual(esc.change, {
      type: 'escalated',
      cycle: 0,
      clock: 'accept',
      percent: 80,
      notify: 'supervisor',
      due_at: T('2026-03-02T09:12:00'),
    });
    assert.equal(esc.actor.role, 'system');
    assert.deepEqual(e.slaTick(T('2026-03-02T09:13:00')).events, []);
  });

  test('requestExecuteBatch: each step stands alone, a failure as the contract writes it', () => {
    const w1 = { role: 'worker', id: 'w1' };
    const { results: items } = e.requestExecuteBatch([
      { id: 'R1', command: { step: 'accept' }, actor: w1, now: T('2026-03-02T09:25:00') },
      { id: 'R1', command: { step: 'arrive' }, actor: w1, now: T('2026-03-02T09:40:00') },
      { id: 'R1', command: { step: 'complete' }, actor: { role: 'worker', id: 'w2' }, now: T('2026-03-02T09:50:00') },
    ]);
    assert.equal(items[0].ok, true);
    assert.equal(items[0].result.events[0].change.type, 'accepted');
    assert.equal(items[1].ok, true);
    assert.equal(items[2].ok, false);
    assert.equal(items[2].error.status, 7);
    assert.equal(items[2].error.code, 'not_assignee');
    assert.ok(errorFromFailure(items[2].error) instanceof RefusedError);
  });

  test('slaStatusBatch: every request, or the ids given, each an item', () => {
    const all = e.slaStatusBatch(T('2026-03-02T10:00:00')).statuses;
    assert.equal(all.length, 1);
    assert.equal(all[0].ok, true);
    const accept = all[0].result.cycles[0].clocks.find((c) => c.clock === 'accept');
    // 09:00 -> 09:25 = 25 min against 15: breached by 600 s.
    assert.equal(accept.state, 'breached');
    assert.equal(accept.overdue_seconds, 600);
    const some = e.slaStatusBatch(T('2026-03-02T10:00:00'), { ids: ['NOPE', 'R1'] }).statuses;
    assert.equal(some[0].ok, false);
    assert.ok(errorFromFailure(some[0].error) instanceof NotFoundError);
    assert.equal(some[1].ok, true);
  });

  test('replay and status from events', () => {
    const reg = {
      schema: 1,
      request: 'R3',
      at: T('2026-03-02T11:00:00'),
      actor: agent,
      change: {
        type: 'registered',
        request: {
          id: 'R3',
          kind: 'inquiry',
          priority: 'normal',
          channel: 'phone',
          location: { common_area: '小区' },
          reporter: { kind: 'anonymous' },
          description: '停水通知',
        },
      },
    };
    // Reply within 2 business hours from 11:00: 1 h to 12:00, 1 h from 13:30 -> 14:30.
    const s = e.slaStatusFromEvents([reg], T('2026-03-02T11:30:00'));
    assert.deepEqual(s.cycles[0].clocks[0].deadline, T('2026-03-02T14:30:00'));
    assert.equal(s.cycles[0].clocks[0].remaining_seconds, 5400);
    assert.deepEqual(e.logReplay([reg]), { applied: 1, requests: 2 });
    assert.equal(e.requestGet('R3').request.details.location.common_area, '小区');
  });
});

describe('every error status a JS caller can meet', () => {
  const e = new Engine();
  e.requestRegister(repair, agent, T('2026-09-30T16:00:00'));

  test('2 invalid_utf8 (bytes only: JS strings are always encoded as UTF-8)', () => {
    const bad = new Uint8Array([...new TextEncoder().encode('{"v":1,"op":"engine.info'), 0xff, 0x22, 0x7d]);
    const res = JSON.parse(new TextDecoder().decode(e.callBytes(bad)));
    assert.equal(res.error.status, Status.INVALID_UTF8);
    const err = wuye.errorFromFailure(res.error);
    assert.ok(err instanceof InvalidUtf8Error);
  });
  test('3 malformed_json', () => {
    const res = JSON.parse(e.callJson('{"v":1,'));
    assert.equal(res.error.status, 3);
    assert.ok(wuye.errorFromFailure(res.error) instanceof MalformedJsonError);
  });
  test('4 unsupported_version, from a request and from a configuration', () => {
    const res = JSON.parse(e.callJson('{"v":2,"op":"engine.info"}'));
    assert.equal(res.error.code, 'unsupported_version');
    throwsWith(() => new Engine({ v: 2 }), UnsupportedVersionError, 4, 'unsupported_version');
  });
  test('5 unknown_operation', () => {
    throwsWith(() => e.call('calendar.holidays', {}), UnknownOperationError, 5, 'unknown_operation');
  });
  test('6 invalid_request: unknown, missing, wrong type, bad value', () => {
    throwsWith(() => e.call('calendar.is_working_day', { date: '2026-10-10', tz: '+08:00' }), InvalidRequestError, 6, 'unknown_field');
    throwsWith(() => e.calendarWorkingDays('2026-10-01', undefined), InvalidRequestError, 6, 'missing_field');
    throwsWith(() => e.calendarAdd(T('2026-10-08T09:00:00'), '3600'), InvalidRequestError, 6, 'wrong_type');
    throwsWith(() => e.calendarIsWorkingDay('2026-02-30'), InvalidRequestError, 6, 'invalid_value');
  });
  test('7 refused: role, stage, order', () => {
    const err = throwsWith(() => e.requestExecute('R-0930', { step: 'accept' }, agent, T('2026-09-30T16:05:00')), RefusedError, 7, 'role_not_allowed');
    assert.equal(err.message, 'request R-0930: role agent may not accept');
    assert.ok(err.response.startsWith('{"v":1,"ok":false,"error":{"status":7,'));
    throwsWith(() => e.requestExecute('R-0930', { step: 'arrive' }, worker, T('2026-09-30T16:05:00')), RefusedError, 7, 'illegal_step');
    throwsWith(
      () => e.requestExecute('R-0930', { step: 'dispatch', department: 'engineering' }, dispatcher, T('2026-09-30T15:00:00')),
      RefusedError,
      7,
      'out_of_order',
    );
    throwsWith(() => e.slaStatus('R-0930', T('2026-09-30T15:00:00')), RefusedError, 7, 'as_of_before_last_event');
  });
  test('8 not_found', () => {
    throwsWith(() => e.requestGet('NOPE'), NotFoundError, 8, 'unknown_request');
  });
  test('9 conflict', () => {
    throwsWith(() => e.requestRegister(repair, agent, T('2026-09-30T16:01:00')), ConflictError, 9, 'duplicate_request');
  });
  test('10 calendar', () => {
    throwsWith(() => e.calendarNextWorkingInstant(T('2027-03-01T09:00:00')), CalendarError, 10, 'year_not_covered');
  });
  test('11 invalid_config', () => {
    throwsWith(() => new Engine({ config: { satisfied_threshold: 6 } }), InvalidConfigError, 11, 'invalid_config');
    throwsWith(() => new Engine({ calendar: { week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, years: [] } }), InvalidConfigError, 11, 'invalid_calendar');
  });
  test('12 invalid_event', () => {
    throwsWith(() => e.slaStatusFromEvents([], T('2026-10-01T00:00:00')), InvalidEventError, 12, 'bad_events');
    throwsWith(
      () => e.logReplay([{ schema: 1, request: 'R-0930', at: T('2026-09-30T16:30:00'), actor: worker, change: { type: 'arrived' } }]),
      InvalidEventError,
      12,
      'event_mismatch',
    );
  });
  test('13 invalid_handle: a freed engine', () => {
    const f = new Engine();
    f.free();
    assert.equal(f.freed, true);
    f.free(); // idempotent
    throwsWith(() => f.engineInfo(), InvalidHandleError, 13, 'invalid_handle');
    throwsWith(() => f.callJson('{"v":1,"op":"engine.info"}'), InvalidHandleError, 13, 'invalid_handle');
  });
  test('a refused call changes nothing', () => {
    assert.equal(e.requestGet('R-0930').request.stage.stage, 'registered');
    assert.equal(e.engineInfo().requests, 1);
  });
});

test('errors serialize as the contract error object', () => {
  const err = new RefusedError(7, 'role_not_allowed', 'x');
  assert.deepEqual(JSON.parse(JSON.stringify(err)), { status: 7, code: 'role_not_allowed', message: 'x' });
});
