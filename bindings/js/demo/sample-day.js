// The sample day 示例日 of the satisfaction panel: sample-day.json is a copy of
// cli/data/sample-estate/day.json (翠湖花园, 2026-09-30, the last working day before 国庆: 13
// requests with callbacks, a reopen, a transfer, a return, three unreachable attempts),
// played step by step on an engine as `wuye demo` plays it: each step is a registration, a
// workflow step or an escalation tick, and the desk is ticked once more at `day_end`. No DOM
// here, so the Node tests play the same day.

/** Plays `day` ({steps, day_end}) on `engine`; returns every event recorded, in order. */
export function playDay(engine, day) {
  const events = [];
  for (const s of day.steps) {
    if (s.register) events.push(...engine.requestRegister(s.register, s.actor, s.at).events);
    else if (s.command) events.push(...engine.requestExecute(s.request, s.command, s.actor, s.at).events);
    else if (s.tick) events.push(...engine.slaTick(s.at).events);
    else throw new Error(`sample day: a step is {register}, {request, command} or {tick}: ${JSON.stringify(s)}`);
  }
  events.push(...engine.slaTick(day.day_end).events);
  return events;
}

/** The day's period [00:00, next day 00:00) in UTC+8, as instants. */
export function dayPeriod(date) {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: `${date}T00:00:00+08:00`, to: `${next}T00:00:00+08:00` };
}
