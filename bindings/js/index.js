// wuye 物业 for browsers and Node: the WASM build of the library behind an idiomatic API.
//
// Every method sends one request of the versioned JSON contract (docs/contract.md) to the
// WASM engine and returns its `result`, or throws the WuyeError subclass of its status. No
// rule lives here: this file only marshals. The library has no clock: pass `now`/`asOf`.
//
//   import { Engine } from 'wuye';
//   const desk = new Engine();                       // standard desk, built-in calendar
//   desk.calendarWorkingDays('2026-10-01', '2026-10-31');    // { days: 18 }
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
import { EngineMethods } from './src/engine-methods.js';

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
 * `using`) when done. Its operation methods (`calendarBetween(from, to)`, …) are generated
 * (src/engine-methods.js); each sends one request through `call`.
 */
export class Engine extends EngineMethods {
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
    super();
    try {
      this.#raw = new deskGlue.Engine(configText(config));
    } catch (e) {
      throw constructorError(e);
    }
  }

  /** An engine restored from a state saved with `engineExport()` (its `state`). */
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
}

if (typeof Symbol.dispose === 'symbol') {
  Engine.prototype[Symbol.dispose] = function dispose() {
    this.free();
  };
}

