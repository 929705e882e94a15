/**
 * Start-up and warm checks, from the TypeScript sources through tsx (a clone) against the compiled
 * package code (dist/, what `npm install clawproof` runs). Process time is the child's own CPU
 * (every thread), read on its exit; wall time is printed too but moves with the machine's load.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { row } from "./measure.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/clawproof.js", import.meta.url));
const CPU_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nclawproof-cpu-us "+(u.user+u.system)+"\\n")})`;

interface Sample {
  cpu: number;
  wall: number;
}

function runOnce(args: string[], compiled: boolean): Sample {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", CPU_HOOK, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, CLAWPROOF_COMPILED: compiled ? "1" : "0" },
  });
  const wall = performance.now() - start;
  const cpu = Number(/clawproof-cpu-us (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1000;
  return { cpu, wall };
}

/** Median of `runs` after one warm-up run (which fills tsx's and clawproof's caches). */
function measure(args: string[], compiled: boolean, runs = 3): Sample {
  runOnce(args, compiled);
  const samples = Array.from({ length: runs }, () => runOnce(args, compiled));
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { cpu: mid(samples.map((s) => s.cpu)), wall: mid(samples.map((s) => s.wall)) };
}

export function benchStartup(): void {
  console.log("\nstart-up: sources through tsx (before) vs compiled dist/ (after)");
  if (!existsSync(new URL("../dist/src/cli/main.js", import.meta.url))) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  for (const args of [["--help"], ["check", "model:latest"], ["check", "openclaw@latest"]]) {
    const before = measure(args, false);
    const after = measure(args, true);
    row(
      `clawproof ${args.join(" ")} (process ms, tsx → compiled)`,
      `${before.cpu.toFixed(0)} → ${after.cpu.toFixed(0)}  (×${(before.cpu / after.cpu).toFixed(2)} less; wall ${before.wall.toFixed(0)} → ${after.wall.toFixed(0)})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchStartup();
