// The bills panel 账单 of the demo: the sample estate's schedule and units (a copy of
// cli/data/sample-estate/fees, sample-estate.json) loaded into a WASM engine, a period billed in
// the browser, each unit's bill with its lines and their traces 计算过程, and one account's
// payment, late fees 滞纳金 and arrears 账龄. Every figure comes from the WASM build (its fee
// module, loaded here); this file gathers input, calls the engine and formats what it returns
// (money stays a decimal string).
import { Engine, loadModule } from '../index.js';
import { el } from './common.js';

const $ = (sel) => document.querySelector(sel);

const STATE = { not_handed_over: '未交房', occupied: '已入住', vacant: '空置', renovating: '装修中' };
const MODE = { half_up: '四舍五入 half up', half_even: '银行家舍入 half even', up: '进位 up', down: '舍去 down' };
const UNIT = { fen: '分 fen', jiao: '角 jiao', yuan: '元 yuan' };
const POINT = { per_month: '按月 per month', per_line: '按行 per line' };
const PART = { principal: '本金', late_fee: '滞纳金' };
const INPUT = {
  building_area: '建筑面积 building area',
  inner_area: '套内面积 inner area',
  quantity: '数量 quantity',
  period: '账期 period',
  subscription: '订购 subscription',
  prepayment_discount: '预交优惠 prepayment discount %',
  reading_date: '抄表日 reading date',
  previous: '上次读数 previous',
  current: '本次读数 current',
  consumption: '用量 consumption',
  year_to_date: '年累计 year to date',
  wraps_at: '翻表值 wraps at',
  old_final: '旧表止码 old final',
  new_initial: '新表起码 new initial',
  date: '日期 date',
  note: '说明 note',
  entry: '入场 entry',
  exit: '出场 exit',
  plate: '车牌 plate',
  minutes: '分钟 minutes',
  amount: '公摊总额 amount',
  weight: '本户权重 weight',
  total_weight: '总权重 total weight',
  units: '分摊户数 units',
};

function table(head, rows, cls = 'trace-table') {
  return el(
    'table',
    { class: cls },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))),
  );
}

/**
 * Sets up the panel. `attempt(fn)` runs a call and shows a WuyeError to the staff (returns null).
 * Resolves once the sample estate is fetched and loaded.
 */
