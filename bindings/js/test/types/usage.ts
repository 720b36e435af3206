// Type-checked (tsc --noEmit, strict) use of the declarations in index.d.ts and the generated
// src/contract.d.ts and src/engine-methods.d.ts: the discriminated unions narrow as a
// TypeScript user expects, optional members may be left out, every method returns its
// operation's result type, and wrong shapes are rejected (@ts-expect-error).
import {
  Engine,
  WuyeError,
  loadModule,
  isModuleLoaded,
  type ModuleName,
  RefusedError,
  errorFromFailure,
  type Command,
  type EventOut,
  type Change,
  type EventsOut,
  type SlaStatus,
  type Stage,
  type ClockStatus,
  type NewRequest,
  type Actor,
  type ContractRequest,
  type Closure,
} from '../../index.js';

const request: NewRequest = {
  id: 'R1',
  kind: 'repair',
  priority: 'high',
  channel: 'phone',
  location: { unit: '3-1-502' },
  reporter: { kind: 'owner', name: '王女士', phone: '13800000000' },
  description: '厨房水管爆裂',
};
const agent: Actor = { role: 'agent', id: 'kf01' };

const engine = new Engine();
const registered: EventsOut = engine.requestRegister(request, agent, '2026-03-02T08:55:00+08:00');
const events: EventOut[] = registered.events;
for (const e of events) {
  if (e.change.type === 'registered') {
    const kind: NewRequest['kind'] = e.change.request.kind;
    void kind;
  } else if (e.change.type === 'escalated') {
    const due: string = e.change.due_at;
    const pct: number = e.change.percent;
    void due, pct;
  }
}

const commands: Command[] = [
  { step: 'dispatch', department: 'engineering', assignee: 'w1' },
  { step: 'accept' },
  { step: 'hold', reason: 'waiting_for_parts' },
  { step: 'hold', reason: { other: '业主不在家' } },
  { step: 'callback', outcome: 'rated', rating: 5, aspects: { speed: 5 } },
  { step: 'callback', outcome: 'unreachable' },
  { step: 'close_without_work', reason: '重复', duplicate_of: 'R0' },
];
void commands;

// @ts-expect-error a dispatch needs its department
const bad: Command = { step: 'dispatch' };
void bad;
// @ts-expect-error an unknown step
const bad2: Command = { step: 'teleport' };
void bad2;
// @ts-expect-error a reporter's kind is one of the ReporterKind literals
const bad3: NewRequest['reporter'] = { kind: 'stranger' };
void bad3;
// Optional members may be left out; a nullable one may be null.
const dispatch: Command = { step: 'dispatch', department: 'engineering' };
const dispatchNull: Command = { step: 'dispatch', department: 'engineering', assignee: null };
void [dispatch, dispatchNull];

// A change narrows by its `type`, a callback command by `step` then `outcome`.
function describeChange(c: Change): string {
  switch (c.type) {
    case 'transferred':
      return `${c.from_department} → ${c.department} (${c.assignee ?? 'no one yet'})`;
    case 'escalated':
      return `${c.clock} ${c.percent}% → ${c.notify}`;
    default:
      return c.type;
  }
}
void events.map((e) => describeChange(e.change));
function rating(c: Command): number | null {
  if (c.step !== 'callback') return null;
  return c.outcome === 'rated' ? c.rating : null;
}
void commands.map(rating);

function describeStage(s: Stage): string {
  switch (s.stage) {
    case 'in_progress':
      return s.arrived_at;
    case 'on_hold':
      return typeof s.reason === 'string' ? s.reason : s.reason.other;
    case 'closed': {
      const c: Closure = s.closure;
      return c.by === 'satisfied' ? String(c.rating) : c.by;
    }
    default:
      return s.stage;
  }
}
void describeStage(engine.requestGet('R1').request.stage);

function left(c: ClockStatus): number {
  if (c.state === 'breached') return -(c.overdue_seconds ?? 0);
  return c.remaining_seconds ?? 0;
}
const status: SlaStatus = engine.slaStatus('R1', '2026-03-02T10:00:00+08:00');
void status.cycles.flatMap((c) => c.clocks).map(left);

const days: number = engine.calendarWorkingDays('2026-10-01', '2026-10-31').days;
const working: boolean = engine.calendarIsWorkingDay('2026-10-10').working;
const at: string = engine.calendarAdd('2026-09-30T17:00:00+08:00', 3600).instant;
// @ts-expect-error a method returns its operation's result object, not the bare value
const bareDays: number = engine.calendarWorkingDays('2026-10-01', '2026-10-31');
void bareDays;
const info = engine.call('engine.info');
const n: number = info.requests;
void days, working, at, n;
const r: ContractRequest = { v: 1, op: 'calendar.add', args: { start: at, seconds: 60 } };
void r;
// @ts-expect-error the args of calendar.add need seconds
engine.call('calendar.add', { start: at });

