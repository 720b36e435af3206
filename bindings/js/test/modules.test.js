// The package's WASM modules in Node: the desk module loads at import, the reports module (the
// desk with the service-log figures) with the first engine, whose desk lives there, and the fee
// module on demand (by itself on the first fee call); each module refuses the other's
// operations with a typed error naming the module; raw calls are routed by their operation
// name to the module that answers them and give the same bytes as a fresh engine of that
// module. (node --test runs this file in its own process, so nothing else has loaded a module
// yet.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  Engine,
  UnknownOperationError,
  isModuleLoaded,
  loadModule,
  callOnce,
} from '../index.js';
import * as desk from '../pkg/wuye_desk.js';
import * as fees from '../pkg/wuye_fees.js';
import { playDay, dayPeriod } from '../demo/sample-day.js';

// A day's period as the positional `from, to` of kpiReport.
function periodOf(date) {
  const { from, to } = dayPeriod(date);
  return [from, to];
}

const APPORTION = '{"args":{"amount":"1000.00","weights":["98.76","120.50","143.20"]},"op":"fee.apportion","v":1}';
const PARTS = '{"v":1,"ok":true,"result":{"parts":["272.47","332.45","395.08"]}}';

test('the desk module loads at import, reports with the first engine, fees on the first fee call', () => {
  assert.equal(isModuleLoaded('desk'), true);
  assert.equal(isModuleLoaded('reports'), false);
  assert.equal(isModuleLoaded('fees'), false);
  const engine = new Engine();
  assert.equal(isModuleLoaded('reports'), true, 'in Node an engine keeps its desk in the reports module');
  assert.equal(engine.calendarWorkingDays('2026-10-01', '2026-10-31').days, 18);
  assert.equal(engine.engineInfo().operations.length, 34, 'engine.info lists the whole contract');
  assert.equal(isModuleLoaded('fees'), false);
  assert.equal(engine.callJson(APPORTION), PARTS);
  assert.equal(isModuleLoaded('fees'), true);
  engine.free();
});

test('loadModule resolves for a loaded module and rejects an unknown one', async () => {
  await loadModule('desk');
  await loadModule('fees');
  await loadModule('survey');
  await assert.rejects(loadModule('billing'), /no WASM module "billing"; modules: desk, fees, survey/);
});

test('each module refuses the other module\'s operations, naming the module', () => {
  // The modules straight from pkg/, below the package's routing.
  fees.initSync({ module: readFileSync(new URL('../pkg/wuye_fees_bg.wasm', import.meta.url)) });
  const d = new desk.Engine('{"v":1}');
  assert.equal(
    d.call(APPORTION),
    '{"v":1,"ok":false,"error":{"status":5,"code":"module_not_included","message":"operation \\"fee.apportion\\" is in the fees module, which this engine does not include"}}',
  );
  d.free();
  const f = new fees.Engine('{"v":1}');
  assert.equal(
    f.call('{"op":"calendar.working_days","args":{"from":"2026-10-01","to":"2026-10-31"},"v":1}'),
    '{"v":1,"ok":false,"error":{"status":5,"code":"module_not_included","message":"operation \\"calendar.working_days\\" is in the desk module, which this engine does not include"}}',
  );
  assert.equal(f.call(APPORTION), PARTS);
  // The fee module's engine takes only the version: the desk's configuration is the desk's.
  assert.throws(() => new fees.Engine('{"v":1,"config":{}}'), /"code":"unknown_field"/);
  f.free();
});

