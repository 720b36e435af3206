// Satisfaction 满意度 through the idiomatic API in Node: the survey scores (SERVQUAL, SERVPERF,
// CSAT, NPS, proportion, index, customer value) and the figures from the service log (回访满意率,
// KPIs, callback sampling), with expected values worked out by hand in docs/contract.md, the
// notes of tests/vectors/survey-*.json and cli/tests/cli.rs (Python fractions/decimal) — never
// copied from this package's output — and the refusals as typed errors. The demo's bundled
// samples are checked here to equal cli/data/sample-estate/.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  Engine,
  WuyeError,
  InvalidRequestError,
  InvalidEventError,
  RefusedError,
} from '../index.js';
import { playDay, dayPeriod } from '../demo/sample-day.js';

const root = new URL('../../../', import.meta.url);
const text = (path) => readFileSync(new URL(path, root), 'utf8');
const json = (path) => JSON.parse(text(path));

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

/** A proportion as [count, total, percent, low, high]. */
const share = (p) => [p.count, p.total, p.percent, p.interval?.low ?? null, p.interval?.high ?? null];

/** The rows of a CSV of cli/data/sample-estate (# lines and blank lines skipped). */
function csv(path) {
  const lines = text(path)
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const head = lines[0].split(',').map((c) => c.trim());
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, k) => [head[k], c.trim()])));
}

describe('the demo bundles the same samples as cli/data/sample-estate', () => {
  test('survey-sample.json: the SERVQUAL answers and the CSAT/NPS ratings', () => {
    const sample = json('bindings/js/demo/survey-sample.json');
    const cell = (v) => (v === '' ? null : Number(v));
    const dims = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
    const range = [...Array(22).keys()].map((k) => k + 1);
    const responses = csv('cli/data/sample-estate/survey-servqual.csv').map((r) => {
      const o = {
        id: r.respondent,
        expectation: range.map((k) => cell(r[`E${k}`])),
        perception: range.map((k) => cell(r[`P${k}`])),
      };
      if (dims.some((d) => r[`W_${d}`])) o.weights = Object.fromEntries(dims.map((d) => [d, r[`W_${d}`]]));
      return o;
    });
    assert.deepEqual(sample.servqual.responses, responses);
    assert.equal(responses.length, 20);
    // The labels are the standard layout's: q1–q4 tangibles … q18–q22 empathy.
    assert.deepEqual(
      sample.servqual.items.map((i) => i.id),
      range.map((k) => `q${k}`),
    );
    assert.deepEqual(
      dims.map((d) => sample.servqual.items.filter((i) => i.dimension === d).length),
      [4, 5, 4, 4, 5],
    );
    const ratings = csv('cli/data/sample-estate/survey-ratings.csv');
    assert.deepEqual(sample.ratings.csat, ratings.filter((r) => r.csat).map((r) => Number(r.csat)));
    assert.deepEqual(sample.ratings.nps, ratings.filter((r) => r.nps).map((r) => Number(r.nps)));
  });

  test('sample-day.json is day.json', () => {
    assert.equal(text('bindings/js/demo/sample-day.json'), text('cli/data/sample-estate/day.json'));
  });
});

