// Type declarations of the `wuye` package: every request and response of contract v1
// (docs/contract.md). Names on the wire are snake_case; these types keep them as they are.

import type { Failure, WuyeError } from './src/errors.js';

// ---- scalars ------------------------------------------------------------------------------

/** RFC 3339 instant with an explicit offset, whole seconds: "2026-09-30T16:00:00+08:00". */
export type Instant = string;
/** A date "YYYY-MM-DD". */
export type DateString = string;
/** Whole seconds (business seconds on the calendar, or wall seconds for around-the-clock). */
export type Seconds = number;

/** Kinds of request: 报修 repair, 报事 matter, 投诉 complaint, 建议 suggestion, 咨询 inquiry, 表扬 praise. */
export type RequestKind = 'repair' | 'matter' | 'complaint' | 'suggestion' | 'inquiry' | 'praise';
/** Priority 紧急程度. */
export type Priority = 'emergency' | 'high' | 'normal' | 'low';
/** Roles 角色. */
export type Role =
  | 'reporter'
  | 'agent'
  | 'dispatcher'
  | 'worker'
  | 'supervisor'
  | 'project_manager'
  | 'system';
/** Channel 受理渠道. */
export type Channel = 'phone' | 'front_desk' | 'app' | 'walk_in' | 'patrol' | 'other';
/** A unit 房屋 ("3-1-502") or a common area 公共区域 ("2号楼电梯厅"). */
export type Location = { unit: string } | { common_area: string };
/** Who reported 报事人. */
export type ReporterKind = 'owner' | 'tenant' | 'colleague' | 'partner_unit' | 'anonymous';
/** The reporter; an anonymous one keeps no name or phone. */
export type Reporter =
  | { kind: Exclude<ReporterKind, 'anonymous'>; name?: string; phone?: string }
  | { kind: 'anonymous' };

/** Who takes a step: a role and the host's id of the person or system. */
export interface Actor {
  role: Role;
  id: string;
}

/** What a new request says when registered 受理登记. */
export interface NewRequest {
  id: string;
  kind: RequestKind;
  priority: Priority;
  channel: Channel;
  location: Location;
  reporter: Reporter;
  description: string;
}

/** Why work is on hold 暂停原因. */
export type HoldReason = 'waiting_for_parts' | 'waiting_for_owner' | { other: string };

/** Per-aspect callback scores, 1–5 each. */
export interface AspectScores {
  speed?: number;
  attitude?: number;
  quality?: number;
}

// ---- commands (discriminated by `step`) -----------------------------------------------------

export type Command =
  | { step: 'dispatch'; department: string; assignee?: string }
  | { step: 'accept' }
  | { step: 'arrive' }
  | { step: 'hold'; reason: HoldReason }
  | { step: 'resume' }
  | { step: 'complete'; note?: string }
  | { step: 'reply'; note?: string }
  | { step: 'callback'; outcome: 'rated'; rating: number; comment?: string; aspects?: AspectScores }
  | { step: 'callback'; outcome: 'unreachable' }
  | { step: 'close_unreachable'; reason: string }
  | { step: 'transfer'; department: string; assignee?: string; reason: string }
  | { step: 'return'; reason: string }
  | { step: 'cancel'; reason: string }
  | { step: 'close_without_work'; reason: string; duplicate_of?: string };

/** The name of a step. */
export type StepName = Command['step'];

// ---- events (discriminated by `change.type`) ------------------------------------------------

export type ClockKind = 'dispatch' | 'accept' | 'arrive' | 'complete' | 'reply' | 'callback';

export type Change =
  | { type: 'registered'; request: NewRequest }
  | { type: 'dispatched'; department: string; assignee?: string }
  | { type: 'accepted'; assignee: string }
  | { type: 'arrived' }
  | { type: 'held'; reason: HoldReason }
  | { type: 'resumed' }
  | { type: 'completed'; note?: string }
  | { type: 'replied'; note?: string }
  | {
      type: 'callback_rated';
      rating: number;
      comment?: string;
      aspects: AspectScores;
      satisfied: boolean;
    }
  | { type: 'reopened'; count: number }
  | { type: 'callback_unreachable'; attempt: number }
  | { type: 'closed_unreachable'; reason: string }
  | {
      type: 'transferred';
      from_department: string;
      department: string;
      assignee?: string;
      reason: string;
    }
  | { type: 'returned'; reason: string }
  | { type: 'cancelled'; reason: string }
  | { type: 'closed_without_work'; reason: string; duplicate_of?: string }
  | {
      type: 'escalated';
      cycle: number;
      clock: ClockKind;
      percent: number;
      notify: Role;
      due_at: Instant;
    };

/** The name of an event type. */
export type ChangeType = Change['type'];

/** One entry of a request's event log 操作日志 (the JSON Lines record, schema 1). */
export interface Event {
  schema: 1;
  request: string;
  at: Instant;
  actor: Actor;
  change: Change;
}

// ---- requests as they stand (stage discriminated by `stage`, closure by `by`) ----------------

export type Closure =
  | { by: 'satisfied'; rating: number; comment?: string }
  | { by: 'reply' }
  | { by: 'unreachable'; reason: string }
  | { by: 'without_work'; reason: string; duplicate_of?: string };

