import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { CheckReportSchema } from "../../src/engine/results.ts";
import { clawproof } from "../helpers/cli.ts";

describe("check openclaw@<version>: the pairing step's glue in the report", () => {
  it("5.18: the pairing decision is the release's sliced glue (named with its input count), which agrees with the model on every input", { timeout: 300_000 }, () => {
    const run = clawproof("check", "openclaw@2026.5.18", "--property", "paired-node-never-silently-escalates", "--format", "json");
    const impl = CheckReportSchema.parse(JSON.parse(run.stdout)).impls[0]!;
    const pairing = impl.provenance.find((p) => p.step === "pairing")!;
    expect(pairing).toMatchObject({ decidedBy: "sliced" });
    expect(pairing.detail).toMatch(/whether a pairing request is silent: the release's sliced gluePairingSilentRequest on \d+ inputs/);
    expect(impl.agreement?.find((a) => a.function === "pairingGlue")).toMatchObject({ real: "gluePairingSilentRequest", status: "agrees", mismatches: 0 });
    expect(impl.agreement?.find((a) => a.function === "hasProxyHeaders")).toMatchObject({ real: "glueHasProxyHeaders", status: "agrees" });
    expect(run.code).toBe(0);
  });

  it("model:2026.5.18 has no sliced glue: the pairing decision is the model's alone", () => {
    const run = clawproof("check", "model:2026.5.18", "--property", "paired-node-never-silently-escalates", "--format", "json");
    const pairing = CheckReportSchema.parse(JSON.parse(run.stdout)).impls[0]!.provenance.find((p) => p.step === "pairing")!;
    expect(pairing).toMatchObject({ decidedBy: "model" });
    expect(pairing.detail).not.toMatch(/sliced glue/);
  });
});
