// One method per operation, named by the one rule of every binding (the manifest's `method`):
// the generated operation table is the contract's, the generated EngineMethods has exactly its
// methods, and Engine (which extends it) adds only the hand-written members listed here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Engine } from '../index.js';
import { OPERATIONS } from '../src/operations.js';
import { EngineMethods } from '../src/engine-methods.js';

const manifest = JSON.parse(readFileSync(new URL('../../../docs/contract.manifest.json', import.meta.url), 'utf8'));

// The hand-written members of Engine.prototype: lifecycle and raw calls (no convenience
// method: every operation method is generated).
const HAND_WRITTEN = ['constructor', 'free', 'freed', 'callJson', 'callBytes', 'call'];

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
  assert.equal(Object.getPrototypeOf(Engine.prototype), EngineMethods.prototype);
  assert.deepEqual(Object.getOwnPropertyNames(EngineMethods.prototype), ['constructor', ...methods]);
  assert.deepEqual(Object.getOwnPropertyNames(Engine.prototype).sort(), [...HAND_WRITTEN].sort());
});

test('a method sends its required arguments in order, then its options', () => {
  const sent = [];
  const probe = Object.assign(Object.create(EngineMethods.prototype), { call: (op, args) => sent.push([op, args]) });
  probe.engineInfo();
  probe.slaStatus('R1', '2026-03-02T10:00:00+08:00');
  probe.surveyCsat([5, 4], { top_boxes: 1 });
  probe.feeBill('2026-09');
  assert.deepEqual(sent, [
    ['engine.info', undefined],
    ['sla.status', { id: 'R1', as_of: '2026-03-02T10:00:00+08:00' }],
    ['survey.csat', { top_boxes: 1, answers: [5, 4] }],
    ['fee.bill', { period: '2026-09' }],
  ]);
});

test('every error class names itself by a string, so minified bundles keep the name', async () => {
  const errors = await import('../src/errors.js');
  const classes = Object.entries(errors).filter(
    ([, v]) => typeof v === 'function' && (v === errors.WuyeError || v.prototype instanceof errors.WuyeError),
  );
  assert.equal(classes.length, 15);
  for (const [exported, cls] of classes) {
    // The name is a string on the class's own prototype, not read from the class binding
    // (which a minifier renames).
    assert.equal(Object.getOwnPropertyDescriptor(cls.prototype, 'name')?.value, exported);
    const e = new cls(7, 'code', 'message');
    assert.equal(e.name, exported);
    assert.ok(String(e).startsWith(`${exported}: `));
  }
});