export type Stage =
  | { stage: 'registered' }
  | { stage: 'dispatched'; department: string; assignee?: string }
  | { stage: 'accepted'; department: string; assignee: string }
  | { stage: 'in_progress'; department: string; assignee: string; arrived_at: Instant }
  | {
      stage: 'on_hold';
      department: string;
      assignee: string;
      arrived_at?: Instant;
      reason: HoldReason;
      since: Instant;
    }
  | { stage: 'completed'; department: string; assignee: string }
  | { stage: 'replied'; department: string }
  | { stage: 'closed'; closure: Closure }
  | { stage: 'cancelled'; reason: string };

export type StageName = Stage['stage'];

/** A service request 工单. */
export interface ServiceRequest {
  details: NewRequest;
  registered_at: Instant;
  last_event_at: Instant;
  stage: Stage;
  reopen_count: number;
  transfer_count: number;
  return_count: number;
  callback_attempts: number;
}

// ---- SLA ----------------------------------------------------------------------------------------

export type Timing = 'business' | 'around_the_clock';
export type ClockState = 'not_started' | 'running' | 'paused' | 'met' | 'breached' | 'voided';

interface ClockStatusBase {
  clock: ClockKind;
  timing: Timing;
  target_seconds: Seconds;
  elapsed_seconds: Seconds;
}

/** One clock as of an instant, discriminated by `state`. */
export type ClockStatus =
  | (ClockStatusBase & {
      state: 'not_started';
      started_at: null;
      stopped_at: null;
      remaining_seconds: Seconds;
      overdue_seconds: null;
      deadline: null;
    })
  | (ClockStatusBase & {
      state: 'running';
      started_at: Instant;
      stopped_at: null;
      remaining_seconds: Seconds;
      overdue_seconds: null;
      deadline: Instant;
    })
  | (ClockStatusBase & {
      state: 'paused';
      started_at: Instant;
      stopped_at: null;
      remaining_seconds: Seconds;
      overdue_seconds: null;
      deadline: null;
    })
  | (ClockStatusBase & {
      state: 'met';
      started_at: Instant;
      stopped_at: Instant;
      remaining_seconds: Seconds;
      overdue_seconds: null;
      deadline: Instant;
    })
  | (ClockStatusBase & {
      state: 'breached';
      started_at: Instant;
      /** Null while the late clock still runs (or is paused). */
      stopped_at: Instant | null;
      remaining_seconds: null;
      overdue_seconds: Seconds;
      /** Null while paused. */
      deadline: Instant | null;
    })
  | (ClockStatusBase & {
      state: 'voided';
      started_at: Instant;
      stopped_at: Instant;
      remaining_seconds: null;
      overdue_seconds: null;
      deadline: Instant | null;
    });

export interface CycleStatus {
  cycle: number;
  started_at: Instant;
  clocks: ClockStatus[];
}

/** The SLA status of a request as of an instant. */
export interface SlaStatus {
  request: string;
  as_of: Instant;
  cycles: CycleStatus[];
}

export interface Escalation {
  percent: number;
  notify: Role;
}

export interface Target {
  clock: ClockKind;
  seconds: Seconds;
  timing: Timing;
  pause_on_hold?: boolean;
  escalations?: Escalation[];
}

export interface SlaRule {
  kinds: RequestKind[];
  priorities: Priority[];
  targets: Target[];
}

/** An SLA policy 时效标准. */
export interface SlaPolicy {
  rules: SlaRule[];
}

// ---- configuration and state --------------------------------------------------------------------

export interface Department {
  code: string;
  name: string;
}

export interface DeskConfig {
  departments?: Department[];
  satisfied_threshold?: number;
  max_callback_attempts?: number;
}

/** Working windows per weekday, e.g. ["08:30-12:00", "13:30-17:30"]. */
export interface WeekSpec {
  mon: string[];
  tue: string[];
  wed: string[];
  thu: string[];
  fri: string[];
  sat: string[];
  sun: string[];
}

export interface YearSpec {
  year: number;
  /** Dates or inclusive ranges "YYYY-MM-DD..YYYY-MM-DD". */
  holidays: string[];
  /** Make-up working days 调休上班日, same format. */
  makeup_workdays: string[];
}

/** Calendar data 工作日历. */
export interface CalendarSpec {
  utc_offset?: string;
  week: WeekSpec;
  makeup_windows?: string[] | null;
  years: YearSpec[];
}

export type Phase =
  | { phase: 'not_started' }
  | { phase: 'running'; from: number }
  | { phase: 'paused'; since: Instant }
  | { phase: 'stopped'; at: Instant }
  | { phase: 'voided'; at: Instant };

export interface EscalationTrack {
  percent: number;
  notify: Role;
  due: Instant | null;
  fired: boolean;
}

export interface ClockTrack {
  cycle: number;
  cycle_started_at: Instant;
  clock: ClockKind;
  timing: Timing;
  seconds: Seconds;
  pause_on_hold: boolean;
  phase: Phase;
  started_at: Instant | null;
  banked: Seconds;
  deadline: Instant | null;
  escalations: EscalationTrack[];
}

export interface CalendarFailure {
  error: 'year_not_covered' | 'invalid_duration' | 'reversed_range' | 'invalid_spec';
  [field: string]: unknown;
}

export interface SlaTrack {
  request: string;
  kind: RequestKind;
  priority: Priority;
  cycles: number;
  clocks: ClockTrack[];
  error: CalendarFailure | null;
}

