/**
 * What CI reads from a checkout run: SARIF pointing at the line of the function that decided,
 * GitHub annotations from it, gate reports in every format, and the composite action's script.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheRoot } from "../../src/release/cache.ts";
import type { GateReport } from "../../src/engine/gate.ts";
import { gateJunit } from "../../src/report/gate-junit.ts";
import { gateText } from "../../src/report/gate-text.ts";
import { githubAnnotations } from "../../src/report/sarif.ts";
import { clawproof } from "../helpers/cli.ts";
import { buildSourceFixture } from "./fixture.ts";
import { applyPr48285 } from "./patches.ts";

const work = join(cacheRoot(), "tmp", "ci-outputs-test");
const patched = join(work, "pr-48285");
const POLICY = "src/gateway/server/ws-connection/connect-policy.ts";

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  await buildSourceFixture("2026.3.13", patched);
  applyPr48285(patched);
});

interface Sarif {
  version: string;
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; message: { text: string }; locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
}

describe("check --format sarif on a patched checkout", () => {
  let sarif: Sarif;
  let text: string;
  beforeAll(() => {
    const run = clawproof("check", `path:${patched}`, "--base", "auto", "--seed", "1", "--format", "sarif");
    expect(run.code).toBe(1);
    text = run.stdout;
    sarif = JSON.parse(text) as Sarif;
  });

  it("is SARIF 2.1.0 with one rule per property and one result per violated property", () => {
    const json = JSON.parse(clawproof("check", `path:${patched}`, "--base", "auto", "--seed", "1", "--format", "json").stdout) as { impls: { properties: { id: string; status: string }[] }[] };
    const props = json.impls[0]!.properties;
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(props.map((p) => p.id));
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(props.filter((p) => p.status === "violated").map((p) => p.id));
  });

  it("points the node admission at the line declaring evaluateMissingDeviceIdentity, with counterexample and replay in the message", () => {
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === "node-never-admitted-without-identity")!;
    const at = result.locations[0]!.physicalLocation!;
    expect(at.artifactLocation.uri).toBe(relative(process.cwd(), join(patched, POLICY)));
    const lines = readFileSync(join(patched, POLICY), "utf8").split("\n");
    expect(lines[at.region.startLine - 1]).toMatch(/function evaluateMissingDeviceIdentity\(/);
    expect(result.message.text).toContain("role=node");
    expect(result.message.text).toContain("npx clawproof check");
  });

  it("points a ground-truth locality violation at the locality function that classed the connection", () => {
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === "proxied-never-local")!;
    const at = result.locations[0]!.physicalLocation!;
    const lines = readFileSync(join(process.cwd(), at.artifactLocation.uri), "utf8").split("\n");
    expect(lines[at.region.startLine - 1]).toMatch(/function isLocalDirectRequest\(/);
  });

  it("becomes ::error annotations with file and line", () => {
    const annotations = githubAnnotations(text);
    expect(annotations.length).toBe(sarif.runs[0]!.results.length);
    expect(annotations.some((a) => a.startsWith(`::error file=${relative(process.cwd(), join(patched, POLICY))},line=`))).toBe(true);
  });
});

describe("gate --format", () => {
  it("markdown from the CLI fails the widening; text, json and junit render the same report with the same count", () => {
    const json = clawproof("gate", "--base", "auto", `path:${patched}`, "--format", "json");
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as GateReport & { failed: boolean };
    expect(report.failed).toBe(true);
    const rows = report.unaccepted.length;
    expect(rows).toBeGreaterThan(0);
    const md = clawproof("gate", "--base", "auto", `path:${patched}`, "--format", "markdown");
    expect(md.code).toBe(1);
    expect(md.stdout.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| base decided")).length).toBe(rows);
    const run = { report };
    expect(gateText(run).trim().split("\n").at(-1)).toBe("result: the change widens access outside its envelope");
    expect(gateText(run).split("\n").filter((l) => l.startsWith("  ✗ ")).length).toBe(rows);
    const junit = gateJunit(run);
    expect(junit).toContain(`failures="${rows}"`);
    expect((junit.match(/<failure /g) ?? []).length).toBe(rows);
  });

  it("an unpatched checkout passes the gate", async () => {
    const clean = join(work, "clean");
    rmSync(clean, { recursive: true, force: true });
    await buildSourceFixture("2026.3.13", clean);
    const result = clawproof("gate", "--base", "auto", `path:${clean}`, "--format", "junit");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('failures="0"');
  });
});

describe("the GitHub Action's script", () => {
  it("writes the Markdown summary, annotates the deciding line and fails the job", () => {
    const summary = join(work, "summary.md");
    const outputs = join(work, "outputs.txt");
    writeFileSync(summary, "");
    writeFileSync(outputs, "");
    const script = fileURLToPath(new URL("../../action/run.sh", import.meta.url));
    const run = spawnSync("bash", [script], {
      encoding: "utf8",
      env: { ...process.env, INPUT_IMPL: `path:${patched}`, INPUT_BASE: "auto", GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs, RUNNER_TEMP: work },
    });
    expect(run.status).toBe(1);
    expect(readFileSync(summary, "utf8")).toContain("## clawproof gate: ❌ widens access");
    expect(readFileSync(summary, "utf8")).toContain("node-never-admitted-without-identity");
    expect(run.stdout).toMatch(/^::error file=[^,]*connect-policy\.ts,line=\d+,title=clawproof%3A node-never-admitted-without-identity::/m);
    expect(readFileSync(outputs, "utf8")).toMatch(/^report=.*check\.sarif$/m);
  });
});
