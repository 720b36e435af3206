// The satisfaction panel 满意度 of the demo. (a) From the service log: 回访满意率 by group with
// its Wilson interval, callback coverage 回访覆盖率, the service KPIs 服务指标 and the callback
// sample 回访抽样 — of the requests this console has handled, or of the sample day 示例日
// (sample-day.json, a copy of cli/data/sample-estate/day.json) when it has none. (b) Survey
// answers: NPS and CSAT of the answers typed in, SERVQUAL/SERVPERF of the bundled sample
// questionnaire (survey-sample.json, a copy of cli/data/sample-estate/survey-*.csv). Every
// figure comes from the WASM build; this file gathers input, calls the engine and formats what
// it returns (figures stay the library's strings; null is shown as "—", no data).
import { Engine, loadModule } from '../index.js';
import { playDay, dayPeriod } from './sample-day.js';
import { KIND, CLOCK, el } from './common.js';

const $ = (sel) => document.querySelector(sel);

const DEPARTMENT = {
  engineering: '工程部',
  cleaning: '保洁部',
  security: '安管部',
  greening: '绿化部',
  office: '办公室',
  customer_service: '客服部',
};
const BY = { department: '部门 Department', assignee: '处理人 Assignee', kind: '类型 Kind', month: '月份 Month', all: '—' };
const DIMENSION = {
  tangibles: '有形性 tangibles',
  reliability: '可靠性 reliability',
  responsiveness: '响应性 responsiveness',
  assurance: '保证性 assurance',
  empathy: '移情性 empathy',
};

// ---- formatting only ---------------------------------------------------------------------

const dash = (v) => (v === null || v === undefined ? '—' : v);
const pct = (p) => (p.percent === null ? '—' : `${p.percent}%`);
const interval = (i) => (i ? `[${i.low}, ${i.high}]` : '—');
const ratio = (p) => `${p.count}/${p.total}`;

/** Business seconds -> "1 小时 40 分" (as the library counted them), null -> "—". */
function duration(s) {
  if (s === null || s === undefined) return '—';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts = [];
  if (h) parts.push(`${h} 小时`);
  parts.push(`${String(m).padStart(2, '0')} 分`);
  if (sec) parts.push(`${String(sec).padStart(2, '0')} 秒`);
  return parts.join(' ');
}

