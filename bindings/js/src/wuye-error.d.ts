// The base class of every error of the wuye contract (its subclasses: src/errors.d.ts).

import type { Failure } from './contract.js';

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
