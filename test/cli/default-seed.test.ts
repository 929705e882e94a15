import { describe, expect, it } from "vitest";
import { DEFAULT_SEED } from "../../src/engine/random.ts";
import { clawproof } from "../helpers/cli.ts";

describe("a check without --seed", () => {
  it("uses the fixed default seed, so two runs on the same inputs print the same bytes", () => {
    const first = clawproof("check", "model:2026.9.6", "--format", "json");
    const second = clawproof("check", "model:2026.9.6", "--format", "json");
    // exit 1: the newest model has one open bug (remote-origin-never-silently-paired); the bytes are what is compared
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout) as { impls: { random: { seed: number } }[] };
    expect(report.impls[0]!.random.seed).toBe(DEFAULT_SEED);
  });

  it("draws other values with --seed and says which seed it used", () => {
    const run = clawproof("check", "model:2026.9.6", "--format", "json", "--seed", "12345");
    const report = JSON.parse(run.stdout) as { impls: { random: { seed: number } }[] };
    expect(report.impls[0]!.random.seed).toBe(12345);
  });
});