describe('survey scores 满意度', () => {
  const e = new Engine();

  test('proportion: 7 of 8 = 87.50% [52.91, 97.76]; 45 of 50 = 90.00% [78.63, 95.66]; none: null', () => {
    const p = e.surveyProportion(7, 8);
    assert.deepEqual(p, { count: 7, total: 8, percent: '87.50', interval: { low: '52.91', high: '97.76' } });
    assert.equal(typeof p.percent, 'string');
    assert.deepEqual(share(e.surveyProportion(45, 50)), [45, 50, '90.00', '78.63', '95.66']);
    // No answers is "no data", never 0%.
    assert.deepEqual(e.surveyProportion(0, 0), { count: 0, total: 0, percent: null, interval: null });
    throwsWith(() => e.surveyProportion(3, 2), RefusedError, 7, 'invalid_survey', 'args: count 3 exceeds total 2');
  });

  test('CSAT: fours and fives 6 of 10 = 60.00% [31.26, 83.19], mean 3.6; a 1–7 scale, top box only', () => {
    const r = e.surveyCsat([5, 5, 4, 4, 4, 3, 3, 2, 5, 1]);
    assert.deepEqual(r, {
      scale: { min: 1, max: 5 },
      top_boxes: 2,
      answers: 10,
      distribution: [1, 1, 2, 3, 3],
      mean: '3.6000',
      csat: { count: 6, total: 10, percent: '60.00', interval: { low: '31.26', high: '83.19' } },
    });
    // 7s only on 1–7: 3 of 8 = 37.50%; mean 45/8 = 5.6250; Wilson 3 of 8 → 13.68 … 69.43.
    const seven = e.surveyCsat([7, 6, 7, 5, 4, 7, 6, 3], { scale: { min: 1, max: 7 }, top_boxes: 1 });
    assert.equal(seven.top_boxes, 1);
    assert.equal(seven.mean, '5.6250');
    assert.deepEqual(share(seven.csat), [3, 8, '37.50', '13.68', '69.43']);
    const none = e.surveyCsat([]);
    assert.equal(none.mean, null);
    assert.deepEqual(share(none.csat), [0, 0, null, null, null]);
    throwsWith(() => e.surveyCsat([5, 4, 6]), RefusedError, 7, 'invalid_survey', 'answers[2]: answer 6 is outside the scale 1–5');
    throwsWith(
      () => e.surveyCsat([5], { top_boxes: 5 }),
      RefusedError,
      7,
      'invalid_survey',
      'top_boxes: 5 top boxes on the 5-point scale 1–5: give 1 to 4',
    );
    // An option the contract does not know is refused, never ignored.
    throwsWith(() => e.surveyCsat([5], { topBox: 1 }), InvalidRequestError, 6, 'unknown_field');
  });

  test('NPS: 5 promoters, 3 detractors of 10 = 20.00 ± 54.03 [−34.04, 74.04]; clamped at −100', () => {
    const r = e.surveyNps([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]);
    assert.deepEqual(r, {
      answers: 10,
      distribution: [1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2],
      promoters: { count: 5, percent: '50.00' },
      passives: { count: 2, percent: '20.00' },
      detractors: { count: 3, percent: '30.00' },
      nps: '20.00',
      standard_error: '27.57',
      margin: '54.03',
      interval: { low: '-34.04', high: '74.04' },
    });
    // P 1, D 4 of 5: −60.00; SE √1280 = 35.7771…; margin 70.1231…; low clamped to −100.00.
    const low = e.surveyNps([0, 3, 6, 6, 9]);
    assert.deepEqual([low.nps, low.standard_error, low.margin, low.interval], ['-60.00', '35.78', '70.12', { low: '-100.00', high: '10.13' }]);
    const none = e.surveyNps([]);
    assert.deepEqual([none.nps, none.margin, none.interval, none.promoters], [null, null, null, { count: 0, percent: null }]);
    throwsWith(() => e.surveyNps([10, 11]), RefusedError, 7, 'invalid_survey', 'answers[1]: answer 11 is outside the scale 0–10');
  });

  // docs/contract.md, survey.servqual: six items (e1 reverse-coded), three respondents.
  const items = [
    { id: 't1', dimension: 'tangibles' },
    { id: 'r1', dimension: 'reliability' },
    { id: 'r2', dimension: 'reliability' },
    { id: 's1', dimension: 'responsiveness' },
    { id: 'a1', dimension: 'assurance' },
    { id: 'e1', dimension: 'empathy', reverse: true },
  ];
  const responses = [
    {
      id: '1-1-101',
      expectation: [6, 7, 6, 6, 5, 3],
      perception: [5, 6, 6, 4, 5, 4],
      weights: { tangibles: '10', reliability: '30', responsiveness: '25', assurance: '20', empathy: '15' },
    },
    {
      id: '1-1-102',
      expectation: [7, 7, 5, 6, 6, 2],
      perception: [6, 5, null, 5, 6, 2],
      weights: { tangibles: '20', reliability: '20', responsiveness: '20', assurance: '20', empathy: '20' },
    },
    { id: '1-2-201', expectation: [5, 6, 7, 7, 6, 1], perception: [5, 7, 5, 6, 6, 3] },
  ];

  test('SERVQUAL: reliability (20/3 + 13/2)/2 = 6.5833 vs 5.75; overall gap −23/30; weighted −235/300', () => {
    const r = e.surveyServqual(responses, { items });
    assert.equal(r.respondents, 3);
    assert.deepEqual(
      r.items.map((i) => [i.id, i.answered, i.expectation, i.perception, i.gap]),
      [
        ['t1', 3, '6.0000', '5.3333', '-0.6667'],
        ['r1', 3, '6.6667', '6.0000', '-0.6667'],
        ['r2', 2, '6.5000', '5.5000', '-1.0000'], // 1-1-102 skipped r2's perception
        ['s1', 3, '6.3333', '5.0000', '-1.3333'],
        ['a1', 3, '5.6667', '5.6667', '0.0000'],
        ['e1', 3, '6.0000', '5.0000', '-1.0000'], // 8 − a: E 5, 6, 7; P 4, 6, 5
      ],
    );
    assert.deepEqual(r.dimensions[1], { dimension: 'reliability', items: 2, expectation: '6.5833', perception: '5.7500', gap: '-0.8333' });
    assert.deepEqual(r.overall, { expectation: '6.1167', perception: '5.3500', gap: '-0.7667' });
    assert.deepEqual(r.weighted, {
      source: 'respondents',
      respondents: 2,
      weights: { tangibles: '15.00', reliability: '25.00', responsiveness: '22.50', assurance: '20.00', empathy: '17.50' },
      gap: '-0.7833',
    });
  });

  test('SERVQUAL in Chinese: 翠湖花园 items and owners, fixed weights 10/35/25/15/15 → −1.38125 → −1.3813', () => {
    const cn = [
      { id: '门岗形象', dimension: 'tangibles' },
      { id: '报修及时', dimension: 'reliability' },
      { id: '按约上门', dimension: 'reliability' },
      { id: '响应速度', dimension: 'responsiveness' },
      { id: '专业技能', dimension: 'assurance' },
      { id: '漠不关心', dimension: 'empathy', reverse: true },
    ];
    const owners = [
      { id: '3-1-502 王女士', expectation: [6, 7, 7, 6, 6, 2], perception: [5, 5, 6, 4, 6, 3] },
      { id: '3-2-101 李先生', expectation: [5, 7, 6, 7, 6, 1], perception: [5, 4, 5, 3, 5, 2] },
      { id: '5-1-1203 张阿姨', expectation: [6, 6, 7, 6, 5, 2], perception: [6, 6, null, 5, 6, 4] },
      { id: '7-3-801 陈先生', expectation: [7, 7, 6, 7, 7, 1], perception: [6, 5, 5, 4, 5, 1] },
    ];
    const weights = { tangibles: '10', reliability: '35', responsiveness: '25', assurance: '15', empathy: '15' };
    const r = e.surveyServqual(owners, { items: cn, weights });
    // Reliability: E (27/4 + 19/3)/2 = 157/24, P (5 + 16/3)/2 = 31/6, gap −11/8.
    assert.deepEqual(r.dimensions[1], { dimension: 'reliability', items: 2, expectation: '6.5417', perception: '5.1667', gap: '-1.3750' });
    assert.equal(r.items[5].id, '漠不关心');
    assert.equal(r.overall.gap, '-1.1750');
    assert.deepEqual([r.weighted.source, r.weighted.gap], ['fixed', '-1.3813']);
    // SERVPERF on the same answers: (10·5.5 + 35·31/6 + 25·4 + 15·5.5 + 15·5.5)/100 = 5.008333…
    const perf = e.surveyServperf(owners, { items: cn, weights });
    assert.equal(perf.overall, '5.1333');
    assert.equal(perf.weighted.perception, '5.0083');
    // An answer off the scale names the owner and the item.
    const bad = structuredClone(owners);
    bad[2].perception[4] = 9;
    throwsWith(
      () => e.surveyServqual(bad, { items: cn }),
      RefusedError,
      7,
      'invalid_survey',
      'responses[2] (5-1-1203 张阿姨), item 专业技能: perception 9 is outside the scale 1–7',
    );
    throwsWith(
      () => e.surveyServqual(owners, { items: cn, weights: { ...weights, empathy: '16' } }),
      RefusedError,
      7,
      'invalid_survey',
      'weights: weights sum to 101, not 100',
    );
    // Without answers every mean is null ("no data").
    const empty = e.surveyServqual([], { items: cn, weights });
    assert.deepEqual([empty.overall.gap, empty.weighted.gap, empty.items[0].answered], [null, null, 0]);
  });

  test('SERVPERF: t 5.5, r 6, s 4.5, a 6 (one answer), e 6; overall 5.6; weighted 5.575', () => {
    const r = e.surveyServperf([{ perception: [5, 6, 4, 6, 5] }, { perception: [6, 6, 5, null, 7] }], {
      items: [
        { id: 't', dimension: 'tangibles' },
        { id: 'r', dimension: 'reliability' },
        { id: 's', dimension: 'responsiveness' },
        { id: 'a', dimension: 'assurance' },
        { id: 'e', dimension: 'empathy' },
      ],
      weights: { tangibles: '10', reliability: '30', responsiveness: '25', assurance: '20', empathy: '15' },
    });
    assert.deepEqual(
      r.items.map((i) => [i.id, i.answered, i.perception]),
      [
        ['t', 2, '5.5000'],
        ['r', 2, '6.0000'],
        ['s', 2, '4.5000'],
        ['a', 1, '6.0000'],
        ['e', 2, '6.0000'],
      ],
    );
    assert.equal(r.overall, '5.6000');
    assert.deepEqual([r.weighted.source, r.weighted.perception], ['fixed', '5.5750']);
  });

  test('the sample questionnaire (20 owners, 22 items): overall gap −1.1892, weighted −1.3144 over 17', () => {
    const sample = json('bindings/js/demo/survey-sample.json');
    const r = e.surveyServqual(sample.servqual.responses); // the standard 22 items
    assert.equal(r.respondents, 20);
    // q1: 梁先生 skipped P1: 19 pairs, E 118/19, P 111/19, gap −7/19.
    assert.deepEqual([r.items[0].answered, r.items[0].expectation, r.items[0].perception, r.items[0].gap], [19, '6.2105', '5.8421', '-0.3684']);
    assert.deepEqual(
      r.dimensions.map((d) => d.gap),
      ['-0.4796', '-1.3700', '-1.9750', '-0.9000', '-1.2216'],
    );
    assert.deepEqual(r.overall, { expectation: '6.2288', perception: '5.0396', gap: '-1.1892' });
    assert.deepEqual(r.weighted, {
      source: 'respondents',
      respondents: 17,
      weights: { tangibles: '12.06', reliability: '30.29', responsiveness: '25.88', assurance: '17.94', empathy: '13.82' },
      gap: '-1.3144',
    });
    // The ratings: CSAT 15 of 19 = 78.95% [56.66, 91.50], mean 76/19 = 4.0000; NPS 500/19.
    const c = e.surveyCsat(sample.ratings.csat);
    assert.deepEqual([...share(c.csat), c.mean], [15, 19, '78.95', '56.66', '91.50', '4.0000']);
    const n = e.surveyNps(sample.ratings.nps);
    assert.deepEqual(
      [n.promoters.count, n.passives.count, n.detractors.count, n.nps, n.standard_error, n.margin, n.interval],
      [9, 6, 4, '26.32', '17.99', '35.26', { low: '-8.95', high: '61.58' }],
    );
  });

  test('satisfaction index: 40·29/36 + 30·7/9 + 30·17/27 = 670/9 = 74.44', () => {
    const r = e.surveyIndex(
      [
        { id: 'overall', weight: '40' },
        { id: 'vs_expectation', weight: '30' },
        { id: 'vs_ideal', weight: '30' },
      ],
      [
        [9, 8, 7],
        [10, null, 8],
        [6, 7, 5],
        [8, 9, null],
      ],
    );
    assert.deepEqual(r, {
      scale: { min: 1, max: 10 },
      respondents: 4,
      items: [
        { id: 'overall', weight: '40', answered: 4, mean: '8.2500', score: '80.56' },
        { id: 'vs_expectation', weight: '30', answered: 3, mean: '8.0000', score: '77.78' },
        { id: 'vs_ideal', weight: '30', answered: 3, mean: '6.6667', score: '62.96' },
      ],
      index: '74.44',
    });
    throwsWith(
      () =>
        e.surveyIndex(
          [
            { id: 'a', weight: '40' },
            { id: 'b', weight: '30' },
            { id: 'c', weight: '20' },
          ],
          [],
        ),
      RefusedError,
      7,
      'invalid_survey',
      'items: weights sum to 90, not 100',
    );
  });

  test('customer value: 保洁 75 − 50 = 25, profit 37; 维修 92.5 − 105 = −12.5, profit 22.5', () => {
    const r = e.surveyValue([
      { line: '保洁 cleaning', utility: '60.00', process_quality: '15.00', price: '45.00', access_cost: '5.00', provision_cost: '38.00' },
      { line: '维修 repairs', utility: '80', process_quality: '12.5', price: '95', access_cost: '10', provision_cost: '70' },
    ]);
    assert.deepEqual(
      r.lines.map((l) => [l.line, l.gross_value, l.customer_value, l.potential_profit]),
      [
        ['保洁 cleaning', '75.00', '25.00', '37.00'],
        ['维修 repairs', '92.5', '-12.5', '22.5'],
      ],
    );
    assert.equal(r.lines[0].text[0], '顾客价值 customer value = (60.00 + 15.00) − (45.00 + 5.00) = 75.00 − 50.00 = 25.00');
    assert.deepEqual(r.total, { gross_value: '167.50', customer_value: '12.50', potential_profit: '59.50' });
    assert.deepEqual(e.surveyValue([]), { lines: [], total: null });
    throwsWith(
      () => e.surveyValue([{ line: '绿化 greening', utility: '10', process_quality: '2', price: '8', access_cost: '0', provision_cost: '-1' }]),
      RefusedError,
      7,
      'invalid_survey',
      'lines[0] (绿化 greening): provision_cost is negative (-1)',
    );
    // Money is a decimal string: a JS number is refused, never rounded through a float.
    throwsWith(
      () => e.surveyValue([{ line: 'x', utility: 10, process_quality: '2', price: '8', access_cost: '0', provision_cost: '1' }]),
      InvalidRequestError,
      6,
      'wrong_type',
    );
  });
});

