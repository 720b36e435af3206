// The base class of every error of the wuye contract. Its subclasses, one per status, and the
// `Status` values are generated from the status table (src/errors.js).

/** A failed call: `status` (number), `code` (string) and the library's message. */
export class WuyeError extends Error {
  constructor(status, code, message) {
    super(message);
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

// The name lives on the prototype as a string (each generated subclass sets its own), so it
// survives minification, which renames classes: `e.name` stays `RefusedError`.
WuyeError.prototype.name = 'WuyeError';
