import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CheckReport, ImplResult, PropertyResult } from "../../src/engine/results.ts";
import { checkJunit } from "../../src/report/junit.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));

const property = (id: string, over: Partial<PropertyResult>): PropertyResult => ({ id, statement: id, status: "holds", cells: 4, violations: 0, moreViolations: [], exempted: [], ...over });

/** One implementation with one case of every outcome JUnit knows. */
const impl: ImplResult = {
  ref: "model:x",
  kind: "model",
  version: "2026.9.6",
  era: "E",
  title: "t",
  status: "violated",
  properties: [
    property("holds", {}),
    property("violated", { status: "violated", violations: 2 }),
    property("not-yet", { status: "not-applicable", cells: 0, note: "holds from 2027.1.1" }),
    property("partly-unchecked", { unchecked: [{ reason: "the live gateway cannot realise it", cells: 3 }] }),
  ],
  coverage: { rules: 1, hit: 1, missed: [], unreachableHit: [], complete: true, judged: true },
  random: { seed: 1, runs: 0, failed: false },
  agreement: [
    { function: "agreesFn", status: "agrees", cells: 4, mismatches: 0 },
    { function: "absentFn", status: "not-in-release", cells: 0, mismatches: 0 },
    { function: "brokenFn", status: "not-in-release", cells: 0, mismatches: 0, note: "could not check: the registry is unreachable" },
  ],
  provenance: [],
  unchecked: [{ reason: "not realised", cells: 5, sample: [] }],
  notes: [],
};
const report: CheckReport = { tool: "clawproof", command: "check", impls: [impl] };

const attr = (xml: string, tag: string, name: string) => Number(new RegExp(`<${tag} [^>]*\\b${name}="(\\d+)"`).exec(xml)![1]);
const elements = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}[ >/]`, "g"))?.length ?? 0;

describe("JUnit report", () => {
  const xml = checkJunit(report);

  it("counts tests, failures, errors and skipped from the cases it writes, on suite and root alike", () => {
    for (const tag of ["testsuite", "testsuites"]) {
      expect(attr(xml, tag, "tests")).toBe(elements(xml, "testcase"));
      expect(attr(xml, tag, "failures")).toBe(elements(xml, "failure"));
      expect(attr(xml, tag, "errors")).toBe(elements(xml, "error"));
      expect(attr(xml, tag, "skipped")).toBe(elements(xml, "skipped"));
    }
  });

  it("reports what could not be checked as an error, never as skipped or passing", () => {
    const caseOf = (name: string) => new RegExp(`<testcase [^>]*name="${name}">(.*?)</testcase>`, "s").exec(xml)![1]!;
    expect(caseOf("partly-unchecked")).toMatch(/^<error message="3 cells could not be checked/);
    expect(caseOf("agreement:brokenFn")).toMatch(/^<error message="could not check: the registry is unreachable"/);
    expect(caseOf("unchecked-cells")).toMatch(/^<error message="5 cells could not be decided/);
    expect(caseOf("agreement:absentFn")).toMatch(/^<skipped/);
    expect(caseOf("not-yet")).toMatch(/^<skipped/);
    expect(caseOf("violated")).toMatch(/<failure/);
    expect(caseOf("holds")).toBe("");
  });
});

describe("call --batch", () => {
  it("writes exactly one line per input line, in order; errors name their input line (blank and malformed ones too)", () => {
    const good = JSON.stringify({ impl: "model:2026.9.6", function: "roleCanSkipDeviceIdentity", args: ["node", true] });
    const input = [good, "", "not json", JSON.stringify({ impl: "model:2026.9.6" }), JSON.stringify({ impl: "model:banana", function: "f", args: [] }), good].join("\n") + "\n";
    const run = spawnSync(process.execPath, [BIN, "call", "--batch", "-"], { input, encoding: "utf8" });
    expect(run.status).toBe(0);
    const out = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { ok: boolean; line?: number; error?: string });
    expect(out).toHaveLength(input.trimEnd().split("\n").length);
    expect(out.map((o) => o.ok)).toEqual([true, false, false, false, false, true]);
    expect(out[0]).toEqual(out[5]);
    for (const [n, o] of out.entries()) if (!o.ok) expect(o).toMatchObject({ line: n + 1, error: expect.stringMatching(new RegExp(`^line ${n + 1}: `)) });
    expect(out[1]!.error).toMatch(/blank line/);
  });
});