/** A request's service record 服务记录: its handling cycles and callback rounds 回访轮次. */
export interface ServiceRecord {
  cycles: {
    started_at: Instant;
    dispatched_at: Instant | null;
    accepted_at: Instant | null;
    completed_at: Instant | null;
  }[];
  rounds: {
    replied_at: Instant;
    department: string | null;
    worker: string | null;
    /** `rating` null: unreachable 联系不上. */
    attempts: { at: Instant; rating: number | null }[];
    closed_unreachable_at: Instant | null;
  }[];
  department: string | null;
  worker: string | null;
}

/** The whole engine state (`engine.export`), to store and restore. */
export interface EngineState {
  config: Required<DeskConfig>;
  policy: SlaPolicy;
  calendar: CalendarSpec;
  /** `record` is absent in states saved before service records existed. */
  requests: Record<string, { request: ServiceRequest; sla: SlaTrack; record?: ServiceRecord }>;
}

// ---- satisfaction and KPIs from the service log 回访满意率与服务指标 -------------------------------

// `Figure`, `Interval` and `Proportion` (a share with its 95% Wilson interval, null over
// nothing) are declared once, with the survey scores below.

/** Callback coverage 回访覆盖率 of the rounds replied in the period. */
export interface Coverage {
  due: number;
  reached: number;
  closed_unreachable: number;
  pending: number;
  rate: Proportion;
}

export type GroupBy = 'all' | 'department' | 'assignee' | 'kind' | 'month';

/** 满意率 and coverage of one group (`key` absent for the overall figures). */
export interface CallbackFigures {
  key?: string;
  satisfied: Proportion;
  mean_rating: Figure | null;
  unreachable: number;
  coverage: Coverage;
}

/** `survey.callbacks`. */
export interface CallbackReport {
  from: Instant;
  to: Instant;
  by: GroupBy;
  threshold: number;
  overall: CallbackFigures;
  groups: CallbackFigures[];
}

/** Business-second durations: nearest-rank median and 90th percentile. */
export interface Durations {
  count: number;
  median_seconds: Seconds | null;
  p90_seconds: Seconds | null;
}

/** `kpi.report`. */
export interface KpiReport {
  from: Instant;
  to: Instant;
  requests: { registered: number; closed: number; closed_after_work: number; cancelled: number };
  accept: Durations;
  complete: Durations;
  on_time: { clock: ClockKind; met: number; breached: number; rate: Proportion }[];
  reopened: Proportion;
  first_time_right: Proportion;
  coverage: Coverage;
  complaints: { count: number; households: number | null; per_100_households: Figure | null };
}

/** What an engine is made from (`v` may be left out: the wrapper adds it). */
export type EngineConfig =
  | { v?: 1; config?: DeskConfig; policy?: SlaPolicy; calendar?: CalendarSpec }
  | { v?: 1; state: EngineState };

// ---- fees 收费 (wuye_core::fee in its serde form) ----------------------------------------------

/** Money 金额: a decimal string with at most two decimals ("232.09", "-0.07"). Never a JS number. */
export type Money = string;
/** An exact decimal string: rates 单价 ("2.35", "0.0003"), areas 面积 ("98.76"), readings, percents. */
export type Decimal = string;
/** An exact value in a trace: a decimal string, with a trailing "…" if it does not terminate within 6 decimals. */
export type ExactString = string;
/** A billing period 账期: "2026-09" (month), "2026-Q3", "2026" (year) or "2026-09-16..2026-09-30". */
export type Period = string;

/** A unit type 房屋类型 (high-rise 高层, villa 别墅, shop 商铺… any codes). */
export interface UnitType {
  code: string;
  name: string;
}

export type AreaBasis = 'building' | 'inner';
export type Applies = 'every_unit' | 'subscribers';
export type TierBounds = 'monthly' | 'annual';
export type ShareBasis = 'building_area' | 'inner_area' | 'share';
export type UsagePer = 'use' | 'hour';

/** How an item's amount is computed 计费方式, discriminated by `kind`. */
export type Formula =
  | { kind: 'area'; basis?: AreaBasis }
  | { kind: 'fixed'; applies?: Applies }
  | { kind: 'metered'; tier_bounds?: TierBounds }
  | { kind: 'shared'; basis?: ShareBasis }
  | { kind: 'usage'; per?: UsagePer }
  | { kind: 'one_off'; deposit?: boolean }
  | { kind: 'parking'; tariff: ParkingTariff };

export type FormulaKind = Formula['kind'];

/** Rounding mode 舍入方式: 四舍五入 half_up (default), 银行家舍入 half_even, 进位 up, 舍去 down. */
export type RoundingMode = 'half_up' | 'half_even' | 'up' | 'down';
/** What is rounded to: fen 分 (default), jiao 角, yuan 元. */
export type RoundingUnit = 'fen' | 'jiao' | 'yuan';
export interface RoundingRule {
  mode?: RoundingMode;
  unit?: RoundingUnit;
}
/** Where an item rounds 舍入时点: each month of a line, or the whole line once. */
export type RoundingPoint = 'per_month' | 'per_line';
/** Prepaid 预收 (due after the period's first day) or postpaid 后收 (after its last). */
export type Collection = 'prepaid' | 'postpaid';

/** The state of a unit 房屋状态 for fees. */
export type UnitState = 'not_handed_over' | 'occupied' | 'vacant' | 'renovating';

