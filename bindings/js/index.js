// wuye 物业 for browsers and Node: the WASM build of the library behind an idiomatic API.
//
// Every method sends one request of the versioned JSON contract (docs/contract.md) to the
// WASM engine and returns its `result`, or throws the WuyeError subclass of its status. No
// rule lives here: this file only marshals. The library has no clock: pass `now`/`asOf`.
//
//   import { Engine } from 'wuye';
//   const desk = new Engine();                       // standard desk, built-in calendar
//   desk.calendarWorkingDays('2026-10-01', '2026-10-31');    // 18
//
// Loading: the package is one WASM module per operation group of the contract (build.sh).
// The service desk (`desk`: engine.*, calendar.*, request.*, sla.*, log.*) loads at import
// with top-level await: in Node from disk next to this file, in a browser with fetch (serve it
// as application/wasm). The others load on demand: the fees (`fees`: fee.*), the survey scores
// (`survey`), and `reports`, the desk with the service-log figures (survey.callbacks,
// survey.sample, kpi.report), to which an engine moves its desk on its first report. In Node a
// module loads by itself, synchronously, on the first call that needs it; in a browser with
// `await loadModule(name)` before that call (until then such calls fail with
// UnknownOperationError, `module_not_loaded`). A page that never bills or reports never
// downloads those modules.

import initDesk, * as deskGlue from './pkg/wuye_desk.js';
import initFees, * as feesGlue from './pkg/wuye_fees.js';
import initSurvey, * as surveyGlue from './pkg/wuye_survey.js';
import initReports, * as reportsGlue from './pkg/wuye_reports.js';
import {
  InvalidHandleError,
  UnsupportedVersionError,
  WuyeError,
  errorFromFailure,
  Status,
} from './src/errors.js';
import { OPERATIONS } from './src/operations.js';

export * from './src/errors.js';

/** The contract version this package speaks. */
export const CONTRACT_VERSION = 1;

// The WASM modules, one per operation group of the contract: glue (wasm-bindgen) and init.
// `desk` is loaded at import; the rest load on demand. A module that `holdsDesk` is the desk
// with more operations: an engine moves its desk there (see Engine) the first time it needs
// one of them.
const MODULES = {
  desk: { glue: deskGlue, init: initDesk },
  fees: { glue: feesGlue, init: initFees },
  // The survey scores.
  survey: { glue: surveyGlue, init: initSurvey },
  // The desk with the service-log figures, which read the engine's requests.
  reports: { glue: reportsGlue, init: initReports, holdsDesk: true },
};

// The module that answers operation `op`: its group in the operation table (generated from
// the contract's); the desk answers (refuses) any other name.
function moduleOf(op) {
  return Object.hasOwn(OPERATIONS, op) ? OPERATIONS[op].group : 'desk';
}

const isNode =
  typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';
const wasmUrl = (name) => new URL(`./pkg/wuye_${name}_bg.wasm`, import.meta.url);
// Node reads the modules from disk (synchronously for on-demand loading).
const nodeFs = isNode && wasmUrl('desk').protocol === 'file:' ? await import('node:fs') : null;

// Refuse a WASM build that speaks another contract than this wrapper (a stale pkg/).
function checkVersion(name) {
  const v = MODULES[name].glue.contractVersion();
  if (v !== CONTRACT_VERSION) {
    throw new UnsupportedVersionError(
      Status.UNSUPPORTED_VERSION,
      'unsupported_version',
      `the WASM module ${name} speaks contract ${v}; this package speaks ${CONTRACT_VERSION}`,
    );
  }
}

const loaded = new Set();
const loading = new Map();

/**
 * Loads the WASM module `name` ('desk', 'fees', 'survey' or 'reports') if it is not loaded
 * yet; resolves when it can answer. `desk` is loaded at import. In a browser call
 * `await loadModule(name)` before the first call of that module; Node loads it by itself.
 */
export function loadModule(name) {
  if (!Object.hasOwn(MODULES, name)) {
    return Promise.reject(new TypeError(`no WASM module ${JSON.stringify(name)}; modules: ${Object.keys(MODULES).join(', ')}`));
  }
  if (loaded.has(name)) return Promise.resolve();
  if (!loading.has(name)) {
    const m = MODULES[name];
    const done = (async () => {
      if (nodeFs) {
        m.glue.initSync({ module: await nodeFs.promises.readFile(wasmUrl(name)) });
      } else {
        await m.init({ module_or_path: wasmUrl(name) });
      }
      checkVersion(name);
      loaded.add(name);
    })();
    loading.set(name, done);
    done.catch(() => loading.delete(name));
  }
  return loading.get(name);
}

