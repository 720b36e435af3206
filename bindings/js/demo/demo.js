// The front-desk console 前台工作台: a static page on the `wuye` package. Every figure (stages,
// SLA clocks, deadlines, working days, bills) comes from the WASM build; this file only gathers
// input, calls the engine with the page's "now", and formats what it returns. The bills panel
// 账单 is in bills.js, the satisfaction panel 满意度 in satisfaction.js.
import { Engine, WuyeError, libraryVersion, loadModule } from '../index.js';
import { initBills } from './bills.js';
import { initSatisfaction } from './satisfaction.js';
import { KIND, CLOCK } from './common.js';

const $ = (sel) => document.querySelector(sel);
const $$ = (sel) => [...document.querySelectorAll(sel)];

// The console's engine keeps its desk in the module it is made in; the satisfaction panel asks
// for its service-log figures, so the reports module (the desk with them) is loaded first.
await loadModule('reports');
const engine = new Engine();
const log = [];
let selected = null;

const AGENT = { role: 'agent', id: 'kf01' };
const DISPATCHER = { role: 'dispatcher', id: 'dd01' };

const PRIORITY = { emergency: '紧急', high: '高', normal: '一般', low: '低' };
const STAGE = {
  registered: '已受理 registered',
  dispatched: '已派单 dispatched',
  accepted: '已接单 accepted',
  in_progress: '处理中 in progress',
  on_hold: '暂停 on hold',
  completed: '已完工 completed',
  replied: '已回复 replied',
  closed: '已关闭 closed',
  cancelled: '已撤销 cancelled',
};
const STATE = {
  not_started: '未开始 not started',
  running: '计时中 running',
  paused: '暂停 paused',
  met: '达标 met',
  breached: '超时 breached',
  voided: '作废 voided',
};
const CHANGE = {
  registered: '受理登记',
  dispatched: '派单',
  accepted: '接单',
  arrived: '到场',
  held: '暂停',
  resumed: '恢复',
  completed: '完工',
  replied: '回复',
  callback_rated: '回访评价',
  reopened: '重新处理',
  callback_unreachable: '回访未联系上',
  closed_unreachable: '联系不上关闭',
  transferred: '转单',
  returned: '退单',
  cancelled: '撤销',
  closed_without_work: '主动结单',
  escalated: '升级',
};
const ROLE = {
  reporter: '报事人',
  agent: '客服',
  dispatcher: '调度',
  worker: '维修工',
  supervisor: '主管',
  project_manager: '项目经理',
  system: '系统',
};
const HOLD = { waiting_for_parts: '等待配件 waiting for parts', waiting_for_owner: '等待业主 waiting for the owner' };
const DEPARTMENTS = [
  ['engineering', '工程部'],
  ['cleaning', '保洁部'],
  ['security', '安管部'],
  ['greening', '绿化部'],
  ['office', '办公室'],
  ['customer_service', '客服部'],
];
// Which buttons make sense in which stage (a hint for the staff; the library decides).
const STEPS_BY_STAGE = {
  registered: ['dispatch', 'cancel'],
  dispatched: ['accept', 'cancel'],
  accepted: ['arrive', 'hold', 'cancel'],
  in_progress: ['hold', 'complete', 'cancel'],
  on_hold: ['resume', 'cancel'],
  completed: ['reply'],
  replied: ['callback', 'unreachable'],
  closed: [],
  cancelled: [],
};

const now = () => $('#now').value.trim();

function show(text, kind = 'error') {
  const m = $('#message');
  m.textContent = text;
  m.className = `message ${kind}`;
  m.hidden = false;
}

function clearMessage() {
  $('#message').hidden = true;
}

/** Runs a call; a WuyeError is shown to the staff (status, code, message) and returns null. */
function attempt(fn) {
  try {
    const r = fn();
    clearMessage();
    return r;
  } catch (e) {
    if (e instanceof WuyeError) {
      show(`${e.name} (status ${e.status}, ${e.code}): ${e.message}`);
      return null;
    }
    throw e;
  }
}