/** Discounts by unit state, in percent off ("30" = pay 70%). Default: not handed over "100". */
export interface StateDiscounts {
  not_handed_over?: Decimal;
  occupied?: Decimal;
  vacant?: Decimal;
  renovating?: Decimal;
}

/** A fee item 收费项目. */
export interface FeeItem {
  code: string;
  name: string;
  formula: Formula;
  rounding?: RoundingRule;
  rounding_point?: RoundingPoint;
  collection?: Collection | null;
  due_days?: number | null;
  state_discounts?: StateDiscounts;
  late_fee?: boolean;
}

/** A tier 阶梯: consumption up to `up_to` (absent on the last tier) at `price`. */
export interface Tier {
  up_to?: Decimal | null;
  price: Decimal;
}

interface RateBase {
  item: string;
  /** Empty or absent: every unit type. */
  unit_types?: string[];
  from: DateString;
  to?: DateString | null;
}
/** An effective-dated rate 单价: a price, or tiers (metered items). */
export type Rate = (RateBase & { price: Decimal; tiers?: never }) | (RateBase & { tiers: Tier[]; price?: never });

export interface Billing {
  collection?: Collection;
  due_days?: number;
}

/** A prepayment discount 预交优惠: `percent` off when the period spans `min_months` whole months. */
export interface PrepaymentDiscount {
  min_months: number;
  percent: Decimal;
  items?: string[];
}

export type AllocationOrder = 'oldest_due_first' | 'priority_first';
export type LateFeeOrder = 'principal_first' | 'late_fee_first';
export interface AllocationPolicy {
  order?: AllocationOrder;
  late_fees?: LateFeeOrder;
  /** Item codes by priority, highest first. */
  priority?: string[];
}

/** The late-fee rule 滞纳金规则: e.g. daily_rate "0.0003" (万分之三), grace days, cap, minimum. */
export interface LateFeeRule {
  daily_rate: Decimal;
  grace_days?: number;
  cap_percent?: Decimal | null;
  minimum?: Money | null;
  rounding?: RoundingRule;
}

export interface AccountPolicy {
  allocation?: AllocationPolicy;
  late_fee?: LateFeeRule | null;
  auto_deduct?: boolean;
}

/** An estate's fee schedule 收费标准. */
export interface Schedule {
  estate?: string;
  unit_types: UnitType[];
  items: FeeItem[];
  rates?: Rate[];
  billing?: Billing;
  prepayment_discounts?: PrepaymentDiscount[];
  account?: AccountPolicy;
}

export interface StateChange {
  from: DateString;
  state: UnitState;
}

/** A subscription 订购 to a fixed item for subscribers (a parking space 车位…). */
export interface Subscription {
  item: string;
  quantity?: number;
  from?: DateString | null;
  to?: DateString | null;
  note?: string | null;
}

/** A unit 房屋 as fees see it. No `states`: occupied throughout. */
export interface Unit {
  id: string;
  unit_type: string;
  building_area: Decimal;
  inner_area?: Decimal | null;
  share?: Decimal | null;
  states?: StateChange[];
  subscriptions?: Subscription[];
}

/** A meter replacement 换表. */
export interface Replacement {
  old_final: Decimal;
  new_initial: Decimal;
}

/** A meter reading 抄表. */
export interface Reading {
  unit: string;
  item: string;
  date: DateString;
  previous: Decimal;
  current: Decimal;
  /** Rollover 翻表 capacity, e.g. "10000". */
  wraps_at?: Decimal | null;
  replaced?: Replacement | null;
  /** Consumption earlier in the tier year 年累计 (annual tier bounds). */
  year_to_date?: Decimal | null;
}

/** A use, some hours, or a one-off charge 按次/按时/一次性. */
export interface Usage {
  unit: string;
  item: string;
  date: DateString;
  quantity?: Decimal;
  note?: string | null;
}

/** A temporary-parking stay 停车记录 billed to a unit. */
export interface ParkingStay {
  unit: string;
  item: string;
  entry: Instant;
  exit: Instant;
  plate?: string | null;
}

/** A shared cost 公摊 to apportion (absent `units`: every unit handed over on the period's last day). */
export interface SharedCost {
  item: string;
  amount: Money;
  units?: string[] | null;
  note?: string | null;
}

/** What a billing run takes besides the schedule and units. */
export interface BillInputs {
  readings?: Reading[];
  usage?: Usage[];
  parking?: ParkingStay[];
  shared?: SharedCost[];
}

/** `feeBill` options: inline `schedule` and `units` (both or neither), inputs, `only` unit ids. */
export type BillOptions = BillInputs &
  ({ schedule: Schedule; units: Unit[] } | { schedule?: undefined; units?: undefined }) & {
    only?: string[] | null;
  };

/** A run of days of a periodic line with one rate and one unit state, within one month. */
export interface Segment {
  from: DateString;
  to: DateString;
  days: number;
  month_days: number;
  rate: Decimal;
  state: UnitState;
  discount: Decimal;
  amount: ExactString;
}

/** Consumption in one tier 阶梯. */
export interface TierPortion {
  tier: number;
  from: Decimal;
  to?: Decimal;
  quantity: Decimal;
  price: Decimal;
  amount: Decimal;
}

export interface RoundingStep {
  /** "2026-09" (a month) or "line". */
  of: string;
  exact: ExactString;
  amount: Money;
}

export interface RoundingTrace {
  mode: RoundingMode;
  unit: RoundingUnit;
  point: RoundingPoint;
  steps: RoundingStep[];
}

