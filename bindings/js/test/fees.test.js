// Fees 收费 through the idiomatic API in Node: every fee method, money as decimal strings in and
// out (a JS number is refused, never rounded through a float), figures worked out by hand, and
// the errors a caller meets. The sample estate is the demo page's bundled copy, checked here to
// equal cli/data/sample-estate/fees/.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  Engine,
  WuyeError,
  InvalidRequestError,
  RefusedError,
  NotFoundError,
  ConflictError,
  InvalidHandleError,
} from '../index.js';

const root = new URL('../../../', import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const sample = json('bindings/js/demo/sample-estate.json');

function throwsWith(fn, Class, status, code, message) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Class, `expected ${Class.name}, got ${caught?.name}: ${caught?.message}`);
  assert.ok(caught instanceof WuyeError);
  assert.equal(caught.status, status);
  assert.equal(caught.code, code);
  if (message !== undefined) assert.equal(caught.message, message);
  return caught;
}

/** A high-rise schedule: property fee at 2.35 ¥/m²/month, prepaid, due 15 days after the period starts. */
const schedule = (item = {}) => ({
  unit_types: [{ code: 'high_rise', name: '高层' }],
  items: [{ code: 'property_fee', name: '物业服务费', formula: { kind: 'area' }, ...item }],
  rates: [{ item: 'property_fee', from: '2020-01-01', price: '2.35' }],
  billing: { collection: 'prepaid', due_days: 15 },
});