for (const item of engine.requestExecuteBatch([{ id: 'R1', command: { step: 'accept' }, actor: agent, now: at }]).results) {
  if (item.ok) void item.result.events.length;
  else void errorFromFailure(item.error).code;
}
for (const item of engine.slaStatusBatch(at, { ids: ['R1'] }).statuses) {
  void (item.ok ? item.result.cycles.length : item.error.status);
}
void engine.slaStatusBatch(at).statuses;
void RefusedError;
try {
  engine.requestGet('NOPE');
} catch (e) {
  if (e instanceof WuyeError) void [e.status, e.code, e.response];
}
engine.free();

// ---- fees 收费 ----------------------------------------------------------------------------------
import type {
  Schedule,
  Unit,
  Formula,
  Rate,
  AccountCommand,
  AccountEvent,
  SettledBy,
  ParkingCharge,
  Money,
  Bill,
} from '../../index.js';

const feeSchedule: Schedule = {
  unit_types: [{ code: 'high_rise', name: '高层' }],
  items: [
    { code: 'property_fee', name: '物业服务费', formula: { kind: 'area' }, state_discounts: { vacant: '30' } },
    { code: 'water', name: '水费', formula: { kind: 'metered', tier_bounds: 'annual' }, collection: 'postpaid', due_days: 20 },
    {
      code: 'temp_parking',
      name: '临时停车',
      formula: {
        kind: 'parking',
        tariff: { first_minutes: 60, first_price: '5.00', increment_minutes: 30, increment_price: '2.00', daily_cap: '30.00' },
      },
    },
  ],
  rates: [
    { item: 'property_fee', from: '2020-01-01', price: '2.35' },
    { item: 'water', from: '2020-01-01', tiers: [{ up_to: '180', price: '5.00' }, { price: '7.00' }] },
  ],
  billing: { collection: 'prepaid', due_days: 15 },
};
const feeUnits: Unit[] = [{ id: '1-101', unit_type: 'high_rise', building_area: '98.76' }];
const fees = new Engine();
const billed = fees.feeBill('2026-09', { schedule: feeSchedule, units: feeUnits, only: ['1-101'] });
const firstBill: Bill = billed.bills[0]!;
const amount: Money = firstBill.lines[0]!.amount;
void amount;
for (const s of firstBill.lines[0]!.trace.segments ?? []) void [s.days, s.state, s.rate];
fees.feeLoadEstate(feeSchedule, feeUnits);
const compact = fees.feeBillEstate('2026-09', { readings: [{ unit: '1-101', item: 'water', date: '2026-09-30', previous: '1', current: '9', year_to_date: '0' }] });
const unitIndex: number = compact.lines.unit[0]!;
void unitIndex;
const parts: string[] = fees.feeApportion('1000.00', ['98.76', '120.50']).parts;
void parts;
// @ts-expect-error money is a decimal string, never a JS number
fees.feeApportion(1000, ['1']);
// @ts-expect-error a rate's dates are strings
const badRate: Rate = { item: 'water', from: 20200101, price: '1.00' };
void badRate;
// @ts-expect-error a parking formula needs its tariff
const badFormula: Formula = { kind: 'parking' };
void badFormula;

function charged(c: ParkingCharge): string {
  return c.free ? '0.00' : (c.rest?.amount ?? c.amount);
}
void charged(fees.feeParking(
  { first_minutes: 60, first_price: '5.00', increment_minutes: 30, increment_price: '2.00' },
  '2026-09-12T08:00:00+08:00',
  '2026-09-12T10:00:00+08:00',
).charge);

