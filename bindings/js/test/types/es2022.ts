// Compiled by test/tsconfig.es2022.json: the package's types under `tsc --strict` with
// `lib: es2022` only (no esnext.disposable, no DOM, no @types/node), as a bundler project has them.
import { Engine, RefusedError, type Command } from '../../index.js';

const engine = new Engine();
const step: Command = { step: 'dispatch', department: 'engineering' };
const days: number = engine.calendarWorkingDays('2026-10-01', '2026-10-31').days;
const refused: boolean = new RefusedError(7, 'code', 'message') instanceof Error;
engine.free();
export { step, days, refused };