/** "YYYY-MM-DD" -> the instant of its 00:00 in UTC+8 (the page's calendar); else as typed. */
const dayStart = (date) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+08:00` : date);
const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Answers typed in a box: whole numbers separated by spaces, commas or 、; anything else is
 * passed on as typed, for the library to refuse (a survey answer is a JSON integer).
 */
function answers(textValue) {
  return textValue
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
    .map((t) => (/^-?\d+$/.test(t) ? Number(t) : t));
}

function groupName(by, key) {
  if (by === 'department') return `${DEPARTMENT[key] ?? key} ${key}`;
  if (by === 'kind') return `${KIND[key] ?? key} ${key}`;
  return key;
}

/**
 * Sets up the panel. `engine` is the console's engine, `events()` its event log so far,
 * `attempt(fn)` runs a call and shows a WuyeError to the staff (returns null).
 */
export async function initSatisfaction({ engine, events, attempt }) {
  // The survey scores (NPS, CSAT, SERVQUAL) are in their own WASM module, and the service-log
  // figures in the reports module (the desk with them; demo.js loads it before making the
  // console's engine, so that engine's desk is there), both awaited here.
  const [day, survey] = await Promise.all([
    ...['./sample-day.json', './survey-sample.json'].map(async (f) => (await fetch(new URL(f, import.meta.url))).json()),
    loadModule('survey'),
    loadModule('reports'),
  ]);
  // The sample day is played once, on its own engine, when first shown.
  let sample = null;
  const sampleDay = () => {
    if (!sample) {
      const e = new Engine();
      sample = { engine: e, events: playDay(e, day) };
    }
    return sample;
  };
  const source = () => $('#sat-source').value;
  const sourceEngine = () => (source() === 'sample' ? sampleDay().engine : engine);
  const sourceEvents = () => (source() === 'sample' ? sampleDay().events : events());
  let sourceChosen = false; // the user picked a source: keep it
  let periodEdited = false; // the user typed a period: keep it until the source changes

  $('#sat-sample-title').textContent =
    `示例数据 Sample data: ${day.title} — cli/data/sample-estate/day.json; ${survey.servqual.title} and ${survey.ratings.title} — survey-servqual.csv, survey-ratings.csv.`;

  /** The default period of the source: the sample's day, or the console's days so far. */
  function defaultPeriod() {
    if (source() === 'sample') {
      const { from, to } = dayPeriod(day.date);
      return [from.slice(0, 10), to.slice(0, 10)];
    }
    const requests = Object.values(engine.engineExport().state.requests).map((r) => r.request);
    if (!requests.length) return [$('#now').value.slice(0, 10), nextDay($('#now').value.slice(0, 10))];
    const first = requests.map((r) => r.registered_at.slice(0, 10)).sort()[0];
    const last = [...requests.map((r) => r.last_event_at.slice(0, 10)), $('#now').value.slice(0, 10)].sort().at(-1);
    return [first, nextDay(last)];
  }

  function setDefaults() {
    if (!sourceChosen) $('#sat-source').value = engine.engineInfo().requests > 0 ? 'console' : 'sample';
    if (!periodEdited) [$('#sat-from').value, $('#sat-to').value] = defaultPeriod();
    const n = engine.engineInfo().requests;
    $('#sat-source-note').textContent =
      source() === 'sample'
        ? `示例日 ${day.title}: ${day.steps.length} steps played on an engine in this page` +
          (n ? '' : ' — the console has handled no request yet')
        : `前台工作台 ${n} 件工单 requests handled in the console (工单 tab)`;
  }

  function period() {
    return { from: dayStart($('#sat-from').value.trim()), to: dayStart($('#sat-to').value.trim()) };
  }

  function renderFigures(tr, f) {
    tr.append(
      el('td', { class: 'num ratio' }, ratio(f.satisfied)),
      el('td', { class: 'num pct' }, pct(f.satisfied)),
      el('td', { class: 'ci' }, interval(f.satisfied.interval)),
      el('td', { class: 'num mean' }, dash(f.mean_rating)),
      el('td', { class: 'num unreachable' }, f.unreachable),
      el('td', { class: 'num cov-ratio' }, ratio(f.coverage.rate)),
      el('td', { class: 'num cov-pct' }, pct(f.coverage.rate)),
      el('td', { class: 'cov-ci' }, interval(f.coverage.rate.interval)),
    );
    return tr;
  }

  function renderCallbacks(r) {
    $('#sat-by-head').textContent = BY[r.by];
    $('#sat-threshold-note').textContent = `满意 = rated ${r.threshold} of 5 or better`;
    $('#sat-groups').replaceChildren(
      ...(r.groups.length
        ? r.groups.map((g) => renderFigures(el('tr', { dataset: { key: g.key } }, el('td', { class: 'key' }, groupName(r.by, g.key))), g))
        : [el('tr', { class: 'empty' }, el('td', { colspan: 9 }, r.by === 'all' ? '不分组 no breakdown' : '无回访 no callbacks in the period'))]),
    );
    $('#sat-overall').replaceChildren(...renderFigures(el('tr'), r.overall).children);
    $('#sat-overall').prepend(el('td', {}, '合计 Overall'));
    const c = r.overall.coverage;
    $('#sat-coverage').textContent =
      `回访覆盖率 callback coverage: ${c.due} 轮 rounds replied in the period — ${c.reached} 已回访 reached, ` +
      `${c.closed_unreachable} 联系不上关闭 closed unreachable, ${c.pending} 待回访 pending: ` +
      `${pct(c.rate)} ${interval(c.rate.interval)}`;
  }

  function kpiRow(key, label, value, ci = '') {
    return el('tr', { dataset: { kpi: key } }, el('th', {}, label), el('td', { class: 'value' }, value), el('td', { class: 'ci' }, ci));
  }

  function renderKpis(k) {
    const secs = (v) => (v === null ? '—' : `${duration(v)} (${v} s)`);
    const d = (x) => `n ${x.count} · 中位 median ${secs(x.median_seconds)} · P90 ${secs(x.p90_seconds)}`;
    const rate = (key, label, p) => kpiRow(key, label, `${ratio(p)} = ${pct(p)}`, interval(p.interval));
    const per100 = k.complaints.per_100_households;
    $('#kpi').replaceChildren(
      kpiRow(
        'requests',
        '工单 Requests',
        `受理 ${k.requests.registered} registered · 关闭 ${k.requests.closed} closed (${k.requests.closed_after_work} after work) · 撤销 ${k.requests.cancelled} cancelled`,
      ),
      kpiRow('accept', '接单时长 Time to accept', d(k.accept)),
      kpiRow('complete', '完成时长 Time to complete', d(k.complete)),
      rate('reopened', '重开率 Reopen rate', k.reopened),
      rate('first_time_right', '一次解决率 First-time-right', k.first_time_right),
      rate('coverage', '回访覆盖率 Callback coverage', k.coverage.rate),
      kpiRow(
        'complaints',
        '百户投诉率 Complaints per 100 households',
        per100 === null
          ? `${k.complaints.count} 件投诉 complaints (no households given)`
          : `${k.complaints.count} ÷ ${k.complaints.households} 户 × 100 = ${per100}`,
      ),
    );
    $('#kpi-ontime').replaceChildren(
      ...k.on_time.map((o) =>
        el(
          'tr',
          { dataset: { clock: o.clock } },
          el('td', {}, CLOCK[o.clock]),
          el('td', { class: 'num' }, o.met),
          el('td', { class: 'num' }, o.breached),
          el('td', { class: 'num pct' }, pct(o.rate)),
          el('td', { class: 'ci' }, interval(o.rate.interval)),
        ),
      ),
    );
  }

  function runSample() {
    const seed = $('#sample-seed').value;
    const value = $('#sample-value').value.trim();
    const options = { ...period() };
    if ($('#sample-mode').value === 'rate') options.rate = value;
    else options.size = /^\d+$/.test(value) ? Number(value) : value;
    const r = attempt(() => sourceEngine().surveySample(seed, options));
    if (!r) return false;
    $('#sample-result').textContent = `抽中 ${r.selected.length} / ${r.considered} 件已关闭工单 selected of the closed requests`;
    $('#sample-ids').replaceChildren(...r.selected.map((id) => el('li', {}, id)));
    if (!r.selected.length) $('#sample-ids').append(el('li', { class: 'muted' }, '无 none'));
    return true;
  }

  function runService() {
    const by = $('#sat-by').value;
    const t = $('#sat-threshold').value;
    const threshold = t === '' ? null : Number(t);
    const h = $('#sat-households').value.trim();
    const households = h === '' ? null : /^\d+$/.test(h) ? Number(h) : h;
    const e = sourceEngine();
    const { from, to } = period();
    const r = attempt(() => e.surveyCallbacks(from, to, { by, threshold }));
    if (!r) return false;
    const k = attempt(() => e.kpiReport(from, to, { households }));
    if (!k) return false;
    // The same figures from the source's event log on another engine (what a host with only
    // the log would run): they must agree.
    const log = sourceEvents();
    const checker = new Engine();
    const again = attempt(() => checker.surveyCallbacks(from, to, { by, threshold, events: log }));
    checker.free();
    renderCallbacks(r);
    renderKpis(k);
    $('#sat-check').textContent =
      again && JSON.stringify(again) === JSON.stringify(r)
        ? `由事件日志复核 from the event log (${log.length} 条 events, survey.callbacks with events): 一致 the same figures`
        : 'the figures from the event log disagree';
    return runSample();
  }

  // ---- (b) survey answers ------------------------------------------------------------------

  function distribution(counts, min) {
    const max = Math.max(1, ...counts);
    return el(
      'div',
      { class: 'dist' },
      ...counts.map((n, k) =>
        el('span', { class: 'bar', title: `${min + k}: ${n}` }, el('i', { style: `height:${Math.round((n / max) * 48)}px` }), el('b', {}, min + k), el('small', {}, n)),
      ),
    );
  }

  function runNps() {
    const r = attempt(() => engine.surveyNps(answers($('#nps-answers').value)));
    if (!r) return false;
    const share = (s) => `${s.count} (${s.percent === null ? '—' : `${s.percent}%`})`;
    $('#nps-value').textContent = dash(r.nps);
    $('#nps-margin').textContent = r.margin === null ? '± —' : `± ${r.margin}`;
    $('#nps-detail').textContent =
      `${r.answers} 份 answers · 95% CI ${r.interval ? `${r.interval.low} … ${r.interval.high}` : '—'} · SE ${dash(r.standard_error)}`;
    $('#nps-groups').textContent =
      `推荐者 promoters (9–10) ${share(r.promoters)} · 被动者 passives (7–8) ${share(r.passives)} · 贬损者 detractors (0–6) ${share(r.detractors)}`;
    $('#nps-dist').replaceChildren(distribution(r.distribution, 0));
    return true;
  }

  function runCsat() {
    const [min, max] = $('#csat-scale').value.split('-').map(Number);
    const top = $('#csat-top').value.trim();
    const r = attempt(() =>
      engine.surveyCsat(answers($('#csat-answers').value), { scale: { min, max }, top_boxes: /^\d+$/.test(top) ? Number(top) : top }),
    );
    if (!r) return false;
    $('#csat-value').textContent = pct(r.csat);
    $('#csat-ci').textContent = `95% CI ${r.csat.interval ? `${r.csat.interval.low} … ${r.csat.interval.high}` : '—'}`;
    $('#csat-detail').textContent = `${r.csat.count}/${r.csat.total} 满意 in the top ${r.top_boxes} boxes of ${r.scale.min}–${r.scale.max} · 均值 mean ${dash(r.mean)}`;
    $('#csat-dist').replaceChildren(distribution(r.distribution, r.scale.min));
    return true;
  }

  function gapBar(gap, span) {
    if (gap === null) return el('span', { class: 'muted' }, '—');
    const w = Math.min(100, (Math.abs(Number(gap)) / span) * 100);
    return el('span', { class: 'gap' }, el('i', { class: Number(gap) < 0 ? 'neg' : 'pos', style: `width:${w}%` }), el('b', {}, gap));
  }

  function runServqual() {
    const q = survey.servqual;
    const options = { scale: q.scale }; // the standard 22 items
    const r = attempt(() => engine.surveyServqual(q.responses, options));
    const perf = r && attempt(() => engine.surveyServperf(q.responses, options));
    if (!r || !perf) return false;
    const span = q.scale.max - q.scale.min;
    $('#sq-title').textContent = `${q.title} · ${r.respondents} 位受访者 respondents`;
    $('#sq-dims').replaceChildren(
      ...r.dimensions.map((d, k) =>
        el(
          'tr',
          { dataset: { dimension: d.dimension } },
          el('td', {}, DIMENSION[d.dimension]),
          el('td', { class: 'num' }, d.items),
          el('td', { class: 'num e' }, dash(d.expectation)),
          el('td', { class: 'num p' }, dash(d.perception)),
          el('td', { class: 'gapcell' }, gapBar(d.gap, span)),
          el('td', { class: 'num perf' }, dash(perf.dimensions[k].perception)),
        ),
      ),
    );
    $('#sq-overall').replaceChildren(
      el('td', {}, '总体 Overall (mean of the five)'),
      el('td', {}),
      el('td', { class: 'num e' }, dash(r.overall.expectation)),
      el('td', { class: 'num p' }, dash(r.overall.perception)),
      el('td', { class: 'gapcell' }, gapBar(r.overall.gap, span)),
      el('td', { class: 'num perf' }, dash(perf.overall)),
    );
    const w = r.weighted;
    $('#sq-weighted').textContent = w
      ? `加权差距 weighted gap ${dash(w.gap)} · SERVPERF ${dash(perf.weighted?.perception)} — ${
          w.source === 'respondents' ? `受访者自评权重 the respondents' own weights, averaged over ${w.respondents}` : '固定权重 fixed weights'
        }: ${Object.entries(w.weights)
          .map(([d, v]) => `${DIMENSION[d].split(' ')[0]} ${v}`)
          .join(' · ')}`
      : '加权差距 weighted gap — (no weights given)';
    const label = Object.fromEntries(q.items.map((i) => [i.id, i]));
    $('#sq-items').replaceChildren(
      ...r.items.map((i) =>
        el(
          'tr',
          { dataset: { item: i.id } },
          el('td', {}, i.id),
          el('td', {}, `${label[i.id]?.zh ?? ''} ${label[i.id]?.en ?? ''}`),
          el('td', {}, DIMENSION[i.dimension].split(' ')[0]),
          el('td', { class: 'num' }, i.answered),
          el('td', { class: 'num' }, dash(i.expectation)),
          el('td', { class: 'num' }, dash(i.perception)),
          el('td', { class: 'num' }, dash(i.gap)),
        ),
      ),
    );
    return true;
  }

  // ---- wiring ------------------------------------------------------------------------------

  $('#nps-answers').value = survey.ratings.nps.join(' ');
  $('#csat-answers').value = survey.ratings.csat.join(' ');
  $('#ratings-title').textContent = survey.ratings.title;

  $('#sat-source').addEventListener('change', () => {
    sourceChosen = true;
    periodEdited = false;
    setDefaults();
    runService();
  });
  for (const id of ['#sat-from', '#sat-to']) $(id).addEventListener('input', () => (periodEdited = true));
  $('#sat-run').addEventListener('submit', (ev) => {
    ev.preventDefault();
    runService();
  });
  $('#sat-sample').addEventListener('submit', (ev) => {
    ev.preventDefault();
    runSample();
  });
  $('#survey-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (runNps()) runCsat();
  });
  document.querySelector('.tab[data-tab="satisfaction"]').addEventListener('click', () => {
    setDefaults();
    runService();
  });

  runServqual();
  runNps();
  runCsat();
}