test('raw calls reach the module that answers them, failures before the operation included', () => {
  const engine = new Engine();
  const bytes = (s) => new TextEncoder().encode(s);
  const text = (b) => new TextDecoder().decode(b);
  assert.equal(text(engine.callBytes(bytes(APPORTION))), PARTS);
  // Routed by the top-level op, wherever it is and however it is written: not an `op` inside
  // the arguments, not a key or value spelled with escapes, not text around it.
  const routed = [
    '{"v":1,"op":"fee.apportion","args":{"amount":"1000.00","weights":["98.76","120.50","143.20"]}}',
    '{"args":{"op":"kpi.report","weights":["98.76","120.50","143.20"],"amount":"1000.00","x":["}\\"",{"op":"x"}]},"op":"fee.apportion","v":1}',
    ' \n{ "v" : 1 ,\t"o\\u0070" : "fee\\u002eapportion" , "args" : {"amount":"1000.00","weights":["98.76","120.50","143.20"]} } ',
    '{"备注":"收费 fee","v":1,"args":{"amount":"1000.00","weights":["98.76","120.50","143.20"]},"op":"fee.apportion"}',
  ];
  const fresh = new fees.Engine('{"v":1}');
  for (const r of routed) {
    const want = fresh.call(r);
    assert.equal(engine.callJson(r), want, r);
    assert.equal(text(engine.callBytes(bytes(r))), want, r);
  }
  fresh.free();
  // No op, not an object, or refused before the operation (JSON, version, envelope): what the
  // desk module answers, whichever module the request goes to.
  const d = new desk.Engine('{"v":1}');
  for (const r of [
    '{"v":1}',
    '{"v":1,"op":7}',
    '[1,"fee.apportion"]',
    '"fee.apportion"',
    '{"v":1,"op":"fee.apportion","op":"x"}',
    '{"v":1,"op":"fee.apportion","args":{"amount":1e999}',
    '{"v":2,"op":"survey.nps"}',
    '{"v":"1","op":"fee.bill"}',
    '{"v":1,"op":"fee.bill",}',
    '{"v":1,"op":"survey.nps","extra":1}',
  ]) {
    assert.equal(engine.callJson(r), d.call(r), r);
    assert.equal(text(engine.callBytes(bytes(r))), d.call(r), r);
  }
  assert.equal(text(engine.callBytes(new Uint8Array([0x7b, 0x22, 0x6f, 0x70, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))), text(d.callBytes(new Uint8Array([0x7b, 0x22, 0x6f, 0x70, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))));
  d.free();
  // An unknown operation under a module's prefix is answered by the desk, listing the contract.
  const unknown = JSON.parse(engine.callJson('{"v":1,"op":"fee.nothing"}'));
  assert.equal(unknown.error.code, 'unknown_operation');
  assert.match(unknown.error.message, /^unknown operation "fee.nothing"; known: engine.info, /);
  // Version and JSON failures come before the operation is known.
  assert.match(engine.callJson('{"v":2,"op":"fee.apportion"}'), /"code":"unsupported_version"/);
  assert.match(engine.callJson('{"v":1,"op":"fee.apportion"'), /"code":"malformed_json"/);
  // The fee module's refusals come back as they are.
  assert.throws(
    () => engine.call('fee.apportion', { amount: '1.00', weights: [] }),
    (e) => e.status === 7 && e.code === 'bad_weights',
  );
  assert.equal(callOnce(undefined, APPORTION), PARTS);
  assert.match(callOnce('{"v":2}', APPORTION), /"code":"unsupported_version"/);
  // The estate loaded through one engine is that engine's.
  const other = new Engine();
  assert.throws(() => other.feeBillEstate('2026-09'), (e) => e.code === 'no_estate');
  assert.throws(() => engine.call('no.such'), UnknownOperationError);
  engine.free();
  other.free();
});

test('an engine keeps its desk in the module it was made in: reports, in Node', () => {
  const day = JSON.parse(readFileSync(new URL('../demo/sample-day.json', import.meta.url), 'utf8'));
  const engine = new Engine();
  playDay(engine, day);
  // The desk module itself refuses the figures, naming the module that has them.
  const bare = new desk.Engine('{"v":1}');
  assert.equal(
    bare.call('{"v":1,"op":"kpi.report","args":{"from":"2026-09-30T00:00:00+08:00","to":"2026-10-01T00:00:00+08:00"}}'),
    '{"v":1,"ok":false,"error":{"status":5,"code":"module_not_included","message":"operation \\"kpi.report\\" is in the reports module, which this engine does not include"}}',
  );
  // A desk-module engine restored from this one's state: the same answers to desk operations.
  const EXPORT = '{"v":1,"op":"engine.export"}';
  const STATUS = '{"v":1,"op":"sla.status_batch","args":{"as_of":"2026-10-08T09:00:00+08:00"}}';
  const state = engine.callJson(EXPORT);
  const control = new desk.Engine(`{"v":1,"state":${JSON.stringify(JSON.parse(state).result.state)}}`);
  assert.equal(control.call(EXPORT), state);
  const kpi = engine.kpiReport(...periodOf(day.date));
  assert.equal(kpi.requests.registered, 13);
  assert.equal(engine.callJson(EXPORT), state, 'a report changes nothing');
  assert.equal(engine.callJson(STATUS), control.call(STATUS));
  const first = day.steps.find((st) => st.register);
  const next = JSON.stringify({
    v: 1,
    op: 'request.register',
    args: { request: { ...first.register, id: 'WY20261008-001' }, actor: first.actor, now: '2026-10-08T09:05:00+08:00' },
  });
  const registered = engine.callJson(next);
  assert.match(registered, /"ok":true/);
  assert.equal(registered, control.call(next));
  assert.equal(engine.callJson(EXPORT), control.call(EXPORT));
  // Fee calls still reach the fee module's own engine.
  assert.equal(engine.callJson(APPORTION), PARTS);
  engine.free();
  control.free();
  assert.throws(() => engine.kpiReport(...periodOf(day.date)), (e) => e.code === 'invalid_handle');
  assert.throws(() => engine.callJson(EXPORT), (e) => e.code === 'invalid_handle');
});

test('the published package carries every module build.sh makes', async () => {
  const { readdirSync } = await import('node:fs');
  const files = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).files;
  const built = readdirSync(new URL('../pkg/', import.meta.url)).filter((f) => /^wuye_\w+_bg\.wasm$/.test(f));
  assert.ok(built.length >= 3, `modules built: ${built}`);
  for (const wasm of built) {
    const glue = wasm.replace('_bg.wasm', '.js');
    assert.ok(files.includes(`pkg/${wasm}`), `package.json files lacks pkg/${wasm}`);
    assert.ok(files.includes(`pkg/${glue}`), `package.json files lacks pkg/${glue}`);
  }
});