/** How a line was computed 计算过程: fields to check, `text` to read out. */
export interface Trace {
  formula: string;
  inputs: Record<string, string>;
  segments?: Segment[];
  tiers?: TierPortion[];
  rounding?: RoundingTrace;
  text: string[];
}

/** A line of a bill 账单明细. */
export interface BillLine {
  item: string;
  name: string;
  amount: Money;
  due: DateString;
  late_fee: boolean;
  trace: Trace;
}

/** A unit's bill 账单 for a period; `total` is the sum of the lines. */
export interface Bill {
  unit: string;
  period: Period;
  lines: BillLine[];
  total: Money;
}

export interface BillsResult {
  bills: Bill[];
  total: Money;
}

export interface LoadedEstate {
  units: number;
  /** Item codes; a compact line's `item` indexes this list. */
  items: string[];
}

/** Every line of an estate as three parallel columns. */
export interface CompactBills {
  period: Period;
  lines: { unit: number[]; item: number[]; amount: Money[] };
  total: Money;
}

/** A temporary-parking tariff 临停收费标准. */
export interface ParkingTariff {
  free_minutes?: number;
  first_minutes: number;
  first_price: Money;
  increment_minutes: number;
  increment_price: Money;
  daily_cap?: Money | null;
}

/** One 24-hour block (or the last, shorter one) of a stay. */
export interface ParkingBlock {
  minutes: number;
  increments: number;
  uncapped: Money;
  amount: Money;
}

/** The charge for a stay, discriminated by `free`. */
export type ParkingCharge =
  | { minutes: number; free: true; full_days: 0; amount: Money }
  | { minutes: number; free: false; full_days: number; full_day?: ParkingBlock; rest?: ParkingBlock; amount: Money };

export interface ParkingResult {
  charge: ParkingCharge;
  text: string[];
}

/** Where a settlement came from: a receipt 收据, the prepaid balance 预存, a credit note 冲减单. */
export type SettledBy = { receipt: string } | 'prepaid' | { credit_note: string };
export type Part = 'principal' | 'late_fee';

export interface Settlement {
  date: DateString;
  by: SettledBy;
  principal?: Money;
  late_fee?: Money;
}

/** A charge 应收 on an account: one bill line. */
export interface Charge {
  id: string;
  item: string;
  due: DateString;
  amount: Money;
  late_fee?: boolean;
  credited?: Money;
  settlements?: Settlement[];
  late_fee_waived?: Money;
}

export interface Allocation {
  charge: string;
  part: Part;
  amount: Money;
}

/** A receipt 收据 with where its money went. */
export interface Receipt {
  number: string;
  date: DateString;
  amount: Money;
  allocations?: Allocation[];
  to_prepaid?: Money;
  refunded?: Money;
  refunded_from_prepaid?: Money;
}

/** A payer's account 账户, as the host keeps it (fields the engine always writes may be omitted on input). */
export interface Account {
  id: string;
  policy?: AccountPolicy;
  prepaid?: Money;
  charges?: Charge[];
  receipts?: Receipt[];
  refunds?: string[];
  credit_notes?: string[];
  last_date?: DateString | null;
}

/** An account as the engine returns it. */
export interface AccountState extends Account {
  policy: AccountPolicy & { allocation: AllocationPolicy; auto_deduct: boolean };
  prepaid: Money;
}

/** A charge to post. */
export interface NewCharge {
  id: string;
  item: string;
  due: DateString;
  amount: Money;
  late_fee?: boolean;
}

/** What the front desk does to an account, discriminated by `type`. */
export type AccountCommand =
  | { type: 'post_charges'; date: DateString; charges: NewCharge[] }
  | { type: 'pay'; receipt: string; date: DateString; amount: Money }
  | { type: 'deposit'; receipt: string; date: DateString; amount: Money }
  | { type: 'refund'; refund: string; receipt: string; date: DateString; amount: Money }
  | { type: 'credit_note'; note: string; charge: string; date: DateString; amount: Money; reason: string }
  | { type: 'waive_late_fee'; charge: string; date: DateString; reason: string }
  | { type: 'apply_prepaid'; date: DateString };

export type AccountCommandType = AccountCommand['type'];

/** What happened on an account (what the host stores), discriminated by `type`. */
export type AccountEvent =
  | { type: 'charges_posted'; date: DateString; charges: Required<NewCharge>[] }
  | { type: 'payment_received'; receipt: string; date: DateString; amount: Money; allocations: Allocation[]; to_prepaid: Money }
  | { type: 'deposited'; receipt: string; date: DateString; amount: Money }
  | { type: 'prepaid_applied'; date: DateString; allocations: Allocation[] }
  | { type: 'refunded'; refund: string; receipt: string; date: DateString; amount: Money; from_prepaid: Money; reversed: Allocation[] }
  | { type: 'credited'; note: string; charge: string; date: DateString; amount: Money; reason: string; applied: Money; to_prepaid: Money }
  | { type: 'late_fee_waived'; charge: string; date: DateString; amount: Money; reason: string };

export type AccountEventType = AccountEvent['type'];

export interface AccountResult {
  account: AccountState;
  events: AccountEvent[];
}

/** A run of days with one outstanding principal. */
export interface LateFeePeriod {
  from: DateString;
  to: DateString;
  days: number;
  principal: Money;
  amount: ExactString;
}