describe('bills 账单', () => {
  const e = new Engine();

  test('proration by actual days: 98.76 m² × 2.35 × 15/30 = 116.043 → 116.04', () => {
    const { bills, total } = e.feeBill('2026-09', {
      schedule: schedule(),
      units: [
        { id: '3-1-502', unit_type: 'high_rise', building_area: '98.76', states: [{ from: '2026-09-16', state: 'occupied' }] },
      ],
    });
    assert.equal(total, '116.04');
    const [line] = bills[0].lines;
    assert.equal(line.amount, '116.04');
    assert.equal(typeof line.amount, 'string');
    assert.equal(line.due, '2026-09-16'); // prepaid: 2026-09-01 + 15 days
    assert.deepEqual(
      line.trace.segments.map((s) => [s.from, s.to, s.days, s.month_days, s.state, s.discount, s.amount]),
      [
        ['2026-09-01', '2026-09-15', 15, 30, 'not_handed_over', '100', '0'],
        ['2026-09-16', '2026-09-30', 15, 30, 'occupied', '0', '116.043'],
      ],
    );
    assert.deepEqual(line.trace.rounding, {
      mode: 'half_up',
      unit: 'fen',
      point: 'per_month',
      steps: [{ of: '2026-09', exact: '116.043', amount: '116.04' }],
    });
    assert.equal(line.trace.text.at(-1), '2026-09: 116.043 → 116.04 (half_up 四舍五入 to the fen 分, per month 按月)');
  });

  test('a year: 2785.08 rounded per month, 2785.03 rounded once per line', () => {
    const units = [{ id: '1-101', unit_type: 'high_rise', building_area: '98.76' }];
    // 98.76 × 2.35 = 232.086 a month: 232.09 × 12 = 2785.08; 232.086 × 12 = 2785.032 → 2785.03.
    const monthly = e.feeBill('2026', { schedule: schedule(), units });
    assert.equal(monthly.total, '2785.08');
    assert.equal(monthly.bills[0].lines[0].trace.rounding.steps.length, 12);
    assert.ok(monthly.bills[0].lines[0].trace.rounding.steps.every((s) => s.exact === '232.086' && s.amount === '232.09'));
    const once = e.feeBill('2026', { schedule: schedule({ rounding_point: 'per_line' }), units });
    assert.equal(once.total, '2785.03');
    assert.deepEqual(once.bills[0].lines[0].trace.rounding.steps, [{ of: 'line', exact: '2785.032', amount: '2785.03' }]);
    // February 2024 has 29 days: 232.086 × 20/29 = 160.0593… → 160.06.
    const feb = e.feeBill('2024-02-10..2024-02-29', { schedule: schedule(), units });
    assert.equal(feb.total, '160.06');
    assert.equal(feb.bills[0].lines[0].trace.segments[0].amount, '160.059310…');
  });

  test('a rate change splits a line; vacancy takes its discount', () => {
    const s = schedule({ state_discounts: { vacant: '30' } });
    s.rates = [
      { item: 'property_fee', from: '2024-01-01', to: '2026-09-15', price: '2.35' },
      { item: 'property_fee', from: '2026-09-16', price: '2.50' },
    ];
    const { bills } = e.feeBill('2026-09', {
      schedule: s,
      units: [
        { id: '1-101', unit_type: 'high_rise', building_area: '98.76' },
        { id: '1-102', unit_type: 'high_rise', building_area: '120.50', states: [{ from: '2025-06-01', state: 'vacant' }] },
      ],
    });
    // 116.043 + 98.76 × 2.50 × 15/30 = 123.45 → 239.493 → 239.49.
    assert.equal(bills[0].total, '239.49');
    assert.deepEqual(bills[0].lines[0].trace.segments.map((g) => [g.rate, g.amount]), [['2.35', '116.043'], ['2.50', '123.45']]);
    // (120.50 × 2.35 × 15/30 + 120.50 × 2.50 × 15/30) × 70% = 99.11125 + 105.4375 = 204.54875 → 204.55.
    assert.equal(bills[1].total, '204.55');
  });

  test('apportion: 1000.00 over 98.76 / 120.50 / 143.20 → 272.47 / 332.45 / 395.08', () => {
    const { parts } = e.feeApportion('1000.00', ['98.76', '120.50', '143.20']);
    assert.deepEqual(parts, ['272.47', '332.45', '395.08']);
    assert.ok(parts.every((p) => typeof p === 'string'));
    // The parts always sum to the amount: 100.00 in thirds → 33.34 + 33.33 + 33.33.
    assert.deepEqual(e.feeApportion('100.00', ['1', '1', '1']), { parts: ['33.34', '33.33', '33.33'] });
  });

  test('temporary parking: 1590 min → 30.00 (a capped day) + 11.00 = 41.00', () => {
    const tariff = {
      free_minutes: 30,
      first_minutes: 60,
      first_price: '5.00',
      increment_minutes: 30,
      increment_price: '2.00',
      daily_cap: '30.00',
    };
    const { charge, text } = e.feeParking(tariff, '2026-09-12T08:00:00+08:00', '2026-09-13T10:30:00+08:00');
    assert.equal(charge.minutes, 1590);
    assert.equal(charge.free, false);
    if (!charge.free) {
      assert.equal(charge.full_days, 1);
      assert.deepEqual(charge.full_day, { minutes: 1440, increments: 46, uncapped: '97.00', amount: '30.00' });
      assert.deepEqual(charge.rest, { minutes: 150, increments: 3, uncapped: '11.00', amount: '11.00' });
    }
    assert.equal(charge.amount, '41.00');
    assert.equal(text.at(-1), 'total 41.00');
    const free = e.feeParking(tariff, '2026-09-12T08:00:00+08:00', '2026-09-12T08:30:00+08:00').charge;
    assert.deepEqual(free, { minutes: 30, free: true, full_days: 0, amount: '0.00' });
  });

  test('money as a JS number is refused, never rounded through a float', () => {
    throwsWith(
      () => e.feeApportion(1000, ['1']),
      InvalidRequestError,
      6,
      'wrong_type',
      'fee.apportion args: invalid type: integer `1000`, expected a string',
    );
    throwsWith(
      () => e.feeApportion(0.1 + 0.2, ['1']),
      InvalidRequestError,
      6,
      'wrong_type',
      'fee.apportion args: invalid type: floating point `0.30000000000000004`, expected a string',
    );
    throwsWith(
      () => e.feeApportion('1000.005', ['1']),
      InvalidRequestError,
      6,
      'invalid_value',
      'fee.apportion args: "1000.005" is not a valid amount: more than two decimals (amounts are in fen 分)',
    );
  });

  test('refused inputs name the unit, item and field', () => {
    const units = [{ id: '1-101', unit_type: 'high_rise', building_area: '98.76' }];
    const s = schedule();
    s.rates.push({ item: 'property_fee', from: '2026-09-01', price: '2.60' });
    throwsWith(
      () => e.feeBill('2026-09', { schedule: s, units }),
      RefusedError,
      7,
      'overlapping_rates',
      'item property_fee, unit type high_rise: rates 2020-01-01.. and 2026-09-01.. overlap',
    );
    throwsWith(
      () => e.feeBill('2026-09', { schedule: schedule(), units: [{ ...units[0], building_area: '-98.76' }] }),
      RefusedError,
      7,
      'invalid_fee_input',
      'unit 1-101, field units[0].building_area: -98.76: an area is not negative and has at most 4 decimals',
    );
    throwsWith(() => e.feeBill('2026-13', { schedule: schedule(), units }), InvalidRequestError, 6, 'invalid_value');
    throwsWith(
      () => e.feeBill('2026-09', { schedule: schedule() }),
      InvalidRequestError,
      6,
      'missing_field',
      'fee.bill args: give both `schedule` and `units`, or neither (to bill the loaded estate)',
    );
    throwsWith(() => e.feeBill('2026-09', { units, typo: true }), InvalidRequestError, 6, 'unknown_field');
  });
});

