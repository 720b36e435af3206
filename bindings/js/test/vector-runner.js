// Runs the shared vectors of tests/vectors/ (format: tests/vectors/README.md) on the `wuye`
// package. Environment-free: Node (test/vectors.test.js) and Chromium (e2e/vectors.html)
// both use it and write what it returns to target/vectors/<runtime>/<name>.jsonl.

/**
 * The canonical request text: keys in the file's order (a tagged object's tag comes first;
 * no key is integer-like, so JSON.parse keeps that order), no whitespace, JSON.stringify's
 * string escapes.
 */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hexBytes(hex) {
  if (hex.length % 2 !== 0) throw new Error('odd hex length');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Deep equality of JSON values (object key order is free, array order is not). */
export function jsonEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) {
    return false;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/**
 * Runs one scenario on one engine. Returns `{name, steps, text, failures}`: `text` is the raw
 * responses, one per line (each ending in a newline), `failures` readable mismatches.
 */
export function runScenario(wuye, scenario) {
  const { name } = scenario;
  const failures = [];
  const lines = [];
  const check = (what, got, want) => {
    if (want === undefined) {
      failures.push(`${name} ${what}: no expect`);
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(got);
    } catch (e) {
      failures.push(`${name} ${what}: response is not JSON: ${got}`);
      return;
    }
    if (!jsonEqual(parsed, want)) {
      failures.push(`${name} ${what}:\n  got  ${got}\n  want ${JSON.stringify(want)}`);
    }
  };
  const config = scenario.config_text ?? canonical(scenario.config);
  let engine;
  try {
    engine = new wuye.Engine(config);
  } catch (e) {
    if (!(e instanceof wuye.WuyeError) || e.response === undefined) throw e;
    check('config', e.response, scenario.config_error);
    lines.push(e.response);
  }
  if (engine) {
    if (scenario.config_error !== undefined) {
      failures.push(`${name}: the engine was made but config_error expects a failure`);
    }
    try {
      scenario.steps.forEach((step, i) => {
        let got;
        if (step.request_hex !== undefined) {
          got = new TextDecoder('utf-8', { fatal: true }).decode(engine.callBytes(hexBytes(step.request_hex)));
        } else {
          got = engine.callJson(step.request_text ?? canonical(step.request));
        }
        check(`step ${i}`, got, step.expect);
        lines.push(got);
      });
    } finally {
      engine.free();
    }
  }
  return { name, steps: scenario.steps.length, text: lines.map((l) => `${l}\n`).join(''), failures };
}