export async function initBills({ attempt, show }) {
  // The fee operations are in their own WASM module, fetched here (the desk's is loaded with
  // the package); a page without a bills panel never downloads it.
  const [sample] = await Promise.all([
    fetch(new URL('./sample-estate.json', import.meta.url)).then((r) => r.json()),
    loadModule('fees'),
  ]);
  const fees = new Engine();
  const { schedule, units } = sample;
  const loaded = fees.feeLoadEstate(schedule, units);
  const itemName = Object.fromEntries(schedule.items.map((i) => [i.code, i.name]));
  const typeName = Object.fromEntries(schedule.unit_types.map((t) => [t.code, t.name]));
  const unitOf = Object.fromEntries(units.map((u) => [u.id, u]));
  let bills = [];
  let period = '';
  let selected = sample.account.account;

  $('#estate-name').textContent = `${schedule.estate} (${loaded.units} 户 units, ${loaded.items.length} 个收费项目 items)`;
  $('#acc-unit').textContent = sample.account.account;
  const rule = schedule.account?.late_fee;
  $('#lf-rule').textContent = rule
    ? `日费率 ${rule.daily_rate} a day, 宽限 ${rule.grace_days ?? 0} 天 grace${rule.cap_percent ? `, 封顶 capped at ${rule.cap_percent}% of the principal` : ''}`
    : 'no late fees';

  function renderLine(line) {
    const t = line.trace;
    const box = el('div', { class: 'bline', dataset: { item: line.item } });
    box.append(
      el(
        'div',
        { class: 'bline-head' },
        el('b', {}, line.name),
        el('code', {}, line.item),
        el('span', { class: 'due' }, `到期 due ${line.due}`),
        el('span', { class: `badge ${line.late_fee ? 'lf-yes' : 'lf-no'}` }, line.late_fee ? '计滞纳金' : '不计滞纳金 no late fee'),
        el('span', { class: 'amount' }, `¥ ${line.amount}`),
      ),
      el('p', { class: 'formula' }, el('span', { class: 'muted' }, '公式 Formula: '), t.formula),
      el(
        'div',
        { class: 'inputs' },
        ...Object.entries(t.inputs).map(([k, v]) => el('span', { class: 'chip' }, el('i', {}, INPUT[k] ?? k), ` ${v}`)),
      ),
    );
    if (t.segments?.length) {
      box.append(
        table(
          ['起止 From–to', '天数 Days', '单价 Rate', '状态 State', '折扣 Discount', '金额 Exact'],
          t.segments.map((s) => [
            `${s.from} – ${s.to}`,
            `${s.days}/${s.month_days}`,
            s.rate,
            `${STATE[s.state]} ${s.state}`,
            `${s.discount}%`,
            s.amount,
          ]),
        ),
      );
    }
    if (t.tiers?.length) {
      box.append(
        table(
          ['阶梯 Tier', '区间 Range', '用量 Quantity', '单价 Price', '金额 Amount'],
          t.tiers.map((x) => [`第${x.tier}阶梯`, `${x.from} – ${x.to ?? ''}`, x.quantity, x.price, x.amount]),
        ),
      );
    }
    if (t.rounding) {
      const r = t.rounding;
      box.append(
        el(
          'p',
          { class: 'rounding' },
          el('span', { class: 'muted' }, `舍入 Rounding ${MODE[r.mode]} to the ${UNIT[r.unit]}, ${POINT[r.point]}: `),
          r.steps.map((s) => `${s.of} ${s.exact} → ${s.amount}`).join(' · '),
        ),
      );
    }
    box.append(el('ol', { class: 'trace-text' }, ...t.text.map((x) => el('li', {}, x))));
    return box;
  }

  function renderDetail() {
    const bill = bills.find((b) => b.unit === selected);
    const card = $('#bill-detail');
    if (!bill) {
      card.hidden = true;
      return;
    }
    card.hidden = false;
    const u = unitOf[bill.unit];
    $('#bd-unit').textContent = bill.unit;
    $('#bd-sub').textContent = `${typeName[u.unit_type]} · ${u.building_area} m² · ${bill.period}`;
    $('#bd-lines').replaceChildren(...(bill.lines.length ? bill.lines.map(renderLine) : [el('p', { class: 'muted' }, '无收费明细 No lines')]));
    $('#bd-total').textContent = `¥ ${bill.total}`;
    for (const tr of document.querySelectorAll('#bills tr')) tr.classList.toggle('selected', tr.dataset.unit === selected);
  }

  function states(u) {
    if (!u.states?.length) return '';
    return u.states.map((s) => `${s.from} 起${STATE[s.state]}`).join('，');
  }

  function runBills() {
    period = $('#bill-period').value.trim();
    const inputs = $('#bill-inputs').checked ? sample.inputs : {};
    const result = attempt(() => fees.feeBill(period, inputs));
    if (!result) return false;
    // The same run compactly (what a host stores for a whole estate): it must agree.
    const compact = attempt(() => fees.feeBillEstate(period, inputs));
    if (!compact) return false;
    bills = result.bills;
    $('#bills').replaceChildren(
      ...bills.map((b) => {
        const u = unitOf[b.unit];
        const tr = el(
          'tr',
          { dataset: { unit: b.unit } },
          el(
            'td',
            { class: 'unit' },
            el('b', {}, b.unit),
            el('small', {}, `${typeName[u.unit_type]} · ${u.building_area} m²`),
            el('small', { class: 'muted' }, states(u)),
          ),
          el('td', { class: 'items' }, `${b.lines.length} 条: ${b.lines.map((l) => itemName[l.item]).join('、')}`),
          el('td', { class: 'num total' }, b.total),
        );
        tr.addEventListener('click', () => {
          selected = b.unit;
          renderDetail();
        });
        return tr;
      }),
    );
    const lines = bills.reduce((n, b) => n + b.lines.length, 0);
    $('#bills-note').textContent = `${bills.length} 户 bills · ${period}`;
    $('#bills-lines').textContent = `${lines} 条 lines`;
    $('#bills-total').textContent = result.total;
    $('#bills-check').textContent =
      compact.total === result.total && compact.lines.amount.length === lines
        ? `整体出账 fee.bill_estate: ${compact.lines.amount.length} 条, 合计 ${compact.total} — 与逐户账单一致 (same lines and total as the traced bills)`
        : `fee.bill_estate disagrees: ${compact.total}`;
    renderDetail();
    return true;
  }

  function describe(e) {
    const allocs = (a) => a.map((x) => `${x.charge} ${PART[x.part]} ${x.amount}`).join('，');
    switch (e.type) {
      case 'charges_posted':
        return `挂账 posted: ${e.charges.map((c) => `${c.id} ${itemName[c.item] ?? c.item} ${c.amount} (到期 ${c.due})`).join('；')}`;
      case 'payment_received':
        return `收款 paid ${e.amount} (${e.receipt}): ${allocs(e.allocations) || '—'}；转预存 to prepaid ${e.to_prepaid}`;
      case 'deposited':
        return `预存 deposited ${e.amount} (${e.receipt})`;
      case 'prepaid_applied':
        return `预存抵扣 prepaid applied: ${allocs(e.allocations)}`;
      case 'refunded':
        return `退款 refunded ${e.amount} of ${e.receipt}`;
      case 'credited':
        return `冲减 credit note ${e.note}: ${e.charge} −${e.amount}`;
      case 'late_fee_waived':
        return `减免 waived ${e.charge} ${e.amount} (${e.reason})`;
      default:
        return e.type;
    }
  }

  /** The account script of cli/data/sample-estate/fees/account.json with the form's values. */
  function runAccount() {
    const bill = bills.find((b) => b.unit === sample.account.account);
    if (!bill) return false;
    const f = new FormData($('#pay'));
    const script = sample.account;
    let account = { id: script.account, policy: schedule.account };
    const events = [];
    const exec = (command) => {
      const r = attempt(() => fees.feeAccountExecute(account, command));
      if (!r) return false;
      account = r.account;
      events.push(...r.events);
      return true;
    };
    const tag = period.replaceAll('-', '').slice(2);
    const steps = [
      ...script.opening,
      {
        type: 'post_charges',
        date: f.get('posted').trim(),
        charges: bill.lines.map((l, k) => ({ id: `B${tag}-${k + 1}`, item: l.item, due: l.due, amount: l.amount, late_fee: l.late_fee })),
      },
      { type: 'pay', receipt: f.get('receipt').trim(), date: f.get('date').trim(), amount: f.get('amount').trim() },
    ];
    for (const s of steps) if (!exec(s)) return false;
    $('#acc-events').replaceChildren(
      ...events.map((e) => el('li', { class: `ev ${e.type}` }, el('time', {}, e.date), el('span', { class: 'what' }, describe(e)))),
    );
    const asOf = f.get('asOf').trim();
    const late = attempt(() => fees.feeAccountLateFees(account, asOf));
    const ageing = late && attempt(() => fees.feeAccountArrears(account, asOf));
    if (!late || !ageing) return false;
    $('#lf-asof').textContent = asOf;
    $('#late-fees').replaceChildren(
      ...late.late_fees.map((l) =>
        el(
          'tr',
          { dataset: { charge: l.charge } },
          el('td', {}, l.charge),
          el('td', {}, itemName[l.item] ?? l.item),
          el('td', {}, l.due),
          el('td', { class: 'how' }, ...l.text.map((x) => el('div', {}, x))),
          el('td', { class: 'num' }, l.outstanding),
        ),
      ),
    );
    $('#lf-total').textContent = late.outstanding;
    $('#arrears').replaceChildren(
      ...ageing.buckets.map((b) =>
        el(
          'tr',
          { dataset: { bucket: b.label }, class: b.charges ? '' : 'zero' },
          el('td', {}, `${b.label} 天`),
          el('td', { class: 'num principal' }, b.principal),
          el('td', { class: 'num late' }, b.late_fee),
          el('td', { class: 'num' }, b.charges),
        ),
      ),
    );
    $('#ar-principal').textContent = ageing.overdue_principal;
    $('#ar-late').textContent = ageing.overdue_late_fee;
    $('#ar-note').textContent = `未到期 not due ${ageing.not_due} · 预存 prepaid ${ageing.prepaid}`;
    return true;
  }

  $('#bill-run').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (runBills()) runAccount();
  });
  $('#pay').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!bills.length && !runBills()) return;
    if (runAccount()) show(`${sample.account.account}: 收款 ${new FormData(ev.target).get('amount')} 已按先到期先冲分配 allocated, oldest due first`, 'info');
  });

  if (runBills()) runAccount();
}
