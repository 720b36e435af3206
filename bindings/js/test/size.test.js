// Size budget of the WASM package: the optimized module gzipped (level 9), as a browser
// downloads it. Fails above the budget; prints the size for the record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// The target is 150 KB and it is NOT met: the service desk, SLA and calendar contract
// compiled to about 179 KiB gzipped, and the fee engine (issue 5) brought the module to about
// 359 KiB (serde's derive code for the contract's types dominates; see bindings/js/README.md),
// and the survey operations (issue 6: SERVQUAL/SERVPERF, CSAT, NPS, proportion, index, value)
// added about 32 KiB more, to about 392 KiB (359.1 → 391.6 KiB measured on the same tree);
// the service-log figures (survey.callbacks, kpi.report, survey.sample, the service record)
// merged on top of them made it 413.0 KiB (1218557 bytes raw, measured on main at dcd9474).
// This budget only guards against further growth until the module is slimmed or split (the
// open WASM-size work); the test prints the size against the 150 KB target every run.
export const BUDGET_GZIP_BYTES = 416 * 1024;
export const TARGET_GZIP_BYTES = 150 * 1024;

test('the wasm module stays within its gzipped size budget', (t) => {
  const path = new URL('../pkg/wuye_wasm_bg.wasm', import.meta.url);
  const raw = statSync(path).size;
  const gz = gzipSync(readFileSync(path), { level: 9 }).length;
  t.diagnostic(`pkg/wuye_wasm_bg.wasm: ${raw} bytes raw, ${gz} bytes gzipped (${(gz / 1024).toFixed(1)} KiB; budget ${BUDGET_GZIP_BYTES / 1024} KiB, target ${TARGET_GZIP_BYTES / 1024} KiB)`);
  assert.ok(gz <= BUDGET_GZIP_BYTES, `${gz} bytes gzipped is over the budget of ${BUDGET_GZIP_BYTES}`);
});
