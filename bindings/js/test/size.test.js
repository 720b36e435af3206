// Size budget of the WASM package: each module after wasm-opt, gzipped (level 9), as a browser
// downloads it. Every module loaded at import must stay within the 150 KB; modules loaded
// on demand (a page asks for them with loadModule) are guarded against growth. Prints every
// module's size and the total for the record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { isModuleLoaded } from '../index.js';

/**
 * The budget, 150 KB, for each module loaded at import (KB read as KiB, as this test
 * always has; the desk module measured 149,115 bytes, also under 150,000).
 */
export const BUDGET_GZIP_BYTES = 150 * 1024;
/**
 * Growth guard for the modules loaded on demand: the fee module measured 244,707 bytes
 * (239.0 KiB); it is not held to the 150 KB a page loads at import.
 */
export const ON_DEMAND_GUARD_GZIP_BYTES = 250 * 1024;

// The package's modules (build.sh) and when index.js loads them.
const MODULES = [
  { name: 'desk', atImport: true },
  { name: 'fees', atImport: false },
];

function size(name) {
  const path = new URL(`../pkg/wuye_${name}_bg.wasm`, import.meta.url);
  return { raw: statSync(path).size, gz: gzipSync(readFileSync(path), { level: 9 }).length };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

test('the package loads exactly the modules marked as loaded at import', () => {
  for (const m of MODULES) assert.equal(isModuleLoaded(m.name), m.atImport, m.name);
});

test('each module loaded at import is within 150 KB gzipped; on-demand modules do not grow', (t) => {
  let total = 0;
  let atImport = 0;
  for (const m of MODULES) {
    const { raw, gz } = size(m.name);
    total += gz;
    if (m.atImport) atImport += gz;
    const limit = m.atImport ? BUDGET_GZIP_BYTES : ON_DEMAND_GUARD_GZIP_BYTES;
    t.diagnostic(
      `pkg/wuye_${m.name}_bg.wasm (${m.atImport ? 'loaded at import' : 'loaded on demand'}): ${raw} bytes raw, ${gz} bytes gzipped (${kib(gz)}; ${m.atImport ? 'budget' : 'growth guard'} ${kib(limit)})`,
    );
    assert.ok(gz <= limit, `pkg/wuye_${m.name}_bg.wasm: ${gz} bytes gzipped is over ${limit}`);
  }
  t.diagnostic(`at import: ${atImport} bytes gzipped (${kib(atImport)}); every module: ${total} bytes gzipped (${kib(total)})`);
});