/** Whether the WASM module `name` is loaded (can answer its operations now). */
export function isModuleLoaded(name) {
  return loaded.has(name);
}

// A module is usable now: loaded, or loadable synchronously (Node reading from disk).
function ready(name) {
  if (loaded.has(name)) return true;
  if (!nodeFs) return false;
  MODULES[name].glue.initSync({ module: nodeFs.readFileSync(wasmUrl(name)) });
  checkVersion(name);
  loaded.add(name);
  return true;
}

await loadModule('desk');

// The refusal of an operation whose module is not loaded (made here: only this wrapper knows
// what is loaded), in the contract's failure form.
function notLoaded(op, name) {
  return {
    status: Status.UNKNOWN_OPERATION,
    code: 'module_not_loaded',
    message: `operation ${JSON.stringify(op)} is in the ${name} module, which is not loaded: await loadModule('${name}') first`,
  };
}

function failureText(failure) {
  return JSON.stringify({ v: CONTRACT_VERSION, ok: false, error: failure });
}

// The desk module refuses an operation of another module with this response (status 5, code
// module_not_included); the request is then sent to that module.
const ELSEWHERE = `{"v":${CONTRACT_VERSION},"ok":false,"error":{"status":${Status.UNKNOWN_OPERATION},"code":"module_not_included"`;

const ELSEWHERE_BYTES = new TextEncoder().encode(ELSEWHERE);