/** One charge's late fee 滞纳金 as of a date, itemised. */
export interface LateFeeLine {
  charge: string;
  item: string;
  due: DateString;
  accrues_from: DateString;
  periods: LateFeePeriod[];
  exact: ExactString;
  cap?: Money;
  accrued: Money;
  paid: Money;
  waived: Money;
  outstanding: Money;
  text: string[];
}

export interface LateFeesResult {
  late_fees: LateFeeLine[];
  outstanding: Money;
}

/** One ageing bucket 账龄段. */
export interface AgeingBucket {
  label: string;
  from_days: number;
  /** Absent on the last bucket. */
  to_days?: number;
  principal: Money;
  late_fee: Money;
  charges: number;
}

export interface ArrearsLine {
  charge: string;
  item: string;
  due: DateString;
  days_overdue: number;
  /** A bucket label, or "not_due". */
  bucket: string;
  principal: Money;
  late_fee: Money;
}

/** Arrears ageing 账龄分析 as of a date. */
export interface Ageing {
  account: string;
  as_of: DateString;
  buckets: AgeingBucket[];
  not_due: Money;
  overdue_principal: Money;
  overdue_late_fee: Money;
  prepaid: Money;
  lines: ArrearsLine[];
}

// ---- surveys 满意度 (wuye_core::survey in its serde form) -----------------------------------------

/** A fixed-point figure as a string with exact places: percents "87.50", means "-0.7667". */
export type Figure = string;
/** An answer scale: whole numbers from min to max. */
export interface Scale { min: number; max: number }
/** A 95% interval, bounds rounded outward. */
export interface Interval { low: Figure; high: Figure }
/** k of n in percent with its Wilson interval; null figures without answers. */
export interface Proportion { count: number; total: number; percent: Figure | null; interval: Interval | null }
export type Dimension = 'tangibles' | 'reliability' | 'responsiveness' | 'assurance' | 'empathy';
/** Importance weights, points out of 100 (they sum to 100). */
export type DimensionWeights<T = Decimal> = Record<Dimension, T>;
export interface SurveyItem { id: string; dimension: Dimension; reverse?: boolean }
/** One respondent; lists follow the item order, null is unanswered. */
export interface SurveyResponse {
  id?: string;
  expectation?: (number | null)[];
  perception: (number | null)[];
  weights?: DimensionWeights;
}
export interface SurveyArgs {
  scale?: Scale;
  items?: SurveyItem[];
  weights?: DimensionWeights | null;
  responses: SurveyResponse[];
}
export interface ServqualResult {
  respondents: number;
  scale: Scale;
  items: { id: string; dimension: Dimension; answered: number; expectation: Figure | null; perception: Figure | null; gap: Figure | null }[];
  dimensions: { dimension: Dimension; items: number; expectation: Figure | null; perception: Figure | null; gap: Figure | null }[];
  overall: { expectation: Figure | null; perception: Figure | null; gap: Figure | null };
  weighted: { source: 'fixed' | 'respondents'; respondents: number; weights: DimensionWeights<Figure>; gap: Figure | null } | null;
}
export interface ServperfResult {
  respondents: number;
  scale: Scale;
  items: { id: string; dimension: Dimension; answered: number; perception: Figure | null }[];
  dimensions: { dimension: Dimension; items: number; perception: Figure | null }[];
  overall: Figure | null;
  weighted: { source: 'fixed' | 'respondents'; respondents: number; weights: DimensionWeights<Figure>; perception: Figure | null } | null;
}
export interface CsatResult {
  scale: Scale;
  top_boxes: number;
  answers: number;
  distribution: number[];
  mean: Figure | null;
  csat: Proportion;
}
export interface NpsShare { count: number; percent: Figure | null }
export interface NpsResult {
  answers: number;
  distribution: number[];
  promoters: NpsShare;
  passives: NpsShare;
  detractors: NpsShare;
  nps: Figure | null;
  standard_error: Figure | null;
  margin: Figure | null;
  interval: Interval | null;
}
export interface IndexResult {
  scale: Scale;
  respondents: number;
  items: { id: string; weight: Decimal; answered: number; mean: Figure | null; score: Figure | null }[];
  index: Figure | null;
}
export interface ServiceLine {
  line: string;
  utility: Decimal;
  process_quality: Decimal;
  price: Decimal;
  access_cost: Decimal;
  provision_cost: Decimal;
}
/** `survey.index`: items with weights out of 100 (summing to 100), answers in item order. */
export interface IndexArgs {
  scale?: Scale;
  items: { id: string; weight: Decimal }[];
  responses: (number | null)[][];
}
/** `engine.surveyCsat(answers, options)`: the scale (default 1–5) and the top boxes counted (default 2). */
export interface CsatOptions {
  scale?: Scale;
  topBoxes?: number;
}
/** `survey.callbacks`: the period [from, to), the breakdown, a report threshold, a log. */
export interface CallbackArgs {
  from: Instant;
  to: Instant;
  by?: GroupBy;
  /** 1–5; null or omitted: the engine's satisfied threshold. */
  threshold?: number | null;
  /** A log (each request from its registration) instead of the engine's requests. */
  events?: Event[] | null;
}
/** `kpi.report`: the period [from, to), households for the complaints rate, a log. */
export interface KpiArgs {
  from: Instant;
  to: Instant;
  households?: number | null;
  events?: Event[] | null;
}
/** `survey.sample`: a seed, `rate` (percent string) or `size`, and `ids` or `from` + `to`. */
export interface SampleArgs {
  seed: string;
  rate?: Decimal | null;
  size?: number | null;
  ids?: string[] | null;
  from?: Instant | null;
  to?: Instant | null;
}
export interface SampleResult {
  considered: number;
  selected: string[];
}
export interface ValueResult {
  lines: { line: string; gross_value: Decimal; customer_value: Decimal; potential_profit: Decimal; text: string[] }[];
  total: { gross_value: Decimal; customer_value: Decimal; potential_profit: Decimal } | null;
}