// docs/contract.md, survey.callbacks: complaint R9 handled by 安管部 李队长, rated 3 and reopened.
const R9 = (day) => {
  const at = (t) => `2026-03-0${day}T${t}:00+08:00`;
  const ev = (t, actor, change) => ({ schema: 1, request: 'R9', at: at(t), actor, change });
  const agent = { role: 'agent', id: 'kf01' };
  const worker = { role: 'worker', id: '李队长' };
  return [
    ev('09:00', agent, {
      type: 'registered',
      request: {
        id: 'R9',
        kind: 'complaint',
        priority: 'normal',
        channel: 'phone',
        location: { unit: '4-2-702' },
        reporter: { kind: 'owner', name: '孙先生' },
        description: '楼上装修噪音',
      },
    }),
    ev('09:05', { role: 'dispatcher', id: 'dd01' }, { type: 'dispatched', department: 'security', assignee: '李队长' }),
    ev('09:10', worker, { type: 'accepted', assignee: '李队长' }),
    ev('09:20', worker, { type: 'arrived' }),
    ev('09:50', worker, { type: 'completed' }),
    ev('10:00', agent, { type: 'replied' }),
    ev('10:30', agent, { type: 'callback_rated', rating: 3, satisfied: false }),
    ev('10:30', agent, { type: 'reopened', count: 1 }),
  ];
};

