// Type-checked (tsc --noEmit, strict) use of the declarations in index.d.ts: the discriminated
// unions narrow as a TypeScript user expects, and wrong shapes are rejected (@ts-expect-error).
import {
  Engine,
  WuyeError,
  RefusedError,
  type Command,
  type Event,
  type Stage,
  type ClockStatus,
  type NewRequest,
  type Actor,
  type ContractRequest,
  type Closure,
} from '../../index.js';

const request: NewRequest = {
  id: 'R1',
  kind: 'repair',
  priority: 'high',
  channel: 'phone',
  location: { unit: '3-1-502' },
  reporter: { kind: 'owner', name: '王女士', phone: '13800000000' },
  description: '厨房水管爆裂',
};
const agent: Actor = { role: 'agent', id: 'kf01' };

const engine = new Engine();
const events: Event[] = engine.register(request, agent, '2026-03-02T08:55:00+08:00');
for (const e of events) {
  if (e.change.type === 'registered') {
    const kind: NewRequest['kind'] = e.change.request.kind;
    void kind;
  } else if (e.change.type === 'escalated') {
    const due: string = e.change.due_at;
    const pct: number = e.change.percent;
    void due, pct;
  }
}

const commands: Command[] = [
  { step: 'dispatch', department: 'engineering', assignee: 'w1' },
  { step: 'accept' },
  { step: 'hold', reason: 'waiting_for_parts' },
  { step: 'hold', reason: { other: '业主不在家' } },
  { step: 'callback', outcome: 'rated', rating: 5, aspects: { speed: 5 } },
  { step: 'callback', outcome: 'unreachable' },
  { step: 'close_without_work', reason: '重复', duplicate_of: 'R0' },
];
void commands;

// @ts-expect-error a dispatch needs its department
const bad: Command = { step: 'dispatch' };
void bad;
// @ts-expect-error an unknown step
const bad2: Command = { step: 'teleport' };
void bad2;
// @ts-expect-error an anonymous reporter keeps no name
const bad3: NewRequest['reporter'] = { kind: 'anonymous', name: 'x' };
void bad3;

function describeStage(s: Stage): string {
  switch (s.stage) {
    case 'in_progress':
      return s.arrived_at;
    case 'on_hold':
      return typeof s.reason === 'string' ? s.reason : s.reason.other;
    case 'closed': {
      const c: Closure = s.closure;
      return c.by === 'satisfied' ? String(c.rating) : c.by;
    }
    default:
      return s.stage;
  }
}
void describeStage(engine.get('R1').stage);

function left(c: ClockStatus): number {
  if (c.state === 'breached') return -c.overdue_seconds;
  if (c.state === 'voided') return 0;
  return c.remaining_seconds;
}
const status = engine.slaStatus('R1', '2026-03-02T10:00:00+08:00');
void status.cycles.flatMap((c) => c.clocks).map(left);

const days: number = engine.workingDays('2026-10-01', '2026-10-31');
const working: boolean = engine.isWorkingDay('2026-10-10');
const at: string = engine.addBusinessTime('2026-09-30T17:00:00+08:00', 3600);
const info = engine.call('engine.info');
const n: number = info.requests;
void days, working, at, n;
const r: ContractRequest = { v: 1, op: 'calendar.add', args: { start: at, seconds: 60 } };
void r;
// @ts-expect-error the args of calendar.add need seconds
engine.call('calendar.add', { start: at });

for (const item of engine.executeBatch([{ id: 'R1', command: { step: 'accept' }, actor: agent, now: at }])) {
  if (item.ok) void item.events.length;
  else void (item.error instanceof RefusedError ? item.error.code : item.error.status);
}
try {
  engine.get('NOPE');
} catch (e) {
  if (e instanceof WuyeError) void [e.status, e.code, e.response];
}
engine.free();
