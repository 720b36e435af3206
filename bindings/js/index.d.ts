// Type declarations of the `wuye` package: every request and response of contract v1
// (docs/contract.md). Names on the wire are snake_case; these types keep them as they are.

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

/** The whole engine state (`engine.export`), to store and restore. */
export interface EngineState {
  config: Required<DeskConfig>;
  policy: SlaPolicy;
  calendar: CalendarSpec;
  requests: Record<string, { request: ServiceRequest; sla: SlaTrack }>;
}

/** What an engine is made from (`v` may be left out: the wrapper adds it). */
export type EngineConfig =
  | { v?: 1; config?: DeskConfig; policy?: SlaPolicy; calendar?: CalendarSpec }
  | { v?: 1; state: EngineState };

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

/** The error object of a failure response. */
export interface Failure {
  status: number;
  code: string;
  message: string;
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

// ---- errors ---------------------------------------------------------------------------------------

/** Stable status values. */
export declare const Status: Readonly<{
  OK: 0;
  NULL_ARGUMENT: 1;
  INVALID_UTF8: 2;
  MALFORMED_JSON: 3;
  UNSUPPORTED_VERSION: 4;
  UNKNOWN_OPERATION: 5;
  INVALID_REQUEST: 6;
  REFUSED: 7;
  NOT_FOUND: 8;
  CONFLICT: 9;
  CALENDAR: 10;
  INVALID_CONFIG: 11;
  INVALID_EVENT: 12;
  INVALID_HANDLE: 13;
  PANIC: 14;
}>;
export type StatusValue = (typeof Status)[keyof typeof Status];

/** A failed call. */
export declare class WuyeError extends Error {
  constructor(status: number, code: string, message: string);
  /** Stable status value. */
  readonly status: number;
  /** Finer stable code, e.g. "role_not_allowed", "year_not_covered", "unknown_field". */
  readonly code: string;
  /** The failure response JSON text as the library wrote it (absent for errors made in JS). */
  readonly response?: string;
  toJSON(): Failure;
}
export declare class NullArgumentError extends WuyeError {}
export declare class InvalidUtf8Error extends WuyeError {}
export declare class MalformedJsonError extends WuyeError {}
export declare class UnsupportedVersionError extends WuyeError {}
export declare class UnknownOperationError extends WuyeError {}
export declare class InvalidRequestError extends WuyeError {}
export declare class RefusedError extends WuyeError {}
export declare class NotFoundError extends WuyeError {}
export declare class ConflictError extends WuyeError {}
export declare class CalendarError extends WuyeError {}
export declare class InvalidConfigError extends WuyeError {}
export declare class InvalidEventError extends WuyeError {}
export declare class InvalidHandleError extends WuyeError {}
export declare class PanicError extends WuyeError {}

/** The WuyeError subclass for a failure object. */
export declare function errorFromFailure(failure: Failure, response?: string): WuyeError;

// ---- the API -----------------------------------------------------------------------------------------

export declare const CONTRACT_VERSION: 1;
export declare function contractVersion(): number;
export declare function libraryVersion(): string;
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

  info(): EngineInfo;
  export(): EngineState;

  isWorkingDay(date: DateString): boolean;
  workingDays(from: DateString, to: DateString): number;
  addBusinessTime(start: Instant, seconds: Seconds): Instant;
  between(from: Instant, to: Instant): Seconds;
  nextWorkingInstant(at: Instant): Instant;

  register(request: NewRequest, actor: Actor, now: Instant): Event[];
  execute(id: string, command: Command, actor: Actor, now: Instant): Event[];
  executeBatch(steps: ExecuteArgs[]): BatchItem[];
  get(id: string): ServiceRequest;

  slaStatus(id: string, asOf: Instant): SlaStatus;
  slaStatusBatch(ids: string[] | null | undefined, asOf: Instant): StatusItem[];
  tick(now: Instant): Event[];
  replay(events: Event[]): { applied: number; requests: number };
  slaStatusFromEvents(events: Event[], asOf: Instant): SlaStatus;
}
