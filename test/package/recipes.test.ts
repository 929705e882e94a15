/**
 * The README's "Prove your patch safe" shell and GitHub Action recipes, run as written from inside
 * a checkout (a fixture rebuilt from 2026.3.13): the unpatched checkout passes, PR #48285 fails.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheRoot } from "../../src/release/cache.ts";
import { buildSourceFixture, type Fixture } from "../checkout-source/fixture.ts";
import { applyPr48285 } from "../checkout-source/patches.ts";
import { actionInputs, npxArgs, recipe } from "./recipes.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));
const ACTION = fileURLToPath(new URL("../../action/run.sh", import.meta.url));
const work = join(cacheRoot(), "tmp", "recipes-test");
let clean: Fixture;
let patched: string;

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  clean = await buildSourceFixture("2026.3.13", join(work, "clean"));
  patched = join(work, "patched");
  rmSync(patched, { recursive: true, force: true });
  cpSync(clean.root, patched, { recursive: true });
  applyPr48285(patched);
});

describe("npx clawproof gate --base auto path:. (from the README)", () => {
  const gate = (cwd: string) => spawnSync(process.execPath, [BIN, ...npxArgs(recipe("gate"))], { cwd, encoding: "utf8" });
  it("passes on the release's own sources and fails on the patch", () => {
    expect(npxArgs(recipe("gate"))).toEqual(["gate", "--base", "auto", "path:."]);
    expect(gate(clean.root).status).toBe(0);
    const result = gate(patched);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("role=node");
  });
});

describe("the GitHub Action workflow (from the README)", () => {
  it("with the recipe's inputs: summary written, deciding line annotated, job failed", () => {
    const inputs = actionInputs(recipe("action"));
    expect(inputs).toEqual({ "node-version": "20", impl: "path:.", base: "auto" });
    const summary = join(work, "summary.md");
    writeFileSync(summary, "");
    const result = spawnSync("bash", [ACTION], {
      cwd: patched,
      encoding: "utf8",
      env: { ...process.env, INPUT_IMPL: inputs.impl, INPUT_BASE: inputs.base, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: join(work, "runner") },
    });
    expect(result.status).toBe(1);
    expect(readFileSync(summary, "utf8")).toMatch(/## clawproof gate: ❌ widens access/);
    expect(result.stdout).toMatch(/^::error file=src\/gateway\/server\/ws-connection\/connect-policy\.ts,line=\d+,/m);
  });
});