// ---- the contract: requests and responses ---------------------------------------------------------

export interface EngineInfo {
  contract_version: 1;
  library_version: string;
  requests: number;
  operations: OperationName[];
}

export interface ExecuteArgs {
  id: string;
  command: Command;
  actor: Actor;
  now: Instant;
}

/** One item of a batch result on the wire. */
export type WireItem<T> = { ok: true; result: T } | { ok: false; error: Failure };

/** Every operation with its arguments and result. */
export interface Operations {
  'engine.info': { args: Record<string, never> | undefined; result: EngineInfo };
  'engine.export': { args: Record<string, never> | undefined; result: { state: EngineState } };
  'calendar.is_working_day': { args: { date: DateString }; result: { working: boolean } };
  'calendar.working_days': { args: { from: DateString; to: DateString }; result: { days: number } };
  'calendar.add': { args: { start: Instant; seconds: Seconds }; result: { instant: Instant } };
  'calendar.between': { args: { from: Instant; to: Instant }; result: { seconds: Seconds } };
  'calendar.next_working_instant': { args: { at: Instant }; result: { instant: Instant } };
  'request.register': {
    args: { request: NewRequest; actor: Actor; now: Instant };
    result: { events: Event[] };
  };
  'request.execute': { args: ExecuteArgs; result: { events: Event[] } };
  'request.execute_batch': {
    args: { steps: ExecuteArgs[] };
    result: { results: WireItem<{ events: Event[] }>[] };
  };
  'request.get': { args: { id: string }; result: { request: ServiceRequest } };
  'sla.status': { args: { id: string; as_of: Instant }; result: SlaStatus };
  'sla.status_batch': {
    args: { ids?: string[] | null; as_of: Instant };
    result: { statuses: WireItem<SlaStatus>[] };
  };
  'sla.tick': { args: { now: Instant }; result: { events: Event[] } };
  'log.replay': { args: { events: Event[] }; result: { applied: number; requests: number } };
  'sla.status_from_events': { args: { events: Event[]; as_of: Instant }; result: SlaStatus };
  'fee.bill': { args: BillOptions & { period: Period }; result: BillsResult };
  'fee.load_estate': { args: { schedule: Schedule; units: Unit[] }; result: LoadedEstate };
  'fee.bill_estate': { args: BillInputs & { period: Period }; result: CompactBills };
  'fee.parking': { args: { tariff: ParkingTariff; entry: Instant; exit: Instant }; result: ParkingResult };
  'fee.apportion': { args: { amount: Money; weights: Decimal[] }; result: { parts: Money[] } };
  'fee.account.execute': { args: { account: Account; command: AccountCommand }; result: AccountResult };
  'fee.account.late_fees': { args: { account: Account; as_of: DateString }; result: LateFeesResult };
  'fee.account.arrears': {
    args: { account: Account; as_of: DateString; buckets?: number[] | null };
    result: Ageing;
  };
  'survey.servqual': { args: SurveyArgs; result: ServqualResult };
  'survey.servperf': { args: SurveyArgs; result: ServperfResult };
  'survey.csat': { args: { scale?: Scale; top_boxes?: number; answers: number[] }; result: CsatResult };
  'survey.nps': { args: { answers: number[] }; result: NpsResult };
  'survey.proportion': { args: { count: number; total: number }; result: Proportion };
  'survey.index': { args: IndexArgs; result: IndexResult };
  'survey.value': { args: { lines: ServiceLine[] }; result: ValueResult };
  'survey.callbacks': { args: CallbackArgs; result: CallbackReport };
  'kpi.report': { args: KpiArgs; result: KpiReport };
  'survey.sample': { args: SampleArgs; result: SampleResult };
}

export type OperationName = keyof Operations;

/** A contract request `{"v":1,"op":...,"args":...}`. */
export type ContractRequest = {
  [Op in OperationName]: { v: 1; op: Op; args?: Operations[Op]['args'] };
}[OperationName];

/** A contract response. */
export type ContractResponse<T = unknown> =
  | { v: 1; ok: true; result: T }
  | { v: 1; ok: false; error: Failure };

// ---- errors: the Status values and one WuyeError subclass per status (generated) -------------

export * from './src/errors.js';

// ---- the API -----------------------------------------------------------------------------------------

export declare const CONTRACT_VERSION: 1;
export declare function contractVersion(): number;
export declare function libraryVersion(): string;
/**
 * The WASM modules of the package, one per operation group: `desk` (engine.*, calendar.*,
 * request.*, sla.*, log.*; loaded at import), `fees` (fee.*; on demand), `survey` (the survey
 * scores survey.servqual … survey.value; on demand) and `reports` (the desk with the
 * service-log figures survey.callbacks, survey.sample, kpi.report; on demand: an engine moves
 * its desk there, state and all, on its first report).
 */
