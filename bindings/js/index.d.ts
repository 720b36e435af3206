// Type declarations of the `wuye` package. The contract's types (every argument and result of
// contract v1, docs/contract.md) are generated from its JSON Schema into src/contract.d.ts, the
// Engine's operation methods into src/engine-methods.d.ts; names on the wire are snake_case and
// the types keep them. This file declares what is written by hand: loading and lifecycle.

import type { Desk, EngineConfig, OperationName, Operations } from './src/contract.js';
import { EngineMethods } from './src/engine-methods.js';

export * from './src/contract.js';
export type { EngineMethods } from './src/engine-methods.js';

// The Status values and one WuyeError subclass per status (generated).
export * from './src/errors.js';

export declare const CONTRACT_VERSION: 1;
export declare function contractVersion(): number;
export declare function libraryVersion(): string;
/**
 * The WASM modules of the package, one per operation group: `desk` (engine.*, calendar.*,
 * request.*, sla.*, log.*; loaded at import), `fees` (fee.*; on demand), `survey` (the survey
 * scores survey.servqual … survey.value; on demand) and `reports` (the desk with the
 * service-log figures survey.callbacks, survey.sample, kpi.report; on demand: an engine made
 * while it is loaded keeps its desk there, and only such an engine answers the figures; in
 * Node every engine does).
 */
export type ModuleName = 'desk' | 'fees' | 'survey' | 'reports';
/**
 * Loads a WASM module if it is not loaded yet. In a browser, `await loadModule('fees')` before
 * the first fee call (`loadModule('survey')` before the first survey score,
 * `await loadModule('reports')` before creating an engine that reports; until then such calls
 * fail with UnknownOperationError, code `module_not_loaded`); Node loads a module by itself
 * when first needed (`reports` with the first engine).
 */
export declare function loadModule(name: ModuleName): Promise<void>;
/** Whether a WASM module is loaded. */
export declare function isModuleLoaded(name: ModuleName): boolean;
/** One raw request on a fresh engine; returns the response JSON (never throws for failures). */
export declare function callOnce(config: EngineOptions | string | undefined, requestJson: string): string;

/**
 * What an engine is made from, as `new Engine(config)` takes it: the contract's `EngineConfig`
 * with `v` optional (the package adds it).
 */
export type EngineOptions = Omit<EngineConfig, 'v'> & { v?: 1 };

/**
 * An engine 引擎: one customer-service desk. Its operation methods (one per operation of the
 * contract: `calendarBetween(from, to)`, `feeBill(period, options?)`, …) are declared by
 * `EngineMethods`. Its desk stays in the module it is made in: `reports` if that module is
 * loaded then (always in Node), else `desk`, where the service-log figures fail with
 * `module_not_loaded`.
 */
export declare class Engine extends EngineMethods {
  /** Standard desk when omitted; throws InvalidConfigError (or another WuyeError). */
  constructor(config?: EngineOptions | string);
  /** An engine restored from a saved state (`engineExport().state`). */
  static fromState(state: Desk): Engine;
  /** Releases the WASM memory of the engine. Later calls throw InvalidHandleError. */
  free(): void;
  /** Whether `free()` has been called. */
  readonly freed: boolean;
  /** Frees the engine at the end of a `using` block (where the runtime has `Symbol.dispose`). */
  [Symbol.dispose](): void;

  /** Raw contract call: request JSON text in, response JSON text out (failures are in it). */
  callJson(requestJson: string): string;
  /** Raw contract call on UTF-8 bytes. */
  callBytes(requestBytes: Uint8Array): Uint8Array;
  call<Op extends OperationName>(op: Op, args?: Operations[Op]['args']): Operations[Op]['result'];
}

// `Symbol.dispose` without `lib: esnext.disposable` or `@types/node`: declared the way
// @types/node declares it, so the types compile under `tsc --strict` with `lib: es2022` alone
// and merge with either of those when present.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