describe('satisfaction and KPIs from the service log 回访满意率与服务指标', () => {
  test('a log the host passes: rated 3 is satisfied at a report threshold of 3, not at the engine’s 4', () => {
    const e = new Engine();
    const events = R9(3);
    const period = { from: '2026-03-03T00:00:00+08:00', to: '2026-03-04T00:00:00+08:00' };
    const at3 = e.surveyCallbacks(period.from, period.to, { by: 'department', threshold: 3, events });
    assert.equal(at3.threshold, 3);
    // 1 of 1: Wilson [20.65, 100.00]; mean 3.0000; the one round was reached.
    assert.deepEqual(share(at3.overall.satisfied), [1, 1, '100.00', '20.65', '100.00']);
    assert.equal(at3.overall.mean_rating, '3.0000');
    assert.deepEqual([at3.overall.coverage.due, at3.overall.coverage.reached, at3.overall.coverage.pending], [1, 1, 0]);
    assert.deepEqual(at3.groups.map((g) => g.key), ['security']);
    const at4 = e.surveyCallbacks(period.from, period.to, { by: 'assignee', events });
    assert.equal(at4.threshold, 4);
    assert.deepEqual(share(at4.groups[0].satisfied), [0, 1, '0.00', '0.00', '79.35']);
    assert.equal(at4.groups[0].key, '李队长');
    // KPIs of the same log: accept 09:05→09:10 = 300 s, complete 09:00→09:50 = 3000 s; one
    // complaint for 100 households = 1.00; nothing closed: reopen and first-time-right null.
    const k = e.kpiReport(period.from, period.to, { households: 100, events });
    assert.deepEqual(k.requests, { registered: 1, closed: 0, closed_after_work: 0, cancelled: 0 });
    assert.deepEqual(k.accept, { count: 1, median_seconds: 300, p90_seconds: 300 });
    assert.deepEqual(k.complete, { count: 1, median_seconds: 3000, p90_seconds: 3000 });
    assert.deepEqual(k.complaints, { count: 1, households: 100, per_100_households: '1.00' });
    assert.deepEqual(share(k.reopened), [0, 0, null, null, null]);
    assert.deepEqual(k.on_time.map((o) => [o.clock, o.met, o.breached]), [
      ['dispatch', 1, 0],
      ['accept', 1, 0],
      ['arrive', 1, 0],
      ['complete', 1, 0],
      ['reply', 1, 0],
      ['callback', 1, 0],
    ]);
    // The engine itself was not changed by the log.
    assert.equal(e.engineInfo().requests, 0);
    assert.equal(e.kpiReport(period.from, period.to).requests.registered, 0);
    e.free();
  });

  test('refusals: a log that does not replay, a threshold, a breakdown, households, a period', () => {
    const e = new Engine();
    const period = { from: '2026-03-04T00:00:00+08:00', to: '2026-03-05T00:00:00+08:00' };
    throwsWith(
      () => e.surveyCallbacks(period.from, period.to, { events: R9(4).slice(1) }),
      InvalidEventError,
      12,
      'unknown_request',
      'event 0: unknown request R9',
    );
    throwsWith(() => e.surveyCallbacks(period.from, period.to, { threshold: 6 }), RefusedError, 7, 'invalid_survey', 'threshold: must be 1–5, got 6');
    throwsWith(
      () => e.surveyCallbacks(period.from, period.to, { by: 'floor' }),
      InvalidRequestError,
      6,
      'invalid_value',
      'survey.callbacks args: unknown variant `floor`, expected one of `all`, `department`, `assignee`, `kind`, `month`',
    );
    throwsWith(
      () => e.surveyCallbacks(period.to, period.from),
      RefusedError,
      7,
      'invalid_survey',
      'to: the period ends (2026-03-04T00:00:00+08:00) before it starts (2026-03-05T00:00:00+08:00)',
    );
    throwsWith(() => e.kpiReport(period.from, period.to, { households: 0 }), RefusedError, 7, 'invalid_survey', 'households: must be at least 1');
    e.free();
  });

  test('callback sampling 回访抽样: seed 2026-Q3 at 30% picks 002 and 004; size 2 the smallest keys', () => {
    const e = new Engine();
    const ids = ['WY20260930-004', 'WY20260930-001', 'WY20260930-005', 'WY20260930-002', 'WY20260930-003'];
    // Draws (key mod 10000): 3143, 2394, 5254, 1974, 8056 — below 3000: 002 and 004.
    assert.deepEqual(e.surveySample('2026-Q3', { rate: '30', ids }), { considered: 5, selected: ['WY20260930-002', 'WY20260930-004'] });
    assert.deepEqual(e.surveySample('2026-Q3', { size: 2, ids }).selected, ['WY20260930-001', 'WY20260930-002']);
    throwsWith(() => e.surveySample('s', { rate: '12.345', ids: ['A'] }), RefusedError, 7, 'invalid_survey', 'rate: 12.345: at most 2 decimals');
    throwsWith(() => e.surveySample('s', { rate: 30, ids: ['A'] }), InvalidRequestError, 6, 'wrong_type');
    throwsWith(() => e.surveySample('', { size: 1, ids: ['A'] }), RefusedError, 7, 'invalid_survey', 'seed: must not be empty');
    throwsWith(() => e.surveySample('s', { rate: '30' }), InvalidRequestError, 6, 'missing_field');
    e.free();
  });

  test('the sample day 2026-09-30 (day.json) played on an engine: the figures of `wuye demo`', () => {
    const e = new Engine();
    const day = json('bindings/js/demo/sample-day.json');
    const events = playDay(e, day);
    const period = dayPeriod(day.date);
    assert.deepEqual(period, { from: '2026-09-30T00:00:00+08:00', to: '2026-10-01T00:00:00+08:00' });
    // Callbacks: 工程部 001 5, 003 2 (reopened) then 5, 005 5 (transferred from 绿化部), 002 5;
    // 安管部 012 4. Satisfied (≥ 4): 4 of 5, 1 of 1, 5 of 6.
    const r = e.surveyCallbacks(period.from, period.to, { by: 'department' });
    assert.deepEqual(r.groups.map((g) => g.key), ['engineering', 'security']);
    const [eng, sec] = r.groups;
    assert.deepEqual([...share(eng.satisfied), eng.mean_rating, eng.unreachable], [4, 5, '80.00', '37.55', '96.38', '4.4000', 3]);
    assert.deepEqual([...share(sec.satisfied), sec.mean_rating], [1, 1, '100.00', '20.65', '100.00', '4.0000']);
    assert.deepEqual([...share(r.overall.satisfied), r.overall.mean_rating], [5, 6, '83.33', '43.64', '97.00', '4.3333']);
    // Rounds replied: 001, 003 twice, 002, 004, 005, 012 = 7; 004 closed unreachable.
    const cov = r.overall.coverage;
    assert.deepEqual([cov.due, cov.reached, cov.closed_unreachable, cov.pending], [7, 6, 1, 0]);
    assert.deepEqual(share(cov.rate), [6, 7, '85.71', '48.68', '97.44']);
    // The same figures from the day's event log on a fresh engine.
    const fresh = new Engine();
    assert.deepEqual(fresh.surveyCallbacks(period.from, period.to, { by: 'department', events }), r);
    fresh.free();

    const k = e.kpiReport(period.from, period.to, { households: 1860 });
    // Accept: 0, 0, 300, 420, 420, 480, 600, 600, 600, 900, 900 → median 6th = 480, p90 10th = 900.
    assert.deepEqual(k.accept, { count: 11, median_seconds: 480, p90_seconds: 900 });
    // Complete: 0, 0, 5400, 6000, 7800, 9900, 16200 → median 4th = 6000, p90 7th = 16200.
    assert.deepEqual(k.complete, { count: 7, median_seconds: 6000, p90_seconds: 16200 });
    const clock = Object.fromEntries(k.on_time.map((o) => [o.clock, share(o.rate)]));
    assert.deepEqual(clock.arrive, [9, 10, '90.00', '59.58', '98.22']); // 004 arrived 1:35 of 1:00
    assert.deepEqual(clock.dispatch.slice(0, 3), [11, 11, '100.00']);
    assert.deepEqual(clock.reply.slice(0, 3), [9, 9, '100.00']);
    assert.deepEqual(clock.callback.slice(0, 3), [7, 7, '100.00']);
    assert.deepEqual(share(k.reopened), [1, 6, '16.67', '3.00', '56.36']);
    assert.deepEqual(share(k.first_time_right), [5, 6, '83.33', '43.64', '97.00']);
    // One complaint (012) for 1860 households: 100/1860 = 0.0537… → 0.05.
    assert.deepEqual(k.complaints, { count: 1, households: 1860, per_100_households: '0.05' });

    // Closed on the day but without work (006, 010): 8; draws under “翠湖花园 2026-09”: 5577,
    // 763, 1911, 7765, 4594, 7332, 198, 6585 — below 3000: 002, 003, 012.
    assert.deepEqual(e.surveySample('翠湖花园 2026-09', { rate: '30', ...period }), {
      considered: 8,
      selected: ['WY20260930-002', 'WY20260930-003', 'WY20260930-012'],
    });
    e.free();
  });
});
