// Errors of the wuye contract as JS exceptions: one WuyeError subclass per status of
// docs/contract.md, each carrying the stable numeric `status` and the finer `code`.

/** Stable status values of the contract (docs/contract.md, "Statuses"). */
export const Status = Object.freeze({
  OK: 0,
  NULL_ARGUMENT: 1,
  INVALID_UTF8: 2,
  MALFORMED_JSON: 3,
  UNSUPPORTED_VERSION: 4,
  UNKNOWN_OPERATION: 5,
  INVALID_REQUEST: 6,
  REFUSED: 7,
  NOT_FOUND: 8,
  CONFLICT: 9,
  CALENDAR: 10,
  INVALID_CONFIG: 11,
  INVALID_EVENT: 12,
  INVALID_HANDLE: 13,
  PANIC: 14,
});

/** A failed call: `status` (number), `code` (string) and the library's message. */
export class WuyeError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = new.target.name;
    /** @type {number} */
    this.status = status;
    /** @type {string} */
    this.code = code;
  }

  /** The contract's `error` object for this error. */
  toJSON() {
    return { status: this.status, code: this.code, message: this.message };
  }
}

/** Status 1: a required pointer was NULL (C ABI only; listed for completeness). */
export class NullArgumentError extends WuyeError {}
/** Status 2: the request bytes are not UTF-8 (only reachable with `callBytes`). */
export class InvalidUtf8Error extends WuyeError {}
/** Status 3: not JSON, or truncated. */
export class MalformedJsonError extends WuyeError {}
/** Status 4: `v` is not the contract version. */
export class UnsupportedVersionError extends WuyeError {}
/** Status 5: no such operation. */
export class UnknownOperationError extends WuyeError {}
/** Status 6: unknown field, missing field, wrong type or bad value. */
export class InvalidRequestError extends WuyeError {}
/** Status 7: the domain refused (role, stage, order, assignee, department, field...). */
export class RefusedError extends WuyeError {}
/** Status 8: no request with that id. */
export class NotFoundError extends WuyeError {}
/** Status 9: a request with that id already exists. */
export class ConflictError extends WuyeError {}
/** Status 10: the calendar cannot answer (year not covered, bad duration, reversed range). */
export class CalendarError extends WuyeError {}
/** Status 11: engine configuration, SLA policy or calendar data invalid. */
export class InvalidConfigError extends WuyeError {}
/** Status 12: a log entry does not apply. */
export class InvalidEventError extends WuyeError {}
/** Status 13: the engine has been freed. */
export class InvalidHandleError extends WuyeError {}
/** Status 14: a panic inside the library (please report it). */
export class PanicError extends WuyeError {}

const byStatus = [
  null,
  NullArgumentError,
  InvalidUtf8Error,
  MalformedJsonError,
  UnsupportedVersionError,
  UnknownOperationError,
  InvalidRequestError,
  RefusedError,
  NotFoundError,
  ConflictError,
  CalendarError,
  InvalidConfigError,
  InvalidEventError,
  InvalidHandleError,
  PanicError,
];

/**
 * The exception for a contract `error` object `{status, code, message}`: the subclass of its
 * status (a status this package does not know gives a plain WuyeError). `response`, when
 * given, is kept as `error.response`: the failure response JSON text as the library wrote it.
 */
export function errorFromFailure(failure, response) {
  const Class = byStatus[failure.status] ?? WuyeError;
  const error = new Class(failure.status, failure.code, failure.message);
  if (response !== undefined) error.response = response;
  return error;
}
