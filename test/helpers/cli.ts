import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, exactly as `npx clawproof` would. */
export function clawproof(...args: string[]): CliResult {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