export type ModuleName = 'desk' | 'fees' | 'survey' | 'reports';
/**
 * Loads a WASM module if it is not loaded yet. In a browser, `await loadModule('fees')` before
 * the first fee call (`loadModule('survey')` before the first survey score,
 * `loadModule('reports')` before the first service-log figure; until then such calls fail
 * with UnknownOperationError, code `module_not_loaded`); Node loads a module by itself on its
 * first call.
 */
export declare function loadModule(name: ModuleName): Promise<void>;
/** Whether a WASM module is loaded. */
export declare function isModuleLoaded(name: ModuleName): boolean;
/** One raw request on a fresh engine; returns the response JSON (never throws for failures). */
export declare function callOnce(config: EngineConfig | string | undefined, requestJson: string): string;

export type BatchItem = { ok: true; events: Event[] } | { ok: false; error: WuyeError };
export type StatusItem = { ok: true; status: SlaStatus } | { ok: false; error: WuyeError };

/** An engine 引擎: one customer-service desk. */
export declare class Engine {
  /** Standard desk when omitted; throws InvalidConfigError (or another WuyeError). */
  constructor(config?: EngineConfig | string);
  static fromState(state: EngineState): Engine;
  free(): void;
  readonly freed: boolean;
  [Symbol.dispose](): void;

  callJson(requestJson: string): string;
  callBytes(requestBytes: Uint8Array): Uint8Array;
  call<Op extends OperationName>(op: Op, args?: Operations[Op]['args']): Operations[Op]['result'];

  engineInfo(): EngineInfo;
  engineExport(): EngineState;

  calendarIsWorkingDay(date: DateString): boolean;
  calendarWorkingDays(from: DateString, to: DateString): number;
  calendarAdd(start: Instant, seconds: Seconds): Instant;
  calendarBetween(from: Instant, to: Instant): Seconds;
  calendarNextWorkingInstant(at: Instant): Instant;

  requestRegister(request: NewRequest, actor: Actor, now: Instant): Event[];
  requestExecute(id: string, command: Command, actor: Actor, now: Instant): Event[];
  requestExecuteBatch(steps: ExecuteArgs[]): BatchItem[];
  requestGet(id: string): ServiceRequest;

  slaStatus(id: string, asOf: Instant): SlaStatus;
  slaStatusBatch(ids: string[] | null | undefined, asOf: Instant): StatusItem[];
  slaTick(now: Instant): Event[];
  logReplay(events: Event[]): { applied: number; requests: number };
  slaStatusFromEvents(events: Event[], asOf: Instant): SlaStatus;

  // fees 收费: money and rates are decimal strings in and out, never JS numbers.
  /** Bills with traces; inline `schedule` + `units`, or the loaded estate. */
  feeBill(period: Period, options?: BillOptions): BillsResult;
  /** Loads an estate once for `feeBillEstate` and `feeBill` without inline data. */
  feeLoadEstate(schedule: Schedule, units: Unit[]): LoadedEstate;
  /** Every line of the loaded estate, compactly; all or nothing. */
  feeBillEstate(period: Period, inputs?: BillInputs): CompactBills;
  /** The charge for one temporary-parking stay. */
  feeParking(tariff: ParkingTariff, entry: Instant, exit: Instant): ParkingResult;
  /** Parts of `amount` by largest remainder; they sum exactly to it. */
  feeApportion(amount: Money, weights: Decimal[]): Money[];
  /** One command on an account; returns the new account and its events. */
  feeAccountExecute(account: Account, command: AccountCommand): AccountResult;
  /** Late fees as of a date, itemised per charge. */
  feeAccountLateFees(account: Account, asOf: DateString): LateFeesResult;
  /** Arrears ageing as of a date (bucket upper bounds, default [30, 90, 180, 365]). */
  feeAccountArrears(account: Account, asOf: DateString, buckets?: number[] | null): Ageing;

  // surveys 满意度: pure figures from the answers; figures are exact decimal strings, null
  // over no answers. Refusals are RefusedError (7, invalid_survey).
  /** SERVQUAL gaps per item, dimension, overall and weighted (default: the standard 22 items, 1–7). */
  surveyServqual(args: SurveyArgs): ServqualResult;
  /** SERVPERF: perceptions only. */
  surveyServperf(args: SurveyArgs): ServperfResult;
  /** CSAT: top-box share with its Wilson interval, mean, distribution. */
  surveyCsat(answers: number[], options?: CsatOptions): CsatResult;
  /** Net Promoter Score of 0–10 answers, with standard error, margin and interval. */
  surveyNps(answers: number[]): NpsResult;
  /** `count` of `total` in percent with its 95% Wilson interval. */
  surveyProportion(count: number, total: number): Proportion;
  /** A 0–100 satisfaction index (ACSI-style). */
  surveyIndex(args: IndexArgs): IndexResult;
  /** Customer value and potential profit per service line. */
  surveyValue(lines: ServiceLine[]): ValueResult;

  // satisfaction and KPIs from the service log: this engine's requests, or `events`.
  /** 回访满意率 and callback coverage, overall and by group. */
  surveyCallbacks(args: CallbackArgs): CallbackReport;
  /** Service KPIs of the period. */
  kpiReport(args: KpiArgs): KpiReport;
  /** Reproducible callback sampling 回访抽样. */
  surveySample(args: SampleArgs): SampleResult;
}
