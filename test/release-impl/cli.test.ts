import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckReportSchema } from "../../src/engine/results.ts";
import { localityCells } from "../../src/locality/locality-domain.ts";
import { clawproof } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

describe("releases on the command line", () => {
  it("call runs the sliced function and prints its JSON result", () => {
    expect(clawproof("call", "openclaw@2026.9.6", "roleCanSkipDeviceIdentity", "--args", '["node",true]').stdout).toBe("false\n");
    expect(clawproof("call", "openclaw@2026.9.6", "roleCanSkipDeviceIdentity", "--args", '["operator",true]').stdout).toBe("true\n");
    expect(clawproof("call", "model:2026.9.6", "roleCanSkipDeviceIdentity", "--args", '["node",true]').stdout).toBe("false\n");
  });

  it("call says when a function is not in a release (exit 2)", () => {
    const run = clawproof("call", "openclaw@2026.2.21", "evaluateMissingDeviceIdentity", "--args", "[{}]");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not in this release/);
  });

  it("check with no implementation checks the newest release too, with per-function agreement", () => {
    const run = clawproof("check", "--format", "json");
    // exit 1: remote-origin-never-silently-paired fails on 9.6 (history row lan-browser-container-silent-pairing-again)
    expect(run.code).toBe(1);
    const report = CheckReportSchema.parse(JSON.parse(run.stdout));
    expect(report.impls.map((i) => i.ref)).toEqual(["model:2026.9.6", "openclaw@2026.9.6"]);
    const agreement = report.impls[1]!.agreement!;
    expect(agreement.find((a) => a.function === "evaluateMissingDeviceIdentity")).toMatchObject({ status: "agrees", cells: 2048, mismatches: 0 });
  });

  it("bisect finds 2026.5.12 as the first release admitting a device-less local backend operator under auth none", { timeout: 900_000 }, () => {
    const run = clawproof("bisect", "--cell", "role=operator,client=backend,device=none,auth=none,cred=none,loc=local,origin=none,insecure=0,ddda=0");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/first flip: 2026\.5\.7 → 2026\.5\.12/);
    expect(run.stdout).toMatch(/changed rules: .*openclaw:evaluateMissingDeviceIdentity=allow/);
  });

  it("bisect finds 2026.8.1 as the first release where dangerouslyDisableDeviceAuth no longer admits a Control UI operator", { timeout: 900_000 }, () => {
    // a Control UI sends its own (allowed) Origin: one without an Origin is refused before the gate in every release
    // from 7.1: the whole published range is searched by the test above; this one keeps a cold run to a few releases
    const run = clawproof("bisect", "--from", "2026.7.1", "--cell", "role=operator,client=control-ui,device=none,auth=token,cred=secret-ok,loc=remote,origin=loopback,insecure=0,ddda=1");
    expect(run.stdout).toMatch(/first flip: 2026\.7\.35 → 2026\.8\.1/);
    expect(run.stdout).toMatch(/openclaw@2026\.8\.1: reject control-ui-insecure-auth/);
  });

  it("--require-real is exit 2 naming every step only the model decided", () => {
    const model = clawproof("check", "model:2026.9.6", "--require-real");
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/^clawproof: --require-real: the model alone decided model:2026\.9\.6: origin, locality, auth, /);
    const release = clawproof("check", "openclaw@2026.9.6", "--require-real", "--property", "default-deny", "--format", "json");
    expect(release.code).toBe(2);
    expect(release.stdout).toBe("");
    // the steps the provenance names as the model's, and no other
    const report = CheckReportSchema.parse(JSON.parse(clawproof("check", "openclaw@2026.9.6", "--property", "default-deny", "--format", "json").stdout));
    const modelSteps = report.impls[0]!.provenance.filter((p) => p.decidedBy === "model").map((p) => p.step);
    expect(modelSteps).not.toContain("evaluateMissingDeviceIdentity");
    expect(release.stderr).toBe(`clawproof: --require-real: the model alone decided openclaw@2026.9.6: ${modelSteps.join(", ")}\n`);
  });

  it("a cold cache with no registry is exit 2 with one line", () => {
    const empty = tempDir("clawproof-cold-");
    const run = clawproof.withEnv({ CLAWPROOF_CACHE: empty, CLAWPROOF_REGISTRY: "http://127.0.0.1:9/" })("check", "openclaw@2026.9.6");
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^clawproof: .*2026\.9\.6/);
  });
});

describe("the release's own locality and auth layers", () => {
  it("check reports agreement for the auth and locality functions, random spellings replayable by seed", () => {
    const run = (seed: string) => CheckReportSchema.parse(JSON.parse(clawproof("check", "openclaw@2026.3.13", "--property", "proxied-never-local", "--seed", seed, "--format", "json").stdout));
    const first = run("11").impls[0]!;
    const functions = first.agreement!.map((a) => a.function);
    expect(functions).toEqual(expect.arrayContaining(["authorizeGatewayConnect", "resolveConnectAuthState", "isLoopbackAddress", "resolveClientIp", "isLocalDirectRequest"]));
    expect(first.agreement!.filter((a) => a.status === "mismatch")).toEqual([]);
    expect(first.agreement!.find((a) => a.function === "isLoopbackAddress")!.note).toMatch(/random spellings, seed 11/);
    expect(run("11").impls[0]!.agreement).toEqual(first.agreement);
    expect(first.provenance.find((p) => p.step === "locality")).toMatchObject({ decidedBy: "sliced", detail: `isLocalDirectRequest on ${localityCells().length} connections` });
    // 3.13 still imports ipaddr.js as a package; clawproof resolves it from its own dependencies
    expect(first.imports!.bare).toContain("ipaddr.js");
  });

  it("openclaw@2026.3.13 classes a proxied loopback hop local through its own functions; 2026.3.22 does not", () => {
    const at = (v: string) => CheckReportSchema.parse(JSON.parse(clawproof("check", `openclaw@${v}`, "--property", "proxied-never-local", "--format", "json").stdout)).impls[0]!;
    const before = at("2026.3.13").properties[0]!;
    expect(before.status).toBe("violated");
    expect(before.counterexample!.observed).toMatch(/openclaw:isLocalDirectRequest=true/);
    expect(at("2026.3.22").properties[0]!.status).toBe("holds");
  });
});
