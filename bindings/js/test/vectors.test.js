// The shared vectors (tests/vectors/) in Node: every response must equal its `expect`, and the
// raw responses go to target/vectors/node/<name>.jsonl for the byte comparison with the other
// runtimes (scripts/compare-vectors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as wuye from '../index.js';
import { runScenario } from './vector-runner.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = `${root}tests/vectors/`;
const out = `${root}target/vectors/node/`;

test('the shared vectors hold in Node and are written to target/vectors/node', () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 10, `only ${files.length} vector files`);
  const failures = [];
  let steps = 0;
  for (const file of files) {
    const scenario = JSON.parse(readFileSync(dir + file, 'utf8'));
    assert.equal(`${scenario.name}.json`, file, "a scenario's name is its file name");
    const r = runScenario(wuye, scenario);
    steps += r.steps;
    failures.push(...r.failures);
    writeFileSync(`${out}${r.name}.jsonl`, r.text, 'utf8');
  }
  assert.deepEqual(failures, []);
  assert.ok(steps >= 100, `only ${steps} steps ran`);
});
