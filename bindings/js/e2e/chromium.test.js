// End-to-end in headless Chromium (Debian's /usr/bin/chromium through playwright-core): the
// front-desk demo clicked through a repair's whole life with figures worked out by hand, a
// screenshot in target/js/demo.png, and the shared vectors run inside the browser (written to
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
