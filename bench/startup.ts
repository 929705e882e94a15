/**
 * Start-up and warm checks, from the TypeScript sources (a clone: src/cli/ts-loader.mjs transpiles
 * as modules load) against the compiled package code (dist/, what `npm install clawproof` runs).
 * Process time is the child's own CPU
 * (every thread), read on its exit; wall time is printed too but moves with the machine's load.
 * A warm `check openclaw@latest` reads the release's kept check back; it is also timed with the
 * kept checks removed before every run, which is what the first check after an edit of
 * clawproof's sources (or of a new seed) costs: the release cached, the engine running.
 * Other work on the machine moves every number: read the ratios, each side measured in this run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { row } from "./measure.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/clawproof.js", import.meta.url));
const CPU_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nclawproof-cpu-us "+(u.user+u.system)+"\\n")})`;

interface Sample {
  cpu: number;
  wall: number;
}

/** The cache the children use (the bench's own environment, else the project's .cache, as vitest sets it). */
const CACHE = process.env.CLAWPROOF_CACHE ?? fileURLToPath(new URL("../.cache", import.meta.url));

/** Removes every kept check result, so the next check runs the engine (the derived tables stay). */
function dropKeptChecks(): void {
  const derived = join(CACHE, "derived");
  if (!existsSync(derived)) return;
  for (const kind of readdirSync(derived)) if (kind.startsWith("check-")) rmSync(join(derived, kind), { recursive: true, force: true });
}

function runOnce(args: string[], compiled: boolean, before?: () => void): Sample {
  before?.();
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", CPU_HOOK, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, CLAWPROOF_COMPILED: compiled ? "1" : "0", CLAWPROOF_CACHE: CACHE },
  });
  const wall = performance.now() - start;
  // a run that could not check (2) or crashed timed nothing worth a row: 0 holds, 1 violated
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`clawproof ${args.join(" ")} (${compiled ? "compiled" : "sources"}) exited ${child.status ?? child.signal}: ${child.stderr.split("\n")[0]}`);
  }
  const cpu = Number(/clawproof-cpu-us (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1000;
  return { cpu, wall };
}

const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const median = (samples: Sample[]): Sample => ({ cpu: mid(samples.map((s) => s.cpu)), wall: mid(samples.map((s) => s.wall)) });

/**
 * Medians of `runs` of the same command from the sources and compiled, after one warm-up of
 * each (which fills the loader's and clawproof's caches). The two alternate run by run, so a load
 * spike from other work on the machine lands on both sides alike.
 */
function measurePair(args: string[], before?: () => void, runs = 5): { sources: Sample; compiled: Sample } {
  runOnce(args, false, before);
  runOnce(args, true, before);
  const sources: Sample[] = [];
  const compiled: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    sources.push(runOnce(args, false, before));
    compiled.push(runOnce(args, true, before));
  }
  return { sources: median(sources), compiled: median(compiled) };
}

export function benchStartup(): void {
  console.log("\nstart-up: TypeScript sources (a clone) vs compiled dist/ (the package)");
  if (!existsSync(new URL("../dist/src/cli/main.js", import.meta.url))) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const cases: { args: string[]; label?: string; before?: () => void; runs?: number }[] = [
    { args: ["--help"] },
    { args: ["check", "model:latest"], label: "warm: kept check" },
    { args: ["check", "model:2026.9.6"], label: "warm: kept check" },
    { args: ["check", "openclaw@latest"], label: "warm: kept check" },
    { args: ["check", "openclaw@latest"], label: "warm release, engine runs", before: dropKeptChecks, runs: 3 },
  ];
  let warm: Sample | undefined;
  for (const { args, label, before: prepare, runs } of cases) {
    const { sources: before, compiled: after } = measurePair(args, prepare, runs);
    if (args[1] === "openclaw@latest" && !prepare) warm = after;
    row(
      `clawproof ${args.join(" ")}${label ? ` (${label})` : ""} (process ms, sources → compiled)`,
      `${before.cpu.toFixed(0)} → ${after.cpu.toFixed(0)}  (×${(before.cpu / after.cpu).toFixed(2)} less; wall ${before.wall.toFixed(0)} → ${after.wall.toFixed(0)})`,
    );
  }
  // #9's goal for the compiled package, as a ratio of this run's measurement (no timed assertion anywhere)
  row("warm compiled check openclaw@latest vs the 1 s goal (process time)", `${warm!.cpu.toFixed(0)} ms = ×${(warm!.cpu / 1000).toFixed(2)} of the goal`);
}

if (import.meta.url === `file://${process.argv[1]}`) benchStartup();
