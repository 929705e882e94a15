/**
 * `path:` on a source checkout with no build: a fixture rebuilt at test time from 2026.3.13's own
 * declarations (the release PR #48285 was proposed against), checked as sources, then patched the
 * way the PR and its review describe.
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheRoot } from "../../src/release/cache.ts";
import { clawproof } from "../helpers/cli.ts";
import { buildSourceFixture, type Fixture } from "./fixture.ts";
import { applyPr48285, renameEverywhere } from "./patches.ts";

const BASE = "2026.3.13";
const work = join(cacheRoot(), "tmp", "checkout-source-test");
let fixture: Fixture;

/** A copy of the fixture to patch, so each case starts from the release's own code. */
function variant(name: string, patch: (root: string) => void): string {
  const root = join(work, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(fixture.root, root, { recursive: true });
  patch(root);
  return root;
}

interface Json { impls: { properties: { id: string; status: string }[] }[] }
const violated = (stdout: string): string[] =>
  (JSON.parse(stdout) as Json).impls[0]!.properties.filter((p) => p.status === "violated").map((p) => p.id).sort();
const unaccepted = (stdout: string) => (JSON.parse(stdout) as { unaccepted: unknown[] }).unaccepted;

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  fixture = await buildSourceFixture(BASE, join(work, "release"));
});

describe("a source checkout built from the release's own code", () => {
  it("is checked from its sources, the policy functions decided by the source, and judged as the release's model is", () => {
    const checkout = clawproof("check", `path:${fixture.root}`, "--seed", "1", "--format", "json");
    const model = clawproof("check", `model:${BASE}`, "--seed", "1", "--format", "json");
    expect(checkout.stderr).toBe("");
    expect(checkout.code).toBe(model.code);
    expect(violated(checkout.stdout)).toEqual(violated(model.stdout));
    const impl = (JSON.parse(checkout.stdout) as { impls: { agreement: { function: string; status: string }[]; provenance: { step: string; decidedBy: string }[] }[] }).impls[0]!;
    // decided by the checkout's own sources (transpiled and sliced), not by a bundle or the model
    const fromSource = impl.provenance.filter((p) => p.decidedBy === "source").map((p) => p.step);
    expect(fromSource).toContain("evaluateMissingDeviceIdentity");
    expect(fromSource).toContain("shouldSkipBackendSelfPairing");
    expect(impl.agreement.filter((a) => a.status === "mismatch")).toEqual([]);
  });
});

describe("PR #48285 applied to the sources", () => {
  it("is caught exactly as model:pr-48285 is: the same violated properties and the same gate widening", () => {
    const patched = variant("pr-48285", (root) => applyPr48285(root));
    const checkout = clawproof("check", `path:${patched}`, "--base", "auto", "--seed", "1", "--format", "json");
    const model = clawproof("check", "model:pr-48285", "--seed", "1", "--format", "json");
    expect(checkout.code).toBe(1);
    expect(violated(checkout.stdout)).toEqual(violated(model.stdout));
    expect(violated(checkout.stdout)).toContain("node-never-admitted-without-identity");

    const gateCheckout = clawproof("gate", "--base", "auto", `path:${patched}`, "--format", "json");
    const gateModel = clawproof("gate", `model:${BASE}`, "model:pr-48285", "--format", "json");
    expect(gateCheckout.code).toBe(1);
    expect(gateModel.code).toBe(1);
    expect(unaccepted(gateCheckout.stdout)).toEqual(unaccepted(gateModel.stdout));
  });

  it("with the review's !isControlUi guard still widens node access, and the gate still fails", () => {
    const guarded = variant("pr-48285-guarded", (root) => applyPr48285(root, { guarded: true }));
    const gate = clawproof("gate", "--base", "auto", `path:${guarded}`, "--format", "json");
    expect(gate.code).toBe(1);
    const report = JSON.parse(gate.stdout) as { widened: { cell: string }[] };
    const node = report.widened.filter((w) => w.cell.includes("role=node"));
    expect(node.length).toBeGreaterThan(0);
    // what the guard does change: no Control UI node is admitted any more
    expect(node.some((w) => w.cell.includes("client=control-ui"))).toBe(false);
    const unguarded = JSON.parse(clawproof("gate", "--base", "auto", `path:${variant("pr-48285-again", (root) => applyPr48285(root))}`, "--format", "json").stdout) as { widened: { cell: string }[] };
    expect(unguarded.widened.some((w) => w.cell.includes("role=node") && w.cell.includes("client=control-ui"))).toBe(true);
  });
});

describe("--base auto and --baseline on a checkout", () => {
  it("--base auto compares with the release the checkout's version names, and relational replays carry --base", () => {
    const patched = variant("pr-48285", (root) => applyPr48285(root));
    const result = clawproof("check", `path:${patched}`, "--base", "auto", "--property", "operator-paths-unchanged", "--seed", "1", "--format", "json");
    const impl = (JSON.parse(result.stdout) as { impls: { base?: string; properties: { status: string; counterexample?: { replay: string } }[] }[] }).impls[0]!;
    expect(impl.base).toBe(`openclaw@${BASE}`);
    expect(impl.properties[0]!.status).toBe("violated");
    const replay = impl.properties[0]!.counterexample!.replay;
    expect(replay).toContain("--base auto");
    const again = clawproof(...replay.replace(/^npx clawproof /, "").split(" "));
    expect(again.code).toBe(1);
  });

  it("--baseline: violations the baseline has too do not fail; the patch's own do", () => {
    const unpatched = clawproof("check", `path:${fixture.root}`, "--base", "auto", "--baseline", `model:${BASE}`, "--seed", "1");
    expect(unpatched.stdout).toContain("pre-existing");
    expect(unpatched.code).toBe(0);
    const patched = clawproof("check", `path:${variant("pr-48285", (root) => applyPr48285(root))}`, "--base", "auto", "--baseline", `path:${fixture.root}`, "--seed", "1", "--format", "json");
    expect(patched.code).toBe(1);
    const entries = (JSON.parse(patched.stdout) as { baseline: { entries: { property: string; status: string }[] }[] }).baseline[0]!.entries;
    expect(entries.find((e) => e.property === "node-never-admitted-without-identity")?.status).toBe("new");
    expect(entries.filter((e) => e.status === "pre-existing").map((e) => e.property)).toContain("proxied-never-local");
  });

  it("gate --baseline: the head's widenings that the baseline shares are pre-existing", () => {
    const patched = variant("pr-48285", (root) => applyPr48285(root));
    const same = clawproof("gate", "--base", "auto", `path:${patched}`, "--baseline", "model:pr-48285", "--format", "json");
    expect(same.code).toBe(0);
    expect((JSON.parse(same.stdout) as { baseline: { preExisting: string[] } }).baseline.preExisting.length).toBeGreaterThan(0);
    const guardedOnly = clawproof("gate", "--base", "auto", `path:${patched}`, "--baseline", `path:${variant("pr-48285-guarded", (root) => applyPr48285(root, { guarded: true }))}`, "--format", "json");
    expect(guardedOnly.code).toBe(1);
  });
});

it("a checkout whose evaluateMissingDeviceIdentity was renamed cannot be checked (exit 2, naming it)", () => {
  const renamed = variant("renamed", (root) => renameEverywhere(root, fixture.files, "evaluateMissingDeviceIdentity", "decideMissingDevice"));
  const result = clawproof("check", `path:${renamed}`);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("evaluateMissingDeviceIdentity");
});
