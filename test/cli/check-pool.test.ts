/**
 * The worker pool of a multi-implementation check is an optimisation only: with two threads the
 * report and exit code are those of one thread, and an implementation that cannot be checked is
 * exit 2 with its one line (never a report without it), however the jobs were spread.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));

function check(threads: number, refs: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, "check", ...refs, "--seed", "1"], {
    encoding: "utf8",
    env: { ...process.env, CLAWPROOF_THREADS: String(threads) },
    maxBuffer: 1 << 26,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("check on a worker pool (CLAWPROOF_THREADS=2)", () => {
  it("gives the report bytes and exit code of one thread", () => {
    const refs = ["model:2026.2.22", "model:2026.3.13", "model:2026.9.6"];
    const [one, two] = [check(1, refs), check(2, refs)];
    expect(one.code).not.toBe(2);
    expect(one.stdout).toMatch(/model:2026\.9\.6/);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it("is exit 2 with the one line of a job in the middle that cannot be checked, and prints no report", () => {
    const refs = ["model:2026.3.13", "model:no-such-candidate", "model:2026.9.6", "model:2026.2.22"];
    for (const threads of [1, 2]) {
      const run = check(threads, refs);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^clawproof: unknown model "no-such-candidate"/)]);
    }
  });
});