function startsWith(bytes, prefix) {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

// The `op` of a request the desk module has read (so it is JSON with a string `op`).
function operationOf(requestJson) {
  try {
    const op = JSON.parse(requestJson)?.op;
    return typeof op === 'string' ? op : undefined;
  } catch {
    return undefined;
  }
}

/** Contract version of the loaded WASM build. */
export function contractVersion() {
  return deskGlue.contractVersion();
}

/** Version of the wuye core library inside the WASM build. */
export function libraryVersion() {
  return deskGlue.libraryVersion();
}

function configText(config) {
  if (config === undefined) return '{"v":1}';
  if (typeof config === 'string') return config;
  return JSON.stringify({ v: CONTRACT_VERSION, ...config });
}

// The WASM constructor throws an Error whose message is the failure response JSON.
function constructorError(e) {
  let parsed;
  try {
    parsed = JSON.parse(e?.message);
  } catch {
    return e;
  }
  return parsed && parsed.ok === false && parsed.error ? errorFromFailure(parsed.error, e.message) : e;
}

function unwrap(responseJson) {
  const response = JSON.parse(responseJson);
  if (response.ok) return response.result;
  throw errorFromFailure(response.error, responseJson);
}

/**
 * Runs one raw request (JSON text) on a fresh engine made from `config` and returns the
 * response JSON text; failures are in the response, never thrown.
 */
export function callOnce(config, requestJson) {
  let engine;
  try {
    engine = new Engine(config);
  } catch (e) {
    if (e instanceof WuyeError && e.response !== undefined) return e.response;
    throw e;
  }
  try {
    return engine.callJson(requestJson);
  } finally {
    engine.free();
  }
}

/**
 * An engine 引擎: one customer-service desk (configuration, SLA policy, calendar, requests
 * with their SLA clocks), and the estate loaded for fee runs. Free it with `free()` (or
 * `using`) when done.
 */
export class Engine {
  // The engine that holds the desk (the configuration, the requests, the calendar): in the
  // desk module, or, once a report has been asked for, in the reports module.
  #raw;
  // The module #raw is in.
  #deskModule = 'desk';
  // Module name → that module's engine (the fee module's holds the loaded estate), made on
  // the first call there.
  #others = new Map();

  /**
   * @param config Engine configuration: omitted for the standard desk, an object
   *   (`{config, policy, calendar}` or `{state}`; `v` is added) or the JSON text.
   */
  constructor(config) {
    try {
      this.#raw = new deskGlue.Engine(configText(config));
    } catch (e) {
      throw constructorError(e);
    }
  }

  /** An engine restored from a state saved with `engineExport()`. */
  static fromState(state) {
    return new Engine({ state });
  }

  #engine() {
    if (this.#raw === undefined) {
      throw new InvalidHandleError(
        Status.INVALID_HANDLE,
        'invalid_handle',
        'this engine has been freed',
      );
    }
    return this.#raw;
  }

  // This engine's engine in module `name`, or null while that module cannot be loaded
  // synchronously (a browser before loadModule).
  #engineIn(name) {
    const desk = this.#engine();
    if (name === 'desk' || name === this.#deskModule) return desk;
    if (MODULES[name].holdsDesk) return this.#moveDeskTo(name);
    let e = this.#others.get(name);
    if (e === undefined) {
      if (!ready(name)) return null;
      e = new MODULES[name].glue.Engine(`{"v":${CONTRACT_VERSION}}`);
      this.#others.set(name, e);
    }
    return e;
  }

  // Moves the desk to module `name` (a desk with more operations): its state, exported from
  // the current engine as text, becomes a new engine there, the same code reading the same
  // bytes; the old one is freed. Null while that module cannot be loaded synchronously.
  #moveDeskTo(name) {
    if (!ready(name)) return null;
    const response = this.#raw.call(`{"v":${CONTRACT_VERSION},"op":"engine.export"}`);
    const head = `{"v":${CONTRACT_VERSION},"ok":true,"result":{"state":`;
    // The state's text as written (no round trip through JS numbers).
    const state =
      response.startsWith(head) && response.endsWith('}}')
        ? response.slice(head.length, -2)
        : JSON.stringify(unwrap(response).state);
    let moved;
    try {
      moved = new MODULES[name].glue.Engine(`{"v":${CONTRACT_VERSION},"state":${state}}`);
    } catch (e) {
      throw constructorError(e);
    }
    this.#raw.free();
    this.#raw = moved;
    this.#deskModule = name;
    return moved;
  }

  // Sends request text for operation `op` to module `name`.
  #callIn(name, op, requestJson) {
    const e = this.#engineIn(name);
    return e === null ? failureText(notLoaded(op, name)) : e.call(requestJson);
  }

  /** Releases the WASM memory of the engine. Later calls throw InvalidHandleError. */
  free() {
    if (this.#raw !== undefined) {
      this.#raw.free();
      this.#raw = undefined;
      for (const e of this.#others.values()) e.free();
      this.#others.clear();
    }
  }

  /** Whether `free()` has been called. */
  get freed() {
    return this.#raw === undefined;
  }

  /** Raw contract call: request JSON text in, response JSON text out (never throws for a
   * failure response; throws InvalidHandleError after `free()`). */
  callJson(requestJson) {
    // The desk module reads every request first; one of another module's operations it
    // refuses (module_not_included) and the request goes there.
    const response = this.#engine().call(requestJson);
    if (!response.startsWith(ELSEWHERE)) return response;
    const op = operationOf(requestJson);
    return op === undefined ? response : this.#callIn(moduleOf(op), op, requestJson);
  }

  /** Raw contract call on UTF-8 bytes: request bytes in, response bytes out. */
  callBytes(requestBytes) {
    const response = this.#engine().callBytes(requestBytes);
    if (!startsWith(response, ELSEWHERE_BYTES)) return response;
    const op = operationOf(new TextDecoder().decode(requestBytes));
    if (op === undefined) return response;
    const name = moduleOf(op);
    const e = this.#engineIn(name);
    return e === null ? new TextEncoder().encode(failureText(notLoaded(op, name))) : e.callBytes(requestBytes);
  }

  /** Calls operation `op` with `args` and returns its result, or throws its WuyeError. */
  call(op, args) {
    const request = args === undefined ? { v: CONTRACT_VERSION, op } : { v: CONTRACT_VERSION, op, args };
    const text = JSON.stringify(request);
    const name = typeof op === 'string' ? moduleOf(op) : 'desk';
    return unwrap(name === 'desk' ? this.callJson(text) : this.#callIn(name, op, text));
  }

  // ---- engine -------------------------------------------------------------------------

  /** Contract and library version, number of requests, the operations. */
  engineInfo() {
    return this.call('engine.info');
  }

  /** The whole engine state, to store and restore with `Engine.fromState`. */
  engineExport() {
    return this.call('engine.export').state;
  }

  // ---- calendar -----------------------------------------------------------------------

  /** Whether a date ("YYYY-MM-DD") is a working day 工作日 (holidays, 调休 included). */
  calendarIsWorkingDay(date) {
    return this.call('calendar.is_working_day', { date }).working;
  }

  /** Working days in the inclusive range `from..to`. */
  calendarWorkingDays(from, to) {
    return this.call('calendar.working_days', { from, to }).days;
  }

  /** The instant when `seconds` of business time have passed after `start`. */
  calendarAdd(start, seconds) {
    return this.call('calendar.add', { start, seconds }).instant;
  }

  /** Business seconds between two instants. */
  calendarBetween(from, to) {
    return this.call('calendar.between', { from, to }).seconds;
  }

  /** `at` itself if inside working hours, else the start of the next working window. */
  calendarNextWorkingInstant(at) {
    return this.call('calendar.next_working_instant', { at }).instant;
  }

  // ---- requests -----------------------------------------------------------------------

  /** Registers a request 受理登记; returns its events. */
  requestRegister(request, actor, now) {
    return this.call('request.register', { request, actor, now }).events;
  }

  /** One workflow step on request `id`; returns its events. */
  requestExecute(id, command, actor, now) {
    return this.call('request.execute', { id, command, actor, now }).events;
  }

  /**
   * Several steps, each standing alone. Returns one item per step:
   * `{ok: true, events}` or `{ok: false, error}` with `error` a WuyeError.
   */
  requestExecuteBatch(steps) {
    return this.call('request.execute_batch', { steps }).results.map((item) =>
      item.ok ? { ok: true, events: item.result.events } : { ok: false, error: errorFromFailure(item.error) },
    );
  }

  /** The request as it stands. */
  requestGet(id) {
    return this.call('request.get', { id }).request;
  }

  // ---- SLA ----------------------------------------------------------------------------

  /** Every clock of every cycle of request `id` as of `asOf`. */
  slaStatus(id, asOf) {
    return this.call('sla.status', { id, as_of: asOf });
  }

  /**
   * Statuses of many requests (`ids`, or null/omitted for every request in id order):
   * `{ok: true, status}` or `{ok: false, error}` per request.
   */
  slaStatusBatch(ids, asOf) {
    return this.call('sla.status_batch', { ids: ids ?? null, as_of: asOf }).statuses.map((item) =>
      item.ok ? { ok: true, status: item.result } : { ok: false, error: errorFromFailure(item.error) },
    );
  }

  /** Records the escalations 升级 due by `now` (each once); returns them as events. */
  slaTick(now) {
    return this.call('sla.tick', { now }).events;
  }

  /** Applies recorded events, all or nothing. */
  logReplay(events) {
    return this.call('log.replay', { events });
  }

  /** SLA status of one request from its events alone, as of `asOf`. */
  slaStatusFromEvents(events, asOf) {
    return this.call('sla.status_from_events', { events, as_of: asOf });
  }

  // ---- fees 收费 ------------------------------------------------------------------------
  // Money, rates, areas and readings are decimal strings ("232.09", "2.35", "0.0003"), in and
  // out: a JS number is refused by the contract (InvalidRequestError, wrong_type), never
  // rounded through a float.

  /**
   * Bills 账单 with traces for `period` ("2026-09", "2026-Q3", "2026", "2026-09-16..2026-09-30").
   * `options`: `schedule` and `units` (both, stateless) or neither (the estate loaded with
   * `feeLoadEstate`); the run's inputs `readings`, `usage`, `parking`, `shared`; `only` (unit ids).
   * Returns `{bills, total}`.
   */
  feeBill(period, options = {}) {
    return this.call('fee.bill', { ...options, period });
  }

  /** Loads an estate's schedule and units into the engine once; returns `{units, items}`. */
  feeLoadEstate(schedule, units) {
    return this.call('fee.load_estate', { schedule, units });
  }

  /**
   * Every line of the loaded estate for `period`, compactly: `{period, lines: {unit, item,
   * amount}, total}` (parallel columns: unit index, item index, amount). All or nothing.
   */
  feeBillEstate(period, inputs = {}) {
    return this.call('fee.bill_estate', { ...inputs, period });
  }

  /** The charge for one temporary-parking stay 临时停车: `{charge, text}`. */
  feeParking(tariff, entry, exit) {
    return this.call('fee.parking', { tariff, entry, exit });
  }

  /** Splits `amount` by `weights` by largest remainder 最大余数法; the parts sum to it. */
  feeApportion(amount, weights) {
    return this.call('fee.apportion', { amount, weights }).parts;
  }

  /**
   * One command on an account 账户 (`post_charges`, `pay`, `deposit`, `refund`,
   * `credit_note`, `waive_late_fee`, `apply_prepaid`): `{account, events}`. The account passed
   * in is not changed; keep the returned one (and store the events).
   */
  feeAccountExecute(account, command) {
    return this.call('fee.account.execute', { account, command });
  }

  /** Late fees 滞纳金 of an account as of a date, itemised: `{late_fees, outstanding}`. */
  feeAccountLateFees(account, asOf) {
    return this.call('fee.account.late_fees', { account, as_of: asOf });
  }

  /** Arrears ageing 账龄 as of a date; `buckets` are upper bounds in days (default [30, 90, 180, 365]). */
  feeAccountArrears(account, asOf, buckets) {
    const args = { account, as_of: asOf };
    if (buckets !== undefined && buckets !== null) args.buckets = buckets;
    return this.call('fee.account.arrears', args);
  }

  // ---- surveys 满意度 ----------------------------------------------------------------------
  // Pure figures from answers the host collected; they read and change nothing in the engine.
  // Every figure is an exact decimal string with fixed places ("87.50", "-0.7667"); a figure
  // over no answers is null ("no data"), never 0. Answers are JSON integers; weights are
  // decimal strings out of 100. Refusals: RefusedError (7, invalid_survey).

  /**
   * SERVQUAL 服务质量差距: expectation, perception and gap P − E per item, per dimension
   * (tangibles 有形性, reliability 可靠性, responsiveness 响应性, assurance 保证性, empathy
   * 移情性), overall and weighted. `args`: `{responses, items?, scale?, weights?}` (items default
   * to the standard 22, the scale to 1–7).
   */
  surveyServqual(args) {
    return this.call('survey.servqual', args);
  }

  /** SERVPERF 服务绩效: the SERVQUAL arguments, perceptions only. */
  surveyServperf(args) {
    return this.call('survey.servperf', args);
  }

  /**
   * CSAT 顾客满意度: the share of `answers` in the top boxes with its Wilson interval, the mean
   * and the distribution. `options`: `scale` (default `{min: 1, max: 5}`), `topBoxes` (default 2).
   */
  surveyCsat(answers, options = {}) {
    const { topBoxes, ...rest } = options;
    const args = { ...rest, answers };
    if (topBoxes !== undefined) args.top_boxes = topBoxes;
    return this.call('survey.csat', args);
  }

  /** Net Promoter Score 净推荐值 of 0–10 `answers`: NPS, standard error, margin, 95% interval. */
  surveyNps(answers) {
    return this.call('survey.nps', { answers });
  }

  /** `count` of `total` 比例 in percent with its 95% Wilson interval 置信区间. */
  surveyProportion(count, total) {
    return this.call('survey.proportion', { count, total });
  }

  /**
   * A 0–100 satisfaction index 满意度指数 (ACSI-style). `args`: `{items: [{id, weight}],
   * responses: [[answer | null, …], …], scale?}` (scale default 1–10, weights sum to 100).
   */
  surveyIndex(args) {
    return this.call('survey.index', args);
  }

  /**
   * Customer value 顾客价值 and potential profit 公司潜在利润 per service line (`{line, utility,
   * process_quality, price, access_cost, provision_cost}`, decimal strings): `{lines, total}`.
   */
  surveyValue(lines) {
    return this.call('survey.value', { lines });
  }

  // ---- satisfaction and KPIs from the service log 回访满意率与服务指标 -------------------------
  // Over the period [from, to) (instants), on this engine's requests or, given `events`, on a
  // log the host passes (the engine is not changed; an event that does not apply is an
  // InvalidEventError). Rates are {count, total, percent, interval}, null over nothing.

  /**
   * 回访满意率 and callback coverage 回访覆盖率, overall and by `by` ('all', 'department',
   * 'assignee', 'kind', 'month'). `{from, to, by?, threshold?, events?}`; `threshold` 1–5
   * defaults to the engine's satisfied threshold.
   */
  surveyCallbacks(args) {
    return this.call('survey.callbacks', args);
  }

  /**
   * Service KPIs 服务指标: time to accept and to complete (nearest-rank median and p90,
   * business seconds), on-time rate per SLA clock, reopen, first-time-right, coverage,
   * complaints per 100 households. `{from, to, households?, events?}`.
   */
  kpiReport(args) {
    return this.call('kpi.report', args);
  }

  /**
   * Reproducible callback sampling 回访抽样 from a `seed`: `{seed, rate | size, ids | from + to}`
   * (`rate` a percentage string such as "30"; `from`/`to` take this engine's requests closed in
   * the period). Returns `{considered, selected}` (selected ids in id order).
   */
  surveySample(args) {
    return this.call('survey.sample', args);
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Engine.prototype[Symbol.dispose] = function dispose() {
    this.free();
  };
}

