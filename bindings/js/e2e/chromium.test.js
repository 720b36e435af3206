// End-to-end in headless Chromium (Debian's /usr/bin/chromium through playwright-core): the
// front-desk demo clicked through a repair's whole life and the bills panel 账单 through a month
// of the sample estate, with figures worked out by hand; screenshots in target/js/ (demo.png,
// demo-calendar.png, demo-bills.png); a page that downloads the fee module only when it asks for
// it; and the shared vectors run inside the browser (written to target/vectors/chromium/ for
// scripts/compare-vectors).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let context;
let profile;

before(async () => {
  assert.ok(existsSync(executablePath), `${executablePath} is missing: apt-get install -y chromium`);
  server = await serve();
  profile = mkdtempSync(join(tmpdir(), 'wuye-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(path) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url + path);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors };
}

test('the front-desk demo takes a repair through its life with hand-worked SLA figures', async () => {
  const { page, errors } = await openPage('bindings/js/demo/index.html');
  const setNow = async (t) => {
    await page.fill('#now', t);
    await page.dispatchEvent('#now', 'change');
  };
  const step = (name) => page.click(`button[data-step="${name}"]`);
  const stage = () => page.getAttribute('[data-testid="stage"]', 'data-stage');
  const cell = (clock, col) => page.textContent(`#clocks tr[data-clock="${clock}"] td.${col}`);
  const message = async () => ((await page.isVisible('#message')) ? page.textContent('#message') : '');

  // Register 受理登记 a normal repair on Wednesday 2026-09-30 at 16:00, the eve of 国庆.
  await setNow('2026-09-30T16:00:00+08:00');
  const form = '#register';
  await page.fill(`${form} [name=id]`, 'R-0930');
  await page.selectOption(`${form} [name=kind]`, 'repair');
  await page.selectOption(`${form} [name=priority]`, 'normal');
  await page.selectOption(`${form} [name=channel]`, 'phone');
  await page.selectOption(`${form} [name=locationKind]`, 'unit');
  await page.fill(`${form} [name=location]`, '5-2-1101');
  await page.selectOption(`${form} [name=reporterKind]`, 'owner');
  await page.fill(`${form} [name=name]`, '李先生');
  await page.fill(`${form} [name=phone]`, '13912345678');
  await page.fill(`${form} [name=description]`, '卫生间天花板漏水，楼上疑似水管渗漏');
  await page.click('[data-testid="register"]');
  assert.equal(await stage(), 'registered');
  assert.match(await page.textContent('#d-desc'), /卫生间天花板漏水，楼上疑似水管渗漏/);
  // Complete 16 business hours: 1.5 h on Sep 30, holiday Oct 1-7, 7.5 h Oct 8, 7 h Oct 9.
  assert.equal(await cell('complete', 'deadline'), '2026-10-09 17:00 周五');
  // Arrive 2 h: 1.5 h + 30 min on Thursday Oct 8; dispatch 30 min.
  assert.equal(await cell('arrive', 'deadline'), '2026-10-08 09:00 周四');
  assert.equal(await cell('dispatch', 'deadline'), '2026-09-30 16:30 周三');

  // The same id again: the library refuses with a conflict, shown to the staff.
  await page.fill(`${form} [name=id]`, 'R-0930');
  await page.click('[data-testid="register"]');
  assert.match(await message(), /ConflictError \(status 9, duplicate_request\)/);

  await setNow('2026-09-30T16:10:00+08:00');
  await page.selectOption('#dept', 'engineering');
  await page.fill('#assignee', 'w01');
  await step('dispatch');
  assert.equal(await stage(), 'dispatched');
  assert.equal(await cell('dispatch', 'state'), '达标 met');
  await setNow('2026-09-30T16:20:00+08:00');
  await step('accept');
  await setNow('2026-09-30T16:50:00+08:00');
  await step('arrive');
  assert.equal(await stage(), 'in_progress');
  assert.equal(await cell('arrive', 'elapsed'), '50 分');
  await setNow('2026-09-30T17:00:00+08:00');
  await page.selectOption('#hold-reason', 'waiting_for_parts');
  await step('hold');
  assert.equal(await stage(), 'on_hold');

  // During the holiday the complete clock is paused at 1 h with 15 h left and no deadline.
  await setNow('2026-10-08T10:00:00+08:00');
  assert.equal(await cell('complete', 'state'), '暂停 paused');
  assert.equal(await cell('complete', 'elapsed'), '1 小时 00 分');
  assert.equal(await cell('complete', 'left'), '15 小时 00 分');
  assert.equal(await cell('complete', 'deadline'), '—');

  // Resumed Oct 8 14:00: 3.5 h + 7.5 h (Oct 9) + 3.5 h + 30 min on the 调休 Saturday Oct 10.
  await setNow('2026-10-08T14:00:00+08:00');
  await step('resume');
  assert.equal(await cell('complete', 'deadline'), '2026-10-10 14:00 周六');

  await setNow('2026-10-09T15:00:00+08:00');
  await page.fill('#note', '更换角阀，已试水');
  await step('complete');
  await setNow('2026-10-09T16:00:00+08:00');
  await page.fill('#note', '已电话告知业主维修完成');
  await step('reply');
  // Reply 4 h from Oct 9 15:00: 2.5 h + 1.5 h on Saturday Oct 10; callback 16 h from 16:00:
  // 1.5 h + 7.5 h (Oct 10) + 7 h on Monday Oct 12.
  assert.equal(await cell('reply', 'deadline'), '2026-10-10 10:00 周六');
  assert.equal(await cell('callback', 'deadline'), '2026-10-12 17:00 周一');
  await setNow('2026-10-12T10:00:00+08:00');
  await page.selectOption('#rating', '5');
  await page.fill('#comment', '师傅很专业');
  await step('callback');
  assert.equal(await stage(), 'closed');
  // 1 h + 3.5 h (Oct 8) + 3.5 h + 1.5 h (Oct 9) = 9.5 h, within 16 h.
  assert.equal(await cell('complete', 'state'), '达标 met');
  assert.equal(await cell('complete', 'elapsed'), '9 小时 30 分');
  assert.equal(await cell('complete', 'left'), '6 小时 30 分');
  assert.equal(await cell('callback', 'elapsed'), '10 小时 30 分');
  const logItems = await page.$$eval('#log li', (lis) => lis.map((li) => li.className));
  assert.deepEqual(logItems.reverse(), [
    'ev registered',
    'ev dispatched',
    'ev accepted',
    'ev arrived',
    'ev held',
    'ev resumed',
    'ev completed',
    'ev replied',
    'ev callback_rated',
  ]);

  // A high-priority repair left undispatched: at 10:20 both dispatch thresholds (80% = 12 min
  // -> 10:12, 100% = 15 min -> 10:15) have fallen due, and the clock is 5 min over.
  await page.fill(`${form} [name=id]`, 'BX-0002');
  await page.selectOption(`${form} [name=priority]`, 'high');
  await page.selectOption(`${form} [name=locationKind]`, 'common_area');
  await page.fill(`${form} [name=location]`, '2号楼电梯厅');
  await page.selectOption(`${form} [name=reporterKind]`, 'anonymous');
  await page.fill(`${form} [name=description]`, '电梯困人，紧急');
  await page.click('[data-testid="register"]');
  assert.equal(await stage(), 'registered');
  await setNow('2026-10-12T10:20:00+08:00');
  await page.click('[data-testid="tick"]');
  assert.match(await message(), /2 条升级/);
  assert.equal(await cell('dispatch', 'state'), '超时 breached');
  assert.equal(await cell('dispatch', 'left'), '超时 05 分');
  const escalations = await page.$$eval('#log li.escalated', (lis) => lis.map((li) => li.textContent));
  assert.equal(escalations.length, 2);
  assert.match(escalations[1], /派单 dispatch 80% → 主管/);
  assert.match(escalations[0], /派单 dispatch 100% → 项目经理/);

  mkdirSync(join(root, 'target/js'), { recursive: true });
  const shot = join(root, 'target/js/demo.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  // The calendar panel.
  await page.click('.tab[data-tab="calendar"]');
  await page.fill('#q-workday [name=date]', '2026-10-10');
  await page.click('#q-workday button');
  assert.equal(await page.textContent('[data-testid="workday-answer"]'), '2026-10-10: 工作日 working day');
  await page.fill('#q-range [name=from]', '2026-10-01');
  await page.fill('#q-range [name=to]', '2026-10-31');
  await page.click('#q-range button');
  assert.equal(await page.textContent('[data-testid="range-answer"]'), '18 个工作日 working days');
  await page.fill('#q-add [name=start]', '2026-09-30T16:00:00+08:00');
  await page.fill('#q-add [name=hours]', '16');
  await page.fill('#q-add [name=minutes]', '0');
  await page.click('#q-add button');
  assert.match(await page.textContent('[data-testid="add-answer"]'), /2026-10-09T17:00:00\+08:00/);
  await page.fill('#q-workday [name=date]', '2027-01-04');
  await page.click('#q-workday button');
  assert.match(await message(), /CalendarError \(status 10, year_not_covered\): the calendar has no data for year 2027/);
  await page.fill('#q-workday [name=date]', '2026-10-10');
  await page.click('#q-workday button');
  const calShot = join(root, 'target/js/demo-calendar.png');
  await page.screenshot({ path: calShot, fullPage: true });
  console.log(`screenshot: ${calShot}`);

  assert.deepEqual(errors, []);
  await page.close();
});

test('the bills panel 账单 bills the sample estate in the browser with hand-worked figures', async () => {
  const { page, errors } = await openPage('bindings/js/demo/index.html');
  const message = async () => ((await page.isVisible('#message')) ? page.textContent('#message') : '');
  const unitTotal = (unit) => page.textContent(`#bills tr[data-unit="${unit}"] td.total`);
  const line = (item) => `#bd-lines .bline[data-item="${item}"]`;
  const lineAmount = (item) => page.textContent(`${line(item)} .amount`);
  const texts = (sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent));

  assert.equal(await page.isDisabled('.tab[data-tab="bills"]'), false);
  await page.click('.tab[data-tab="bills"]');
  assert.equal(await page.isVisible('#tab-bills'), true);

  // October without the September inputs: only the periodic lines. 1-1-501: 98.76 × 2.50 (the rate
  // from 2026-09-16) = 246.90 + parking space 300.00 = 546.90.
  await page.fill('#bill-period', '2026-10');
  await page.uncheck('#bill-inputs');
  await page.click('[data-testid="bill"]');
  assert.equal(await unitTotal('1-1-501'), '546.90');
  assert.equal(await lineAmount('property_fee'), '¥ 246.90');

  // A period that does not parse is refused by the library and shown to the staff.
  await page.fill('#bill-period', '2026-13');
  await page.click('[data-testid="bill"]');
  assert.match(await message(), /InvalidRequestError \(status 6, invalid_value\): fee.bill args: invalid period "2026-13"/);

  // September 2026 with its readings, usage, parking stay and lift power (tests/vectors/fee-estate.json).
  await page.fill('#bill-period', '2026-09');
  await page.check('#bill-inputs');
  await page.click('[data-testid="bill"]');
  assert.equal(await message(), '');
  const totals = {
    '1-1-501': '705.15', // 239.49 + 300.00 + 106.00 + 59.66
    '1-1-502': '277.34', // vacant 204.55 + water 0.00 + lift 72.79
    '1-2-1101': '195.58', // 111.63 + 30.00 + 53.95
    '5-1-201': '2547.52', // 137.52 + 110.00 + 300.00 + 2000.00
    'V-08': '1746.00', // 1272.00 + 311.00 + 150.00 + 13.00
    'S-03': '656.30', // 378.30 + 80.00 + 198.00
  };
  for (const [unit, total] of Object.entries(totals)) assert.equal(await unitTotal(unit), total, unit);
  assert.equal(await page.textContent('[data-testid="bills-total"]'), '6127.89');
  assert.equal(await page.textContent('#bills-lines'), '21 条 lines');
  assert.match(await page.textContent('#bills-check'), /21 条, 合计 6127\.89 — 与逐户账单一致/);

  // 1-2-1101, handed over 09-16 when the rate becomes 2.50: two segments, 0 and 89.30 × 2.50 × 15/30.
  await page.click('#bills tr[data-unit="1-2-1101"]');
  assert.equal(await page.textContent('#bd-unit'), '1-2-1101');
  assert.equal(await lineAmount('property_fee'), '¥ 111.63');
  assert.deepEqual(await texts(`${line('property_fee')} .trace-table tbody tr td:nth-child(6)`), ['0', '111.625']);
  assert.deepEqual(await texts(`${line('property_fee')} .trace-table tbody tr td:nth-child(4)`), [
    '未交房 not_handed_over',
    '已入住 occupied',
  ]);
  assert.match(await page.textContent(`${line('property_fee')} .rounding`), /2026-09 111\.625 → 111\.63/);
  assert.equal(await page.textContent('[data-testid="bill-total"]'), '¥ 195.58');

  // 1-1-501: the line split at the rate change, water in two annual tiers, the lift power share.
  await page.click('#bills tr[data-unit="1-1-501"]');
  const prop = await texts(`${line('property_fee')} .trace-text li`);
  assert.deepEqual(prop.slice(1), [
    '2026-09-01..2026-09-15 occupied 已入住: 98.76 × 2.35 × 15/30 = 116.043',
    '2026-09-16..2026-09-30 occupied 已入住: 98.76 × 2.50 × 15/30 = 123.45',
    '2026-09: 239.493 → 239.49 (half_up 四舍五入 to the fen 分, per month 按月)',
  ]);
  assert.deepEqual(await texts(`${line('water')} .trace-table tbody tr td:nth-child(5)`), ['50', '56']);
  assert.equal(await lineAmount('water'), '¥ 106.00');
  assert.match(await page.textContent(line('lift_power')), /186\.40 × 98\.76 ÷ 308\.56 = 59\.660565…/);
  assert.equal(await lineAmount('lift_power'), '¥ 59.66');
  assert.equal(await lineAmount('parking_rent'), '¥ 300.00');

  // The account: August's 232.09 (due 08-16) unpaid, September's four lines posted on 09-01, 300.00
  // paid on 09-20 — oldest due first: 232.09 to August, 67.91 to the September property fee.
  await page.fill('#pay [name=amount]', '300.00');
  await page.fill('#pay [name=date]', '2026-09-20');
  await page.fill('#pay [name=asOf]', '2026-10-31');
  await page.click('[data-testid="pay"]');
  assert.match(await message(), /1-1-501: 收款 300\.00/);
  const events = await texts('#acc-events li');
  assert.equal(events.length, 3);
  assert.match(events[2], /收款 paid 300\.00 \(R2609-0087\): B2608-1 本金 232\.09，B2609-1 本金 67\.91；转预存 to prepaid 0\.00/);
  // Late fees as of 10-31 at 0.0003 a day: B2608-1 35 days × 232.09 = 2.436945 → 2.44; B2609-1 4 days ×
  // 239.49 + 41 days × 171.58 = 2.397822 → 2.40; B2609-2 45 days × 300.00 = 4.05; B2609-3 11 days × 106.00
  // = 0.3498 → 0.35; B2609-4 11 days × 59.66 = 0.196878 → 0.20. Total 9.44.
  const fee = (charge) => page.textContent(`#late-fees tr[data-charge="${charge}"] td.num`);
  assert.equal(await fee('B2608-1'), '2.44');
  assert.equal(await fee('B2609-1'), '2.40');
  assert.equal(await fee('B2609-2'), '4.05');
  assert.equal(await fee('B2609-3'), '0.35');
  assert.equal(await fee('B2609-4'), '0.20');
  assert.equal(await page.textContent('[data-testid="late-fee-total"]'), '9.44');
  assert.match(await page.textContent('#late-fees tr[data-charge="B2609-1"] td.how'), /2026-09-21\.\.2026-10-31: 171\.58 × 41 days × 0\.0003 = 2\.110434/);
  // Arrears: water and lift power 11 days overdue (0-30): 106.00 + 59.66 = 165.66, 0.35 + 0.20 = 0.55;
  // the rest 45 and 76 days (31-90): 171.58 + 300.00 = 471.58 principal, 2.44 + 2.40 + 4.05 = 8.89.
  const bucket = (label, col) => page.textContent(`#arrears tr[data-bucket="${label}"] td.${col}`);
  assert.equal(await bucket('0-30', 'principal'), '165.66');
  assert.equal(await bucket('0-30', 'late'), '0.55');
  assert.equal(await bucket('31-90', 'principal'), '471.58');
  assert.equal(await bucket('31-90', 'late'), '8.89');
  assert.equal(await page.textContent('#ar-principal'), '637.24');
  assert.equal(await page.textContent('#ar-late'), '9.44');

  mkdirSync(join(root, 'target/js'), { recursive: true });
  const shot = join(root, 'target/js/demo-bills.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  // A payment of nothing is refused by the account, with the library's message.
  await page.fill('#pay [name=amount]', '0.00');
  await page.click('[data-testid="pay"]');
  assert.match(await message(), /RefusedError \(status 7, invalid_field\): account 1-1-501: amount: 0\.00 must be above zero/);
  // Money is a decimal string: a third decimal is refused, never rounded.
  await page.fill('#pay [name=amount]', '300.005');
  await page.click('[data-testid="pay"]');
  assert.match(await message(), /InvalidRequestError \(status 6, invalid_value\): .*"300\.005" is not a valid amount/);

  assert.deepEqual(errors, []);
  await page.close();
});

test('a page downloads the desk module with the package and the fee module only when it asks', async () => {
  const wasm = [];
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const m = /\/pkg\/(wuye_\w+_bg\.wasm)$/.exec(new URL(r.url()).pathname);
    if (m) wasm.push(m[1]);
  });
  await page.goto(`${server.url}bindings/js/e2e/vectors.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.deepEqual(wasm, ['wuye_desk_bg.wasm']);
  const before = await page.evaluate(() => {
    const e = new window.wuye.Engine();
    const loaded = window.wuye.isModuleLoaded('fees');
    const working = e.isWorkingDay('2026-10-10');
    let refused;
    try {
      e.apportion('1.00', ['1', '2']);
    } catch (err) {
      refused = `${err.name} ${err.status} ${err.code}: ${err.message}`;
    }
    const raw = e.callJson('{"args":{"amount":"1.00","weights":["1","2"]},"op":"fee.apportion","v":1}');
    e.free();
    return { loaded, working, refused, raw };
  });
  assert.deepEqual(before, {
    loaded: false,
    working: true,
    refused:
      "UnknownOperationError 5 module_not_loaded: operation \"fee.apportion\" is in the fees module, which is not loaded: await loadModule('fees') first",
    raw: '{"v":1,"ok":false,"error":{"status":5,"code":"module_not_loaded","message":"operation \\"fee.apportion\\" is in the fees module, which is not loaded: await loadModule(\'fees\') first"}}',
  });
  const after = await page.evaluate(async () => {
    await window.wuye.loadModule('fees');
    const e = new window.wuye.Engine();
    const parts = e.apportion('1.00', ['1', '2']);
    e.free();
    return { loaded: window.wuye.isModuleLoaded('fees'), parts };
  });
  assert.deepEqual(after, { loaded: true, parts: ['0.33', '0.67'] });
  assert.deepEqual(wasm, ['wuye_desk_bg.wasm', 'wuye_fees_bg.wasm']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the shared vectors hold in Chromium and are written to target/vectors/chromium', async () => {
  const { page, errors } = await openPage('bindings/js/e2e/vectors.html');
  const names = readdirSync(join(root, 'tests/vectors'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const results = await page.evaluate((n) => window.runVectors(n), names);
  const out = join(root, 'target/vectors/chromium');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let steps = 0;
  const failures = [];
  for (const r of results) {
    writeFileSync(join(out, `${r.name}.jsonl`), r.text, 'utf8');
    steps += r.steps;
    failures.push(...r.failures);
  }
  assert.equal(results.length, names.length);
  assert.deepEqual(failures, []);
  assert.ok(steps >= 100, `only ${steps} steps`);
  assert.deepEqual(errors, []);
  await page.close();
});
