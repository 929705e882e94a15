// Worker side of the isolated runner (plain JS: worker threads load it without a TS loader).
// It imports the sliced modules, answers which roots loaded, then serves batched calls.
import { parentPort, workerData } from "node:worker_threads";

const fns = new Map();
const failed = {};
for (const { url, names } of workerData.modules) {
  try {
    const mod = await import(url);
    for (const name of names) {
      if (typeof mod[name] === "function") fns.set(name, mod[name]);
      else failed[name] = `slice does not export a function named ${name}`;
    }
  } catch (err) {
    for (const name of names) failed[name] = `import failed: ${errorText(err)}`;
  }
}
parentPort.postMessage({ type: "ready", loaded: [...fns.keys()], failed });

parentPort.on("message", async ({ id, fn, argsList }) => {
  const f = fns.get(fn);
  const results = [];
  for (const args of argsList) {
    try {
      if (!f) throw new Error(`${fn} is not loaded in this worker`);
      let value = f(...args.map(revive));
      // Only pay for an await when the function is actually async (authorizeGatewayConnect is).
      if (value && typeof value.then === "function") value = await value;
      results.push({ ok: true, value });
    } catch (err) {
      results.push({ ok: false, error: errorText(err) });
    }
  }
  try {
    parentPort.postMessage({ id, results });
  } catch {
    // Some value could not be structured-cloned (a function, a class instance with one…):
    // report those entries as errors rather than losing the whole batch.
    parentPort.postMessage({ id, results: results.map(cloneableOrError) });
  }
});

// Must equal FUNCTION_MARKER in runner.ts (see functionReturning there for the contract).
const FUNCTION_MARKER = "$clawproof:function";

/** Turns function markers back into functions; anything else is returned as it came. */
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === FUNCTION_MARKER) {
    const { returns, async } = value[FUNCTION_MARKER] ?? {};
    // a fresh copy per call, so a function that mutates what it got cannot leak into the next call
    return async ? async () => structuredClone(returns) : () => structuredClone(returns);
  }
  const out = {};
  for (const key of keys) out[key] = revive(value[key]);
  return out;
}

function cloneableOrError(result) {
  if (!result.ok) return result;
  try {
    structuredClone(result.value);
    return result;
  } catch (err) {
    return { ok: false, error: `result cannot be sent back (not structured-cloneable): ${errorText(err)}` };
  }
}

function errorText(err) {
  if (err instanceof Error) return `${err.name}: ${err.message.split("\n")[0]}`;
  return String(err);
}
