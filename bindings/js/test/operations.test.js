// One method per operation, named by the one rule of every binding (the manifest's `method`):
// the generated operation table is the contract's, and Engine has exactly its methods, besides
// the per-language conveniences listed here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Engine } from '../index.js';
import { OPERATIONS } from '../src/operations.js';

const manifest = JSON.parse(readFileSync(new URL('../../../docs/contract.manifest.json', import.meta.url), 'utf8'));

// Engine.prototype members that are not one operation each: lifecycle, raw calls.
const CONVENIENCES = ['constructor', 'free', 'freed', 'callJson', 'callBytes', 'call'];

test('the operation table is the manifest', () => {
  assert.deepEqual(
    Object.entries(OPERATIONS).map(([name, { method, group, mutates }]) => [name, method, group, mutates]),
    manifest.operations.map((op) => [op.name, op.method, op.group, op.mutates]),
  );
});

test('the library answers every operation', () => {
  const e = new Engine();
  try {
    assert.deepEqual(e.engineInfo().operations, Object.keys(OPERATIONS));
  } finally {
    e.free();
  }
});

test('Engine has exactly one method per operation', () => {
  const methods = Object.values(OPERATIONS).map((op) => op.method);
  for (const m of methods) assert.equal(typeof Engine.prototype[m], 'function', `Engine.prototype.${m}`);
  const others = Object.getOwnPropertyNames(Engine.prototype).filter(
    (name) => !methods.includes(name) && !CONVENIENCES.includes(name),
  );
  assert.deepEqual(others, [], 'public Engine members that are neither an operation nor a listed convenience');
});