describe('an estate loaded once: the sample estate 翠湖花园', () => {
  test('the demo bundles the same data as cli/data/sample-estate/fees', () => {
    const dir = 'cli/data/sample-estate/fees/';
    assert.deepEqual(sample.schedule, json(`${dir}schedule.json`));
    assert.deepEqual(sample.units, json(`${dir}units.json`));
    assert.deepEqual(sample.inputs, json(`${dir}inputs-2026-09.json`));
    assert.deepEqual(sample.account, json(`${dir}account.json`));
    assert.equal(sample.period, '2026-09');
  });

  test('load, bill the estate compactly, and trace the same amounts', () => {
    const e = new Engine();
    throwsWith(() => e.feeBillEstate('2026-09'), RefusedError, 7, 'no_estate');
    const loaded = e.feeLoadEstate(sample.schedule, sample.units);
    assert.equal(loaded.units, 6);
    assert.deepEqual(loaded.items.slice(0, 4), ['property_fee', 'rubbish', 'parking_rent', 'water']);
    const compact = e.feeBillEstate('2026-09', sample.inputs);
    // By hand (tests/vectors/fee-estate.json): 705.15 + 277.34 + 195.58 + 2547.52 + 1746.00 + 656.30.
    assert.equal(compact.total, '6127.89');
    assert.equal(compact.lines.amount.length, 21);
    // The traced bills give every compact line, in the same order, with the same amount.
    for (const period of ['2026-09', '2026-Q3', '2026']) {
      const c = e.feeBillEstate(period, sample.inputs);
      const { bills, total } = e.feeBill(period, sample.inputs);
      assert.equal(total, c.total, period);
      const traced = bills.flatMap((b, u) => b.lines.map((l) => [u, loaded.items.indexOf(l.item), l.amount]));
      assert.deepEqual(traced, c.lines.unit.map((u, k) => [u, c.lines.item[k], c.lines.amount[k]]), period);
    }
    // 1-2-1101 is handed over on 09-16, the day the high-rise rate changes to 2.50:
    // 89.30 × 2.50 × 15/30 = 111.625 → 111.63.
    const [b] = e.feeBill('2026-09', { ...sample.inputs, only: ['1-2-1101'] }).bills;
    assert.deepEqual(b.lines.map((l) => [l.item, l.amount]), [
      ['property_fee', '111.63'],
      ['water', '30.00'],
      ['lift_power', '53.95'],
    ]);
    // The estate is not part of the exported state: a restored engine must load it again.
    const restored = Engine.fromState(e.engineExport().state);
    throwsWith(() => restored.feeBillEstate('2026-09'), RefusedError, 7, 'no_estate');
    restored.free();
    e.free();
    throwsWith(() => e.feeBillEstate('2026-09'), InvalidHandleError, 13, 'invalid_handle');
  });
});

