/**
 * The exhaustive live runs: every cell of a release through real gateways, checked like any
 * implementation. Each release must agree with its model on every realised cell, or name the
 * disagreement with a diagnosis (src/live/diagnoses.ts); a disagreement without one fails here.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CheckReportSchema } from "../../src/engine/results.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));

describe.each(["2026.3.13", "2026.9.6"])("check live:%s", (version) => {
  it("observes every realisable cell and explains every disagreement with the model", () => {
    const run = spawnSync(process.execPath, [BIN, "check", `live:${version}`, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect([0, 1]).toContain(run.status);
    const impl = CheckReportSchema.parse(JSON.parse(run.stdout)).impls[0]!;
    expect(impl.kind).toBe("live");
    const undiagnosed = (impl.agreement ?? []).filter((a) => a.status === "mismatch" && !a.note);
    expect(undiagnosed.map((a) => `${a.function}: ${a.example?.replay}`)).toEqual([]);
    expect(impl.notes.some((n) => /^realised role: operator \d+/.test(n))).toBe(true);
  });
});