const pay: AccountCommand = { type: 'pay', receipt: 'R001', date: '2026-09-25', amount: '100.00' };
// @ts-expect-error a credit note needs its reason
const badCommand: AccountCommand = { type: 'credit_note', note: 'N1', charge: 'B1', date: '2026-09-25', amount: '1.00' };
void badCommand;
const { account, events: accountEvents } = fees.feeAccountExecute({ id: '1-101', policy: { late_fee: { daily_rate: '0.0003' } } }, pay);
function describeEvent(ev: AccountEvent): string {
  switch (ev.type) {
    case 'payment_received':
      return `${ev.receipt} ${ev.amount} → ${ev.allocations.map((a) => `${a.charge} ${a.part} ${a.amount}`).join(', ')}; ${ev.to_prepaid}`;
    case 'refunded':
      return `${ev.refund} of ${ev.receipt}: ${ev.from_prepaid}`;
    case 'late_fee_waived':
      return ev.reason;
    default:
      return ev.type;
  }
}
void accountEvents.map(describeEvent);
function source(by: SettledBy): string {
  return typeof by === 'string' ? by : 'receipt' in by ? by.receipt : by.credit_note;
}
void account.charges?.flatMap((c) => c.settlements ?? []).map((s) => source(s.by));
const prepaid: Money = account.prepaid;
void prepaid;
const late = fees.feeAccountLateFees(account, '2026-10-15');
void late.late_fees.map((l) => [l.accrued, l.outstanding, l.cap]);
const ageing = fees.feeAccountArrears(account, '2026-10-15', { buckets: [30, 90] });
void ageing.buckets.map((b) => b.to_days ?? Infinity);
const viaCall = fees.call('fee.apportion', { amount: '1.00', weights: ['1'] });
void viaCall.parts;
// Surveys 满意度 through the generic call: typed arguments and results.
const gaps = fees.call('survey.servqual', {
  items: [{ id: 't1', dimension: 'tangibles' }, { id: 'e1', dimension: 'empathy', reverse: true }],
  responses: [{ expectation: [6, null], perception: [5, 4], weights: { tangibles: '50', reliability: '0', responsiveness: '0', assurance: '0', empathy: '50' } }],
});
const overallGap: string | null = gaps.overall.gap;
void [overallGap, gaps.weighted?.weights.empathy, gaps.dimensions.map((d) => d.dimension)];
// @ts-expect-error an item needs its id
fees.call('survey.servqual', { items: [{ dimension: 'tangibles' }], responses: [] });
const nps = fees.call('survey.nps', { answers: [10, 9, 0] });
void [nps.nps, nps.interval?.low, nps.promoters.count];
const csat = fees.call('survey.csat', { scale: { min: 1, max: 7 }, top_boxes: 1, answers: [7] });
void csat.csat.interval?.high;
void fees.call('survey.proportion', { count: 7, total: 8 }).percent;
void fees.call('survey.index', { items: [{ id: 'a', weight: '100' }], responses: [[9], [null]] }).index;
void fees.call('survey.value', { lines: [] }).total?.customer_value;
void fees.call('survey.servperf', { responses: [] }).overall;
// Satisfaction and KPIs through `call`: results typed, "no data" as null.
const kpis = fees.call('kpi.report', { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00', households: 1860 });
const median: number | null = kpis.accept.median_seconds;
void [median, kpis.on_time.map((o) => `${o.clock} ${o.rate.percent ?? '—'}`), kpis.complaints.per_100_households];
const byDept = fees.call('survey.callbacks', { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00', by: 'department' });
void byDept.groups.map((g) => [g.key, g.satisfied.interval?.low, g.coverage.rate.percent]);
const picked = fees.call('survey.sample', { seed: '2026-Q3', rate: '30', ids: ['R1', 'R2'] });
void picked.selected;
// @ts-expect-error no such breakdown
fees.call('survey.callbacks', { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00', by: 'floor' });
// The survey methods: figures are strings, "no data" is null.
const served = fees.surveyServqual([{ expectation: Array(22).fill(6), perception: Array(22).fill(5) }]);
const dimGap: string | null = served.dimensions[0].gap;
void [dimGap, fees.surveyServperf([], { scale: { min: 1, max: 5 } }).weighted?.perception];
const satisfied = fees.surveyCsat([5, 4, 3], { scale: { min: 1, max: 5 }, top_boxes: 2 });
const csatPercent: string | null = satisfied.csat.percent;
void csatPercent;
// @ts-expect-error options keep the wire names (top_boxes)
fees.surveyCsat([5], { topBoxes: 2 });
// @ts-expect-error a required member is a parameter, not an option
fees.surveyCsat([5], { answers: [4] });
const promoters: number = fees.surveyNps([10, 9, 6]).promoters.count;
void promoters;
const share = fees.surveyProportion(7, 8);
void [share.percent, share.interval?.low];
// @ts-expect-error counts are numbers
fees.surveyProportion('7', 8);
void fees.surveyIndex([{ id: 'overall', weight: '100' }], [[9]]).index;
void fees.surveyValue([{ line: '保洁', utility: '60', process_quality: '15', price: '45', access_cost: '5', provision_cost: '38' }]).total;
// @ts-expect-error money is a decimal string
fees.surveyValue([{ line: '保洁', utility: 60, process_quality: '15', price: '45', access_cost: '5', provision_cost: '38' }]);
const period = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' } as const;
const report = fees.surveyCallbacks(period.from, period.to, { by: 'department', threshold: 4, events: [] });
const overallRate: string | null = report.overall.satisfied.percent;
void [overallRate, report.groups.map((g) => g.key)];
const kpi = fees.kpiReport(period.from, period.to, { households: 1860 });
const p90: number | null = kpi.complete.p90_seconds;
void [p90, kpi.complaints.per_100_households];
const drawn: string[] = fees.surveySample('翠湖花园 2026-09', { rate: '30', ...period }).selected;
void drawn;
// @ts-expect-error a rate is a percentage string, never a JS number
fees.surveySample('s', { rate: 30, ids: ['A'] });
fees.free();

// Loading a module on demand (a browser page before its first fee call).
const feesModule: ModuleName = 'fees';
const feesReady: Promise<void> = loadModule(feesModule);
void feesReady;
const deskLoaded: boolean = isModuleLoaded('desk');
void deskLoaded;
// @ts-expect-error there is no such module
void loadModule('billing');
