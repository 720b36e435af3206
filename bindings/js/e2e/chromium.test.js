// End-to-end in headless Chromium (Debian's /usr/bin/chromium through playwright-core): the
// front-desk demo clicked through a repair's whole life, the bills panel 账单 through a month
// of the sample estate, and the satisfaction panel 满意度 through the sample day, typed survey
// answers and a morning of requests handled in the console, with figures worked out by hand;
// screenshots in target/js/ (demo.png, demo-calendar.png, demo-bills.png,
// demo-satisfaction.png); a page that downloads the fee module only when it asks for it;
// and the shared vectors run inside the browser (written to
// target/vectors/chromium/ for scripts/compare-vectors).
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
    const working = e.calendarIsWorkingDay('2026-10-10').working;
    let refused;
    try {
      e.feeApportion('1.00', ['1', '2']);
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
    const { parts } = e.feeApportion('1.00', ['1', '2']);
    e.free();
    return { loaded: window.wuye.isModuleLoaded('fees'), parts };
  });
  assert.deepEqual(after, { loaded: true, parts: ['0.33', '0.67'] });
  assert.deepEqual(wasm, ['wuye_desk_bg.wasm', 'wuye_fees_bg.wasm']);
  // The service-log figures: an engine keeps its desk in the module it is made in, so one made
  // before the reports module is loaded refuses them (its desk untouched), before and after
  // the load; one made after answers them, one restored from the first's state too.
  const reports = await page.evaluate(async () => {
    const period = { from: '2026-09-30T00:00:00+08:00', to: '2026-10-01T00:00:00+08:00' };
    const refusal = (e) => {
      try {
        e.kpiReport(period.from, period.to);
        return 'answered';
      } catch (err) {
        return `${err.name} ${err.status} ${err.code}: ${err.message}`;
      }
    };
    const e = new window.wuye.Engine();
    e.requestRegister(
      { id: 'WY1', kind: 'repair', priority: 'normal', channel: 'phone', location: { unit: '5-2-1101' }, reporter: { kind: 'owner', name: '李先生', phone: '13912345678' }, description: '漏水' },
      { role: 'agent', id: 'kf01' },
      '2026-09-30T09:00:00+08:00',
    );
    const state = JSON.stringify(e.engineExport());
    const before = refusal(e);
    await window.wuye.loadModule('reports');
    const after = refusal(e);
    const untouched = JSON.stringify(e.engineExport()) === state;
    const made = new window.wuye.Engine();
    const fresh = made.kpiReport(period.from, period.to).requests.registered;
    const copy = window.wuye.Engine.fromState(e.engineExport().state);
    const copied = copy.kpiReport(period.from, period.to).requests.registered;
    const raw = e.callJson(`{"v":1,"op":"kpi.report","args":{"from":"${period.from}","to":"${period.to}"}}`);
    for (const x of [e, made, copy]) x.free();
    return { before, after, untouched, fresh, copied, raw: JSON.parse(raw).error.code };
  });
  assert.deepEqual(reports, {
    before:
      "UnknownOperationError 5 module_not_loaded: operation \"kpi.report\" is in the reports module, which is not loaded: await loadModule('reports') before creating the engine",
    after:
      "UnknownOperationError 5 module_not_loaded: operation \"kpi.report\" is in the reports module, which was loaded after this engine was created: create the engine after await loadModule('reports') (Engine.fromState(engine.engineExport().state) copies this one)",
    untouched: true,
    fresh: 0,
    copied: 1,
    raw: 'module_not_loaded',
  });
  assert.deepEqual(wasm, ['wuye_desk_bg.wasm', 'wuye_fees_bg.wasm', 'wuye_reports_bg.wasm']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the satisfaction panel 满意度: the sample day, typed survey answers, the console’s own requests', async () => {
  const { page, errors } = await openPage('bindings/js/demo/index.html');
  const message = async () => ((await page.isVisible('#message')) ? page.textContent('#message') : '');
  const texts = (sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent));
  const group = (key) => texts(`#sat-groups tr[data-key="${key}"] td`);
  const overall = () => texts('#sat-overall td');
  const kpi = (key) => page.textContent(`#kpi tr[data-kpi="${key}"] td.value`);
  const kpiCi = (key) => page.textContent(`#kpi tr[data-kpi="${key}"] td.ci`);
  const onTime = (clock) => texts(`#kpi-ontime tr[data-clock="${clock}"] td`);

  assert.equal(await page.isDisabled('.tab[data-tab="satisfaction"]'), false);
  await page.click('.tab[data-tab="satisfaction"]');
  assert.equal(await page.isVisible('#tab-satisfaction'), true);

  // (a) The console has handled nothing yet: the sample day 2026-09-30 (cli/data/sample-estate/
  // day.json), its figures worked out by hand in cli/tests/cli.rs (Wilson bounds with Python's
  // decimal). Callbacks: 工程部 001 5, 003 2 then 5, 005 5, 002 5 → 4 of 5, mean 22/5; 安管部
  // 012 4 → 1 of 1; overall 5 of 6, mean 26/6; 004 unreachable three times (工程部).
  assert.equal(await page.inputValue('#sat-source'), 'sample');
  assert.deepEqual([await page.inputValue('#sat-from'), await page.inputValue('#sat-to')], ['2026-09-30', '2026-10-01']);
  // Columns: group, satisfied/answers, 满意率, CI, mean, unreachable, reached/due, coverage, CI.
  assert.deepEqual((await group('engineering')).slice(0, 6), ['工程部 engineering', '4/5', '80.00%', '[37.55, 96.38]', '4.4000', '3']);
  assert.deepEqual((await group('security')).slice(0, 5), ['安管部 security', '1/1', '100.00%', '[20.65, 100.00]', '4.0000']);
  assert.deepEqual(await overall(), ['合计 Overall', '5/6', '83.33%', '[43.64, 97.00]', '4.3333', '3', '6/7', '85.71%', '[48.68, 97.44]']);
  // Rounds replied: 001, 003 twice, 002, 004, 005, 012 = 7; 004 closed unreachable at 17:00.
  assert.match(await page.textContent('#sat-coverage'), /7 轮 rounds .* 6 已回访 reached, 1 联系不上关闭 closed unreachable, 0 待回访 pending: 85\.71% \[48\.68, 97\.44\]/);
  assert.match(await page.textContent('#sat-check'), /一致 the same figures/);
  // Time to accept (business s): 0, 0, 300, 420, 420, 480, 600, 600, 600, 900, 900 → median
  // the 6th, p90 the ⌈9.9⌉ = 10th; complete: 0, 0, 5400, 6000, 7800, 9900, 16200 → 4th and 7th.
  assert.equal(await kpi('accept'), 'n 11 · 中位 median 08 分 (480 s) · P90 15 分 (900 s)');
  assert.equal(await kpi('complete'), 'n 7 · 中位 median 1 小时 40 分 (6000 s) · P90 4 小时 30 分 (16200 s)');
  assert.deepEqual(await onTime('arrive'), ['到场 arrive', '9', '1', '90.00%', '[59.58, 98.22]']); // 004: 1:35 of 1:00
  assert.deepEqual((await onTime('dispatch')).slice(1, 4), ['11', '0', '100.00%']);
  assert.equal(await kpi('reopened'), '1/6 = 16.67%'); // 003
  assert.equal(await kpiCi('reopened'), '[3.00, 56.36]');
  assert.equal(await kpi('first_time_right'), '5/6 = 83.33%');
  assert.equal(await kpi('complaints'), '1 ÷ 1860 户 × 100 = 0.05'); // 012; 100/1860 = 0.0537…
  // Closed with work on the day: 001, 002, 003, 004, 005, 008, 012, 013; draws under “翠湖花园
  // 2026-09” (FNV-1a + SplitMix64 in Python): 5577, 763, 1911, 7765, 4594, 7332, 198, 6585.
  assert.equal(await page.textContent('[data-testid="sample-result"]'), '抽中 3 / 8 件已关闭工单 selected of the closed requests');
  assert.deepEqual(await texts('#sample-ids li'), ['WY20260930-002', 'WY20260930-003', 'WY20260930-012']);
  // A rate with three decimals is refused by the library and shown to the staff.
  await page.fill('#sample-value', '12.345');
  await page.click('[data-testid="sample"]');
  assert.match(await message(), /RefusedError \(status 7, invalid_survey\): rate: 12\.345: at most 2 decimals/);
  await page.fill('#sample-value', '30');
  await page.click('[data-testid="sample"]');
  assert.equal(await message(), '');

  // (b) Survey answers, prefilled from cli/data/sample-estate/survey-ratings.csv (worked out in
  // cli/tests/cli.rs): NPS 9 promoters, 4 detractors of 19 = 500/19 → 26.32 ± 35.26; CSAT 15
  // of 19 = 78.95% [56.66, 91.50].
  assert.equal(await page.textContent('[data-testid="nps"]'), '26.32');
  assert.equal(await page.textContent('[data-testid="nps-margin"]'), '± 35.26');
  assert.match(await page.textContent('[data-testid="nps-detail"]'), /19 份 answers · 95% CI -8\.95 … 61\.58 · SE 17\.99/);
  assert.equal(await page.textContent('[data-testid="csat"]'), '78.95%');
  assert.equal(await page.textContent('[data-testid="csat-ci"]'), '95% CI 56.66 … 91.50');
  // Typed: 10 10 9 8 7 5 3 9 — promoters 10, 10, 9, 9 (4), passives 8, 7 (2), detractors 5, 3 (2)
  // of 8: NPS 100·(4 − 2)/8 = 25.00; SE 100·√((0.5 + 0.25 − 0.25²)/8) = 100·√0.0859375 =
  // 29.3151…; margin 1.96·SE = 57.4576…; 25 ∓ 57.4576… → [−32.4576…, 82.4576…] → −32.46 … 82.46.
  await page.fill('#nps-answers', '10, 10, 9, 8, 7, 5, 3, 9');
  // CSAT typed: 5 4 4 3 5 2 4 5 on 1–5, top two boxes: 6 of 8 = 75.00%; mean 32/8 = 4.0000;
  // Wilson: centre 7.9208/11.8416 = 0.668896…, half 1.96·√(1.5 + 0.9604)/11.8416 = 0.259626…
  // → [0.409270…, 0.928522…] → 40.92 … 92.86.
  await page.fill('#csat-answers', '5 4 4 3 5 2 4 5');
  await page.click('[data-testid="survey"]');
  assert.equal(await message(), '');
  assert.equal(await page.textContent('[data-testid="nps"]'), '25.00');
  assert.equal(await page.textContent('[data-testid="nps-margin"]'), '± 57.46');
  assert.equal(await page.textContent('[data-testid="nps-detail"]'), '8 份 answers · 95% CI -32.46 … 82.46 · SE 29.32');
  assert.equal(
    await page.textContent('[data-testid="nps-groups"]'),
    '推荐者 promoters (9–10) 4 (50.00%) · 被动者 passives (7–8) 2 (25.00%) · 贬损者 detractors (0–6) 2 (25.00%)',
  );
  assert.equal(await page.textContent('[data-testid="csat"]'), '75.00%');
  assert.equal(await page.textContent('[data-testid="csat-ci"]'), '95% CI 40.92 … 92.86');
  assert.equal(await page.textContent('[data-testid="csat-detail"]'), '6/8 满意 in the top 2 boxes of 1–5 · 均值 mean 4.0000');
  // SERVQUAL of the bundled questionnaire (20 owners, 22 items; cli/tests/cli.rs, Python
  // fractions): dimension gaps −729/1520, −137/100, −79/40, −9/10, −2321/1900; overall
  // −45191/38000; weighted by 17 owners' own allocations −3396349/2584000.
  const gap = (d) => page.textContent(`#sq-dims tr[data-dimension="${d}"] td.gapcell b`);
  assert.equal(await gap('tangibles'), '-0.4796');
  assert.equal(await gap('reliability'), '-1.3700');
  assert.equal(await gap('responsiveness'), '-1.9750');
  assert.equal(await gap('assurance'), '-0.9000');
  assert.equal(await gap('empathy'), '-1.2216');
  assert.deepEqual((await texts('#sq-overall td')).slice(2, 5), ['6.2288', '5.0396', '-1.1892']);
  assert.match(
    await page.textContent('[data-testid="sq-weighted"]'),
    /加权差距 weighted gap -1\.3144 .* averaged over 17: 有形性 12\.06 · 可靠性 30\.29 · 响应性 25\.88 · 保证性 17\.94 · 移情性 13\.82/,
  );
  // q11: 刘女士 skipped P11: 19 pairs, E 120/19, P 82/19, gap −2.
  assert.deepEqual((await texts('#sq-items tr[data-item="q11"] td')).slice(3), ['19', '6.3158', '4.3158', '-2.0000']);

  mkdirSync(join(root, 'target/js'), { recursive: true });
  const shot = join(root, 'target/js/demo-satisfaction.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  // An NPS answer of 11 is refused by the library, naming it.
  await page.fill('#nps-answers', '10 11');
  await page.click('[data-testid="survey"]');
  assert.match(await message(), /RefusedError \(status 7, invalid_survey\): answers\[1\]: answer 11 is outside the scale 0–10/);

  // A morning in the console, Monday 2026-03-02 (working hours 08:30–12:00, 13:30–17:30):
  // BX-0301 报修 → 工程部 w01, rated 5 at 11:00 (closed); TS-0301 投诉 → 安管部 李队长, rated 3 at
  // 11:10 (not satisfied: reopened); BX-0302 报修 → 工程部 w02 in the afternoon, replied 15:10,
  // unreachable at 15:30 (pending).
  await page.click('.tab[data-tab="requests"]');
  const setNow = async (t) => {
    await page.fill('#now', `2026-03-02T${t}:00+08:00`);
    await page.dispatchEvent('#now', 'change');
  };
  const form = '#register';
  const register = async (t, id, kind, unit, name, description) => {
    await setNow(t);
    await page.fill(`${form} [name=id]`, id);
    await page.selectOption(`${form} [name=kind]`, kind);
    await page.selectOption(`${form} [name=priority]`, 'normal');
    await page.selectOption(`${form} [name=locationKind]`, 'unit');
    await page.fill(`${form} [name=location]`, unit);
    await page.selectOption(`${form} [name=reporterKind]`, 'owner');
    await page.fill(`${form} [name=name]`, name);
    await page.fill(`${form} [name=description]`, description);
    await page.click('[data-testid="register"]');
  };
  const at = async (t, id, name, setup) => {
    await setNow(t);
    await page.click(`#requests tr[data-id="${id}"]`);
    if (setup) await setup();
    await page.click(`button[data-step="${name}"]`);
    assert.equal(await message(), '', `${id} ${name} at ${t}`);
  };
  const dispatchTo = (dept, who) => async () => {
    await page.selectOption('#dept', dept);
    await page.fill('#assignee', who);
  };
  const rate = (n) => () => page.selectOption('#rating', String(n));
  await register('09:00', 'BX-0301', 'repair', '3-1-502', '王女士', '厨房水龙头关不紧，一直滴水');
  await at('09:10', 'BX-0301', 'dispatch', dispatchTo('engineering', 'w01'));
  await at('09:20', 'BX-0301', 'accept');
  await register('09:30', 'TS-0301', 'complaint', '4-2-702', '孙先生', '楼上装修噪音');
  await at('09:35', 'TS-0301', 'dispatch', dispatchTo('security', '李队长'));
  await at('09:40', 'BX-0301', 'arrive');
  await at('09:45', 'TS-0301', 'accept');
  await at('10:00', 'TS-0301', 'arrive');
  await at('10:20', 'TS-0301', 'complete');
  await at('10:30', 'BX-0301', 'complete');
  await at('10:40', 'BX-0301', 'reply');
  await at('10:50', 'TS-0301', 'reply');
  await at('11:00', 'BX-0301', 'callback', rate(5));
  assert.equal(await page.getAttribute('[data-testid="stage"]', 'data-stage'), 'closed');
  await at('11:10', 'TS-0301', 'callback', rate(3));
  assert.notEqual(await page.getAttribute('[data-testid="stage"]', 'data-stage'), 'closed'); // reopened
  await register('13:40', 'BX-0302', 'repair', '7-2-1101', '陈先生', '卫生间地漏返味');
  await at('13:45', 'BX-0302', 'dispatch', dispatchTo('engineering', 'w02'));
  await at('14:00', 'BX-0302', 'accept');
  await at('14:20', 'BX-0302', 'arrive');
  await at('15:00', 'BX-0302', 'complete');
  await at('15:10', 'BX-0302', 'reply');
  await at('15:30', 'BX-0302', 'unreachable');

  // Back on the panel: now the console's requests, over the day of the flow [03-02, 03-03).
  await page.click('.tab[data-tab="satisfaction"]');
  assert.equal(await page.inputValue('#sat-source'), 'console');
  assert.deepEqual([await page.inputValue('#sat-from'), await page.inputValue('#sat-to')], ['2026-03-02', '2026-03-03']);
  // Answers 5 and 3: 1 of 2 satisfied = 50.00%, Wilson centre (1 + 1.9208)/5.8416 = 0.5, half
  // 1.96·√(0.5 + 0.9604)/5.8416 = 0.405475… → [9.45, 90.55]; mean 4.0000. Rounds replied: 3;
  // reached 2 (BX-0302 pending after one unreachable attempt): 2/3 = 66.67%, centre
  // 3.9208/6.8416, half 1.96·√(2/3 + 0.9604)/6.8416 → [0.207692…, 0.938511…] → 20.76, 93.86.
  assert.deepEqual(await overall(), ['合计 Overall', '1/2', '50.00%', '[9.45, 90.55]', '4.0000', '1', '2/3', '66.67%', '[20.76, 93.86]']);
  // 工程部: BX-0301's 5 (1 of 1 → [20.65, 100.00]), BX-0302 unreachable once, coverage 1 of 2.
  assert.deepEqual(await group('engineering'), ['工程部 engineering', '1/1', '100.00%', '[20.65, 100.00]', '5.0000', '1', '1/2', '50.00%', '[9.45, 90.55]']);
  // 安管部: TS-0301's 3 is below the desk's threshold 4: 0 of 1 → [0.00, 79.35].
  assert.deepEqual(await group('security'), ['安管部 security', '0/1', '0.00%', '[0.00, 79.35]', '3.0000', '0', '1/1', '100.00%', '[20.65, 100.00]']);
  assert.match(await page.textContent('#sat-coverage'), /3 轮 rounds .* 2 已回访 reached, 0 联系不上关闭 closed unreachable, 1 待回访 pending/);
  assert.match(await page.textContent('#sat-check'), /一致 the same figures/);
  // Time to accept: 600, 600, 900 → median the 2nd (600), p90 the ⌈2.7⌉ = 3rd (900). Time to
  // complete (registration → completion): 5400 (09:00→10:30), 3000 (09:30→10:20), 4800
  // (13:40→15:00) → sorted 3000, 4800, 5400: median 4800, p90 5400.
  assert.equal(await kpi('accept'), 'n 3 · 中位 median 10 分 (600 s) · P90 15 分 (900 s)');
  assert.equal(await kpi('complete'), 'n 3 · 中位 median 1 小时 20 分 (4800 s) · P90 1 小时 30 分 (5400 s)');
  assert.deepEqual(await onTime('accept'), ['接单 accept', '3', '0', '100.00%', '[43.84, 100.00]']); // 10, 10, 15 min of 30
  // Closed after a callback round: BX-0301 only, never reopened or returned.
  assert.equal(await kpi('reopened'), '0/1 = 0.00%');
  assert.equal(await kpi('first_time_right'), '1/1 = 100.00%');
  assert.equal(await kpi('requests'), '受理 3 registered · 关闭 1 closed (1 after work) · 撤销 0 cancelled');
  // One complaint; the households typed: 400 → 1 × 100 ÷ 400 = 0.25.
  await page.fill('#sat-households', '400');
  // A report threshold of 3: both answers count as satisfied, 2 of 2 → [34.23, 100.00].
  await page.selectOption('#sat-threshold', '3');
  await page.click('[data-testid="sat-run"]');
  assert.equal(await kpi('complaints'), '1 ÷ 400 户 × 100 = 0.25');
  assert.deepEqual((await overall()).slice(1, 4), ['2/2', '100.00%', '[34.23, 100.00]']);
  assert.deepEqual((await group('security')).slice(1, 3), ['1/1', '100.00%']);
  // By kind: 投诉 complaint and 报修 repair, in key order.
  await page.selectOption('#sat-by', 'kind');
  await page.click('[data-testid="sat-run"]');
  assert.deepEqual(await texts('#sat-groups td.key'), ['投诉 complaint', '报修 repair']);
  // The callback sample of the day's closed requests (BX-0301): every one at 100%, none at 0%.
  await page.fill('#sample-seed', '2026-03 回访');
  await page.fill('#sample-value', '100');
  await page.click('[data-testid="sample"]');
  assert.equal(await page.textContent('[data-testid="sample-result"]'), '抽中 1 / 1 件已关闭工单 selected of the closed requests');
  assert.deepEqual(await texts('#sample-ids li'), ['BX-0301']);
  await page.fill('#sample-value', '0');
  await page.click('[data-testid="sample"]');
  assert.equal(await page.textContent('[data-testid="sample-result"]'), '抽中 0 / 1 件已关闭工单 selected of the closed requests');
  // The sample day is still one choice away (at the report threshold 3 its answers 5, 2, 5, 5,
  // 5, 4 are still 5 of 6 satisfied).
  await page.selectOption('#sat-source', 'sample');
  assert.deepEqual([await page.inputValue('#sat-from'), await page.inputValue('#sat-to')], ['2026-09-30', '2026-10-01']);
  assert.deepEqual((await overall()).slice(1, 4), ['5/6', '83.33%', '[43.64, 97.00]']);

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
