/**
 * `clawproof/vitest` as OpenClaw's own suite would use it: cellArb for test.prop, fromFunctions on
 * functions a test imports from its checkout (a fixture rebuilt from 2026.3.13), and
 * describeConnectPolicy run by a nested vitest, whose failures must carry the counterexample.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidCell } from "../../src/domain/validity.ts";
import { cacheRoot } from "../../src/release/cache.ts";
import { check } from "../../src/api/index.ts";
import { cellArb, fromFunctions } from "../../src/vitest/index.ts";
import { buildSourceFixture, type Fixture } from "../checkout-source/fixture.ts";
import { applyPr48285 } from "../checkout-source/patches.ts";

const work = join(cacheRoot(), "tmp", "vitest-api-test");
const clean = join(work, "clean");
const patched = join(work, "pr-48285");
let patchedFixture: Fixture;
const VITEST = fileURLToPath(new URL("../../node_modules/vitest/vitest.mjs", import.meta.url));
const VITEST_ENTRY = fileURLToPath(new URL("../../src/vitest/index.ts", import.meta.url));

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  await buildSourceFixture("2026.3.13", clean);
  patchedFixture = await buildSourceFixture("2026.3.13", patched);
  applyPr48285(patched);
});

describe("cellArb", () => {
  it("fixes the given fields and yields only valid cells", () => {
    const cells = fc.sample(cellArb({ role: "node", device: "none" }), 200);
    expect(cells.every((c) => c.role === "node" && c.device === "none" && isValidCell(c))).toBe(true);
    expect(new Set(cells.map((c) => c.authMode)).size).toBeGreaterThan(1);
  });
  it("rejects a value or a field outside the domain", () => {
    expect(() => cellArb({ role: "admin" as never })).toThrow(/role=admin is not in the domain/);
    expect(() => cellArb({ colour: "red" } as never)).toThrow(/no cell field named colour/);
  });
});

/** Every export of the checkout's gateway sources, as a test importing them itself would have them. */
async function checkoutFunctions(fixture: Fixture): Promise<Record<string, (...args: never[]) => unknown>> {
  const files = fixture.files.filter((f) => f.startsWith("src/gateway/"));
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(join(fixture.root, f)).href) as Promise<Record<string, (...args: never[]) => unknown>>));
  return Object.assign({}, ...mods);
}

describe("fromFunctions", () => {
  it("judges imported functions as the checkout they come from is judged", async () => {
    const fromCode = await check(await fromFunctions(await checkoutFunctions(patchedFixture), { version: "2026.3.13" }), { base: "auto" });
    const fromPath = await check(`path:${patched}`, { base: "auto" });
    const violated = (r: typeof fromCode) => r.properties.filter((p) => p.status === "violated").map((p) => p.id);
    expect(fromCode.failed).toBe(true);
    expect(violated(fromCode)).toEqual(violated(fromPath));
    expect(violated(fromCode)).toContain("node-never-admitted-without-identity");
    expect(fromCode.provenance.find((p) => p.step === "evaluateMissingDeviceIdentity")?.decidedBy).toBe("source");
    // inline glue is cut from handler code, which separate functions do not carry: reported as not checked, never as agreeing
    for (const glue of ["pairingGlue", "hasProxyHeaders"]) {
      expect(fromCode.agreement?.find((a) => a.function === glue)?.note).toMatch(/^could not check: /);
      expect(fromPath.agreement?.find((a) => a.function === glue)?.status).toBe("agrees");
    }
  });
});

describe("describeConnectPolicy in a project's own vitest run", () => {
  function runSuite(name: string, body: string): { code: number; report: { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] } } {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "policy.test.ts"), `import { describeConnectPolicy } from ${JSON.stringify(VITEST_ENTRY)};\n${body}\n`);
    writeFileSync(join(dir, "vitest.config.mjs"), "export default { test: { testTimeout: 120000, hookTimeout: 300000 } };\n");
    const out = join(dir, "report.json");
    const run = spawnSync(process.execPath, [VITEST, "run", "--root", dir, "--reporter", "json", "--outputFile", out], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
    return { code: run.status ?? -1, report: JSON.parse(readFileSync(out, "utf8")) };
  }

  it("registers a test per property, per agreement and for the gate; the patch fails with counterexample and replay", () => {
    const { code, report } = runSuite("patched", `describeConnectPolicy({ impl: ${JSON.stringify(`path:${patched}`)}, base: "auto", seed: 1 });`);
    const tests = report.testResults.flatMap((r) => r.assertionResults);
    expect(code).toBe(1);
    expect(tests.some((t) => t.title.startsWith("property "))).toBe(true);
    const status = (title: string) => tests.find((t) => t.title === title)?.status;
    // the untouched functions still agree with the model; the patched one no longer does
    expect([status("agreement roleCanSkipDeviceIdentity"), status("agreement evaluateMissingDeviceIdentity")]).toEqual(["passed", "failed"]);
    const node = tests.find((t) => t.title === "property node-never-admitted-without-identity")!;
    expect(node.status).toBe("failed");
    expect(node.failureMessages.join("\n")).toContain("role=node");
    expect(node.failureMessages.join("\n")).toContain("npx clawproof check");
    const gate = tests.find((t) => t.title.startsWith("gate: "))!;
    expect(gate.status).toBe("failed");
    expect(gate.failureMessages.join("\n")).toContain("widens access outside its envelope");
  });

  it("the release's own code passes the node-identity property and the gate", () => {
    const { report } = runSuite("clean", `describeConnectPolicy({ impl: ${JSON.stringify(`path:${clean}`)}, base: "auto", seed: 1, properties: ["node-never-admitted-without-identity", "operator-paths-unchanged"] });`);
    const tests = report.testResults.flatMap((r) => r.assertionResults);
    expect(tests.filter((t) => t.title.startsWith("property ")).map((t) => [t.title, t.status])).toEqual([
      ["property node-never-admitted-without-identity", "passed"],
      ["property operator-paths-unchanged", "passed"],
    ]);
    expect(tests.find((t) => t.title.startsWith("gate"))?.status).toBe("passed");
  });
});
