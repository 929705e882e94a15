import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(env: NodeJS.ProcessEnv, args: string[]): CliResult {
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", ...env }, maxBuffer: 256 << 20 });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** Runs the real CLI in a child process, exactly as `npx clawproof` would. */
export const clawproof = Object.assign((...args: string[]) => run({}, args), {
  withEnv: (env: NodeJS.ProcessEnv) => (...args: string[]) => run(env, args),
});
