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
// survey.sample, kpi.report). In Node a module loads by itself, synchronously, when first
// needed; in a browser with `await loadModule(name)` (until then its calls fail with
// UnknownOperationError, `module_not_loaded`). Every call goes to the module of its operation
// (src/operations.js). An engine's desk lives in one module for its whole life, chosen when it
// is made: `reports` if that module can answer then (loaded; in Node always), else `desk`. So a
// page that reports loads `reports` before making its engines. A page that never bills or
// reports never downloads those modules.

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
// `desk` is loaded at import; the rest load on demand.
const MODULES = {
  desk: { glue: deskGlue, init: initDesk },
  fees: { glue: feesGlue, init: initFees },
  // The survey scores.
  survey: { glue: surveyGlue, init: initSurvey },
  // The desk with the service-log figures, which read the engine's requests: an engine made
  // while this module can answer keeps its desk here (see Engine).
  reports: { glue: reportsGlue, init: initReports },
};

// The module that answers operation `op` (a string, or undefined when the request has none):
// its group in the operation table (generated from the contract's); the desk answers (refuses)
// anything else.
function moduleOf(op) {
  return typeof op === 'string' && Object.hasOwn(OPERATIONS, op) ? OPERATIONS[op].group : 'desk';
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

// The refusal of an operation whose module cannot answer it for this engine (made here: only
// this wrapper knows what is loaded), in the contract's failure form: the module is not loaded,
// or (`reports`) it was loaded after the engine was made in the desk module.
function notLoaded(op, name) {
  const message = name !== 'reports'
    ? `operation ${JSON.stringify(op)} is in the ${name} module, which is not loaded: await loadModule('${name}') first`
    : loaded.has(name)
      ? `operation ${JSON.stringify(op)} is in the reports module, which was loaded after this engine was created: create the engine after await loadModule('reports') (Engine.fromState(engine.engineExport().state) copies this one)`
      : `operation ${JSON.stringify(op)} is in the reports module, which is not loaded: await loadModule('reports') before creating the engine`;
  return { status: Status.UNKNOWN_OPERATION, code: 'module_not_loaded', message };
}

function failureText(failure) {
  return JSON.stringify({ v: CONTRACT_VERSION, ok: false, error: failure });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ODD = Symbol('odd');

// The top-level `op` of a raw request (JSON text, or its UTF-8 bytes), to route it by; undefined
// when there is none (the desk module then answers). A scanner reads the top-level keys and
// steps over their values without parsing them (a log.replay request can be megabytes); if it
// meets what it does not expect, the whole request is parsed. For valid JSON it finds the op
// the library reads (a duplicate `op` is refused by every module alike). For invalid JSON the
// module does not matter: every module checks UTF-8, JSON and version the same way, before the
// operation, and answers the same bytes.
function operationOf(request) {
  const text = typeof request === 'string';
  if (!text && !ArrayBuffer.isView(request)) return undefined;
  try {
    const op = scanOperation(request, text);
    if (op !== ODD) return op;
    const parsed = JSON.parse(text ? request : utf8.decode(request));
    return typeof parsed?.op === 'string' ? parsed.op : undefined;
  } catch {
    return undefined;
  }
}

// The scanner of operationOf: the op, undefined, or ODD (parse the whole request instead).
function scanOperation(request, text) {
  const n = request.length;
  const at = text ? (k) => request.charCodeAt(k) : (k) => request[k];
  const quote = text ? '"' : 0x22; // for indexOf: String's and Uint8Array's
  let i = 0;
  const ws = () => {
    for (let c = at(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = at(++i));
  };
  // Steps over the string at i (a quote); false if it is not closed.
  const string = () => {
    for (let q = i; ; ) {
      q = request.indexOf(quote, q + 1);
      if (q < 0) return false;
      let b = q; // an odd run of backslashes before the quote escapes it
      while (at(b - 1) === 0x5c) b--;
      if ((q - b) % 2 === 0) {
        i = q + 1;
        return true;
      }
    }
  };
  // The string at i, read.
  const read = () => {
    const start = i;
    if (!string()) return ODD;
    const token = text ? request.slice(start, i) : utf8.decode(request.subarray(start, i));
    return token.includes('\\') ? JSON.parse(token) : token.slice(1, -1);
  };
  // Steps over the value at i: up to the `,` or `}` after it (brackets counted outside strings).
  const skip = () => {
    for (let depth = 0; i < n; ) {
      const c = at(i);
      if (c === 0x22) {
        if (!string()) return false;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d || c === 0x2c) {
        if (depth === 0) return true;
        if (c !== 0x2c) depth--;
      }
      i++;
    }
    return false;
  };

  ws();
  if (at(i) !== 0x7b) return undefined; // not an object: no op
  i++;
  ws();
  if (at(i) === 0x7d) return undefined;
  for (;;) {
    if (at(i) !== 0x22) return ODD;
    const key = read();
    if (key === ODD) return ODD;
    ws();
    if (at(i) !== 0x3a) return ODD;
    i++;
    ws();
    if (key === 'op') return at(i) === 0x22 ? read() : undefined;
    if (!skip()) return ODD;
    if (at(i) === 0x7d) return undefined;
    i++; // the comma
    ws();
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
 *
 * One Engine is one engine in each module it uses. Its desk (configuration, calendar,
 * requests) is in the `reports` module if that module can answer when the engine is made
 * (loaded; in Node, read from disk then), else in the `desk` module, and stays there: desk
 * operations go to it, the service-log figures too when it is in `reports`. The fee and survey
 * modules' engines are made on their first call, with `{"v":1}` (the fee module's holds the
 * estate of feeLoadEstate).
 */
export class Engine extends EngineMethods {
  // The module holding the desk: 'reports' or 'desk'; undefined once freed.
  #home;
  // Module name → this engine's engine there.
  #engines = new Map();

  /**
   * @param config Engine configuration: omitted for the standard desk, an object
   *   (`{config, policy, calendar}` or `{state}`; `v` is added) or the JSON text.
   */
  constructor(config) {
    super();
    const home = ready('reports') ? 'reports' : 'desk';
    try {
      this.#engines.set(home, new MODULES[home].glue.Engine(configText(config)));
    } catch (e) {
      throw constructorError(e);
    }
    this.#home = home;
  }

  /** An engine restored from a state saved with `engineExport()` (its `state`). */
  static fromState(state) {
    return new Engine({ state });
  }

  // This engine's engine in module `name` (the desk's for `desk`), or null when that module
  // cannot answer for it: not loaded (a browser before loadModule), or `reports` when the desk
  // is in the desk module.
  #engineIn(name) {
    if (this.#home === undefined) {
      throw new InvalidHandleError(Status.INVALID_HANDLE, 'invalid_handle', 'this engine has been freed');
    }
    if (name === 'desk' || name === this.#home) return this.#engines.get(this.#home);
    if (name === 'reports') return null;
    let e = this.#engines.get(name);
    if (e === undefined) {
      if (!ready(name)) return null;
      e = new MODULES[name].glue.Engine(`{"v":${CONTRACT_VERSION}}`);
      this.#engines.set(name, e);
    }
    return e;
  }

  /** Releases the WASM memory of the engine. Later calls throw InvalidHandleError. */
  free() {
    for (const e of this.#engines.values()) e.free();
    this.#engines.clear();
    this.#home = undefined;
  }

  /** Whether `free()` has been called. */
  get freed() {
    return this.#home === undefined;
  }

  /** Raw contract call: request JSON text in, response JSON text out (never throws for a
   * failure response; throws InvalidHandleError after `free()`). */
  callJson(requestJson) {
    const op = operationOf(requestJson);
    const name = moduleOf(op);
    const e = this.#engineIn(name);
    return e === null ? failureText(notLoaded(op, name)) : e.call(requestJson);
  }

  /** Raw contract call on UTF-8 bytes: request bytes in, response bytes out. */
  callBytes(requestBytes) {
    const op = operationOf(requestBytes);
    const name = moduleOf(op);
    const e = this.#engineIn(name);
    return e === null ? new TextEncoder().encode(failureText(notLoaded(op, name))) : e.callBytes(requestBytes);
  }

  /** Calls operation `op` with `args` and returns its result, or throws its WuyeError. */
  call(op, args) {
    const request = args === undefined ? { v: CONTRACT_VERSION, op } : { v: CONTRACT_VERSION, op, args };
    const name = moduleOf(op);
    const e = this.#engineIn(name);
    return unwrap(e === null ? failureText(notLoaded(op, name)) : e.call(JSON.stringify(request)));
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Engine.prototype[Symbol.dispose] = function dispose() {
    this.free();
  };
}