describe('accounts 账户: payments, late fees, arrears', () => {
  const e = new Engine();
  const opening = { id: '1-101', policy: { late_fee: { daily_rate: '0.0003' } } };

  test('post, pay part, late fees and ageing by hand (docs/contract.md)', () => {
    const posted = e.feeAccountExecute(opening, {
      type: 'post_charges',
      date: '2026-08-01',
      charges: [{ id: 'B2608-1', item: 'property_fee', due: '2026-08-16', amount: '232.09' }],
    });
    assert.equal(posted.events[0].type, 'charges_posted');
    assert.deepEqual(opening, { id: '1-101', policy: { late_fee: { daily_rate: '0.0003' } } }, 'the input is not changed');
    const paid = e.feeAccountExecute(posted.account, { type: 'pay', receipt: 'R001', date: '2026-09-25', amount: '100.00' });
    const [ev] = paid.events;
    assert.equal(ev.type, 'payment_received');
    if (ev.type === 'payment_received') {
      assert.deepEqual(ev.allocations, [{ charge: 'B2608-1', part: 'principal', amount: '100.00' }]);
      assert.equal(ev.to_prepaid, '0.00');
    }
    // 17 Aug–25 Sep: 40 days × 232.09 × 0.0003 = 2.78508; 26 Sep–15 Oct: 20 days × 132.09 × 0.0003 = 0.79254;
    // 3.57762 → 3.58.
    const fees = e.feeAccountLateFees(paid.account, '2026-10-15');
    assert.equal(fees.outstanding, '3.58');
    assert.deepEqual(fees.late_fees[0].periods.map((p) => [p.days, p.principal, p.amount]), [
      [40, '232.09', '2.78508'],
      [20, '132.09', '0.79254'],
    ]);
    assert.equal(fees.late_fees[0].exact, '3.57762');
    // 2026-08-16 → 2026-10-15 is 60 days: bucket 31-90.
    const ageing = e.feeAccountArrears(paid.account, '2026-10-15');
    const bucket = ageing.buckets.find((b) => b.label === '31-90');
    assert.deepEqual(bucket, { label: '31-90', from_days: 31, to_days: 90, principal: '132.09', late_fee: '3.58', charges: 1 });
    assert.equal(ageing.buckets.at(-1).label, 'over 365');
    assert.equal(ageing.buckets.at(-1).to_days, undefined);
    // Custom buckets.
    assert.deepEqual(
      e.feeAccountArrears(paid.account, '2026-10-15', { buckets: [15, 60] }).buckets.map((b) => [b.label, b.principal]),
      [['0-15', '0.00'], ['16-60', '132.09'], ['over 60', '0.00']],
    );
    // A waiver 减免 of the late fee, with its reason.
    const waived = e.feeAccountExecute(paid.account, { type: 'waive_late_fee', charge: 'B2608-1', date: '2026-10-15', reason: '首次逾期' });
    assert.deepEqual(waived.events, [{ type: 'late_fee_waived', charge: 'B2608-1', date: '2026-10-15', amount: '3.58', reason: '首次逾期' }]);
    assert.equal(e.feeAccountLateFees(waived.account, '2026-10-15').outstanding, '0.00');
  });

  test('refused commands are typed errors and the host keeps its account', () => {
    const { account } = e.feeAccountExecute(opening, {
      type: 'pay',
      receipt: 'R001',
      date: '2026-09-25',
      amount: '50.00',
    });
    assert.equal(account.prepaid, '50.00'); // nothing open: all of it to the prepaid balance 预存
    throwsWith(
      () => e.feeAccountExecute(account, { type: 'pay', receipt: 'R001', date: '2026-09-26', amount: '1.00' }),
      ConflictError,
      9,
      'duplicate_number',
      'account 1-101: receipt R001 already exists',
    );
    throwsWith(
      () => e.feeAccountExecute(account, { type: 'refund', refund: 'F1', receipt: 'R404', date: '2026-09-26', amount: '1.00' }),
      NotFoundError,
      8,
      'unknown_reference',
      'account 1-101: unknown receipt R404',
    );
    throwsWith(
      () => e.feeAccountExecute(account, { type: 'refund', refund: 'F1', receipt: 'R001', date: '2026-09-26', amount: '60.00' }),
      RefusedError,
      7,
      'exceeds_available',
      'account 1-101: receipt R001: 60.00 exceeds the 50.00 available',
    );
    throwsWith(
      () => e.feeAccountExecute(account, { type: 'pay', receipt: 'R002', date: '2026-09-24', amount: '1.00' }),
      RefusedError,
      7,
      'out_of_order',
      'account 1-101: 2026-09-24 is before the last event on 2026-09-25',
    );
    throwsWith(
      () => e.feeAccountExecute(account, { type: 'pay', receipt: 'R002', date: '2026-09-26', amount: 1 }),
      InvalidRequestError,
      6,
      'wrong_type',
    );
    // A payment and its full refund leave the balance as it was.
    const refunded = e.feeAccountExecute(account, { type: 'refund', refund: 'F1', receipt: 'R001', date: '2026-09-26', amount: '50.00' });
    assert.equal(refunded.account.prepaid, '0.00');
    assert.equal(refunded.events[0].type, 'refunded');
  });
});