// ---- formatting only ---------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');
const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "2026-10-09T17:00:00+08:00" -> "2026-10-09 17:00 周五" (the instant as the library gave it). */
function instant(s) {
  if (!s) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s);
  if (!m) return s;
  const wd = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay();
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]} ${WEEKDAY[wd]}`;
}

/** Seconds -> "3 小时 05 分" (business or wall seconds, as the library counted them). */
function duration(s) {
  if (s === null || s === undefined) return '—';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts = [];
  if (h) parts.push(`${h} 小时`);
  parts.push(`${pad(m)} 分`);
  if (sec) parts.push(`${pad(sec)} 秒`);
  return parts.join(' ');
}

/** Moves the page's "now" by some minutes of wall time, keeping the +08:00 offset. */
function addMinutes(text, minutes) {
  const t = Date.parse(text);
  if (Number.isNaN(t)) return text;
  const d = new Date(t + minutes * 60_000 + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

function describe(change) {
  switch (change.type) {
    case 'registered':
      return `${KIND[change.request.kind]} · ${change.request.description}`;
    case 'dispatched':
      return `${DEPARTMENTS.find(([c]) => c === change.department)?.[1] ?? change.department}${change.assignee ? ` → ${change.assignee}` : ''}`;
    case 'accepted':
      return change.assignee;
    case 'held':
      return typeof change.reason === 'string' ? HOLD[change.reason] : change.reason.other;
    case 'completed':
    case 'replied':
      return change.note ?? '';
    case 'callback_rated':
      return `${change.rating} 分${change.comment ? ` · ${change.comment}` : ''} · ${change.satisfied ? '满意' : '不满意'}`;
    case 'reopened':
      return `第 ${change.count} 次`;
    case 'callback_unreachable':
      return `第 ${change.attempt} 次`;
    case 'escalated':
      return `${CLOCK[change.clock]} ${change.percent}% → ${ROLE[change.notify]} (due ${instant(change.due_at)})`;
    case 'cancelled':
    case 'closed_unreachable':
      return change.reason;
    default:
      return '';
  }
}

// ---- rendering -----------------------------------------------------------------------------

function renderLog() {
  $('#log').replaceChildren(
    ...log
      .slice()
      .reverse()
      .map((e) => {
        const li = document.createElement('li');
        li.className = `ev ${e.change.type}`;
        li.innerHTML = `<time></time><b></b><span class="who"></span><span class="what"></span>`;
        li.querySelector('time').textContent = instant(e.at);
        li.querySelector('b').textContent = `${e.request} ${CHANGE[e.change.type] ?? e.change.type}`;
        li.querySelector('.who').textContent = `${ROLE[e.actor.role]} ${e.actor.id}`;
        li.querySelector('.what').textContent = describe(e.change);
        return li;
      }),
  );
}

function renderList() {
  const { state } = engine.engineExport();
  const rows = Object.values(state.requests).map(({ request: r }) => {
    const tr = document.createElement('tr');
    tr.dataset.id = r.details.id;
    if (r.details.id === selected) tr.className = 'selected';
    const loc = r.details.location.unit ?? r.details.location.common_area;
    const cells = [
      r.details.id,
      KIND[r.details.kind],
      PRIORITY[r.details.priority],
      STAGE[r.stage.stage],
      r.stage.assignee ?? '—',
      loc,
    ];
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.append(td);
    }
    tr.addEventListener('click', () => select(r.details.id));
    return tr;
  });
  if (rows.length) $('#requests').replaceChildren(...rows);
}

function renderDetail() {
  if (!selected) return;
  $('#detail').hidden = false;
  const { request: r } = engine.requestGet(selected);
  $('#d-id').textContent = selected;
  const stage = $('#d-stage');
  stage.textContent = STAGE[r.stage.stage];
  stage.className = `badge stage-${r.stage.stage}`;
  stage.dataset.stage = r.stage.stage;
  const loc = r.details.location.unit ?? r.details.location.common_area;
  const who = r.details.reporter.name ? `${r.details.reporter.name} ${r.details.reporter.phone ?? ''}` : '匿名';
  $('#d-desc').textContent = `${KIND[r.details.kind]} · ${PRIORITY[r.details.priority]} · ${loc} · ${who} · 「${r.details.description}」 · 受理 ${instant(r.registered_at)}`;
  const allowed = STEPS_BY_STAGE[r.stage.stage] ?? [];
  for (const b of $$('[data-step]')) b.disabled = !allowed.includes(b.dataset.step);
  renderClocks(r);
}

function renderClocks(r) {
  const tbody = $('#clocks');
  const asOf = now();
  if (asOf < r.last_event_at) {
    tbody.replaceChildren();
    $('#sla-note').textContent = `“Now” is before the last event (${instant(r.last_event_at)}).`;
    return;
  }
  const status = attempt(() => engine.slaStatus(selected, asOf));
  if (!status) return;
  const rows = [];
  for (const cycle of status.cycles) {
    for (const c of cycle.clocks) {
      const tr = document.createElement('tr');
      tr.dataset.clock = c.clock;
      tr.dataset.cycle = cycle.cycle;
      tr.className = `state-${c.state}`;
      const left =
        c.overdue_seconds !== null ? `超时 ${duration(c.overdue_seconds)}` : c.remaining_seconds !== null ? duration(c.remaining_seconds) : '—';
      const cells = [
        ['clock', `${CLOCK[c.clock]}${status.cycles.length > 1 ? ` · 第 ${cycle.cycle + 1} 轮` : ''}`],
        ['target', duration(c.target_seconds) + (c.timing === 'business' ? '' : ' (24×7)')],
        ['state', STATE[c.state]],
        ['elapsed', duration(c.elapsed_seconds)],
        ['left', left],
        ['deadline', instant(c.deadline)],
      ];
      for (const [k, v] of cells) {
        const td = document.createElement('td');
        td.className = k;
        td.textContent = v;
        if (k === 'state') {
          const span = document.createElement('span');
          span.className = `badge state-${c.state}`;
          span.textContent = v;
          td.replaceChildren(span);
        }
        tr.append(td);
      }
      rows.push(tr);
    }
  }
  tbody.replaceChildren(...rows);
  $('#sla-note').textContent = rows.length ? `As of ${instant(status.as_of)}.` : 'No SLA clocks for this kind × priority.';
}

function refresh() {
  renderList();
  renderDetail();
  renderLog();
}

function select(id) {
  selected = id;
  refresh();
}

function record(events) {
  if (!events) return false;
  log.push(...events);
  refresh();
  return true;
}

// ---- actions ---------------------------------------------------------------------------------

$('#register').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const reporterKind = f.get('reporterKind');
  const reporter = { kind: reporterKind };
  if (reporterKind !== 'anonymous') {
    if (f.get('name')) reporter.name = f.get('name');
    if (f.get('phone')) reporter.phone = f.get('phone');
  }
  const request = {
    id: f.get('id').trim(),
    kind: f.get('kind'),
    priority: f.get('priority'),
    channel: f.get('channel'),
    location: { [f.get('locationKind')]: f.get('location') },
    reporter,
    description: f.get('description'),
  };
  const events = attempt(() => engine.requestRegister(request, AGENT, now()).events);
  if (record(events)) {
    select(request.id);
    const m = /^(.*?)(\d+)$/.exec(request.id);
    if (m) ev.target.elements.id.value = m[1] + String(+m[2] + 1).padStart(m[2].length, '0');
  }
});

function command(step) {
  switch (step) {
    case 'dispatch': {
      const assignee = $('#assignee').value.trim();
      return { step, department: $('#dept').value, ...(assignee ? { assignee } : {}) };
    }
    case 'hold':
      return { step, reason: $('#hold-reason').value };
    case 'complete':
    case 'reply':
      return { step, note: $('#note').value || undefined };
    case 'callback': {
      const comment = $('#comment').value.trim();
      return { step, outcome: 'rated', rating: Number($('#rating').value), ...(comment ? { comment } : {}) };
    }
    case 'unreachable':
      return { step: 'callback', outcome: 'unreachable' };
    case 'cancel':
      return { step, reason: '业主撤销 withdrawn by the reporter' };
    default:
      return { step };
  }
}

function actorFor(step) {
  if (step === 'dispatch') return DISPATCHER;
  if (['accept', 'arrive', 'hold', 'resume', 'complete'].includes(step)) {
    const { request: r } = engine.requestGet(selected);
    return { role: 'worker', id: r.stage.assignee ?? ($('#assignee').value.trim() || 'w01') };
  }
  return AGENT;
}

for (const b of $$('[data-step]')) {
  b.addEventListener('click', () => {
    if (!selected) return;
    const step = b.dataset.step;
    record(attempt(() => engine.requestExecute(selected, command(step), actorFor(step), now()).events));
  });
}

$('#tick').addEventListener('click', () => {
  const events = attempt(() => engine.slaTick(now()).events);
  if (events) {
    record(events);
    show(events.length ? `${events.length} 条升级 escalation(s) recorded` : '无到期升级 No escalation due', 'info');
  }
});

for (const b of $$('[data-add]')) {
  b.addEventListener('click', () => {
    $('#now').value = addMinutes(now(), Number(b.dataset.add));
    renderDetail();
  });
}
$('#now').addEventListener('change', renderDetail);

for (const t of $$('.tab')) {
  t.addEventListener('click', () => {
    for (const u of $$('.tab')) u.classList.toggle('active', u === t);
    for (const p of $$('.tabpanel')) p.hidden = p.id !== `tab-${t.dataset.tab}`;
  });
}

$('#q-workday').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const date = new FormData(ev.target).get('date');
  const working = attempt(() => engine.calendarIsWorkingDay(date).working);
  ev.target.querySelector('.answer').textContent =
    working === null ? '—' : `${date}: ${working ? '工作日 working day' : '休息日 day off'}`;
});

$('#q-range').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const days = attempt(() => engine.calendarWorkingDays(f.get('from'), f.get('to')).days);
  ev.target.querySelector('.answer').textContent = days === null ? '—' : `${days} 个工作日 working days`;
});

$('#q-add').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const seconds = Number(f.get('hours')) * 3600 + Number(f.get('minutes')) * 60;
  const at = attempt(() => engine.calendarAdd(f.get('start').trim(), seconds).instant);
  ev.target.querySelector('.answer').textContent = at === null ? '—' : `→ ${at} (${instant(at)})`;
});

$('#dept').replaceChildren(
  ...DEPARTMENTS.map(([code, name]) => {
    const o = document.createElement('option');
    o.value = code;
    o.textContent = `${name} ${code}`;
    return o;
  }),
);
const reporterKind = $('#register [name=reporterKind]');
reporterKind.addEventListener('change', () => {
  for (const n of ['name', 'phone']) $(`#register [name=${n}]`).disabled = reporterKind.value === 'anonymous';
});
$('#version').textContent = `· wuye ${libraryVersion()}`;
await initBills({ attempt, show });
await initSatisfaction({ engine, events: () => log, attempt });
document.body.dataset.ready = 'true';
