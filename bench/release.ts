import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runFunction } from "../src/differential/layer.ts";
import { openPublished } from "../src/differential/open.ts";
import { GATE } from "../src/impl/release/adapters/gate.ts";
import { POLICY_LAYER } from "../src/impl/release/policy-layer.ts";
import { resolveImplementation } from "../src/impl/resolve-ref.ts";
import { median, row } from "./measure.ts";

const BIN = fileURLToPath(new URL("../bin/clawproof.js", import.meta.url));
const VERSION = "2026.9.6";

function cli(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: "ignore" });
  return performance.now() - start;
}

/** Releases: cold fetch+slice, warm check wall time, and engine overhead on a sliced function. */
export async function benchRelease(): Promise<void> {
  console.log(`\nreleases (openclaw@${VERSION})`);
  const cold = mkdtempSync(join(tmpdir(), "clawproof-bench-"));
  const saved = process.env.CLAWPROOF_CACHE;
  try {
    process.env.CLAWPROOF_CACHE = cold;
    const start = performance.now();
    await resolveImplementation(`openclaw@${VERSION}`);
    row("cold: fetch from npm + slice + tabulate", `${((performance.now() - start) / 1000).toFixed(1)} s`);
  } catch (error) {
    row("cold fetch", `skipped: ${(error as Error).message}`);
  } finally {
    // assigning undefined to process.env would store the string "undefined"
    if (saved === undefined) delete process.env.CLAWPROOF_CACHE;
    else process.env.CLAWPROOF_CACHE = saved;
    rmSync(cold, { recursive: true, force: true });
  }

  await resolveImplementation(`openclaw@${VERSION}`); // warm the normal cache
  const modelCheck = median(3, () => cli(["check", `model:${VERSION}`]));
  const releaseCheck = median(3, () => cli(["check", `openclaw@${VERSION}`]));
  row(`warm \`check model:${VERSION}\` (whole CLI process)`, `${(modelCheck / 1000).toFixed(2)} s`);
  row(`warm \`check openclaw@${VERSION}\` (whole CLI process, goal < 3 s)`, `${(releaseCheck / 1000).toFixed(2)} s  (${(releaseCheck / modelCheck).toFixed(2)}× the model)`);

  const slice = await openPublished(VERSION, [GATE.real]);
  try {
    const gate = POLICY_LAYER.functions.find((f) => f.function === "evaluateMissingDeviceIdentity")!;
    const inputs = gate.inputs(VERSION);
    const args = inputs.map((i) => GATE.toArgs(i as never));
    const raw = await medianAsync(5, () => slice.call(GATE.real, args));
    const engine = await medianAsync(5, () => runFunction(gate, slice));
    row(`raw: ${inputs.length} prebuilt calls of the sliced ${GATE.real}`, `${raw.toFixed(1)} ms`);
    row("engine: adapt, call, compare with the model, tabulate", `${engine.toFixed(1)} ms`);
    row("engine overhead ratio on a sliced function (goal ≤ 2×)", `${(engine / raw).toFixed(2)}×`);
  } finally {
    await slice.close();
  }
}

async function medianAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
