import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckReportSchema } from "../../src/engine/results.ts";
import { clawproof } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";

describe("clawproof check", () => {
  it("with no implementation runs the main job: exit 1, the newest release's one open bug (a LAN client paired silently)", () => {
    const run = clawproof("check");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/model:2026\.9\.6/);
    expect(run.stdout).toMatch(/exempted by local-backend-auth-none/);
    // the model and the release fail the same property, and nothing else
    expect(run.stdout.match(/^ {2}✗ \S+/gm)).toEqual(["  ✗ remote-origin-never-silently-paired", "  ✗ remote-origin-never-silently-paired"]);
    expect(run.stdout).toMatch(/result: model:2026\.9\.6, openclaw@2026\.9\.6 violated/);
  });

  it("exits 1 on a violation and prints a replay command that reproduces it", () => {
    const run = clawproof("check", "model:pr-48285", "--format", "json");
    expect(run.code).toBe(1);
    const report = CheckReportSchema.parse(JSON.parse(run.stdout));
    const failing = report.impls[0]!.properties.find((p) => p.id === "node-never-admitted-without-identity")!;
    expect(failing.status).toBe("violated");
    const replay = failing.counterexample!.replay.split(" ").slice(2); // drop "npx clawproof"
    const again = clawproof(...replay);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(failing.counterexample!.key);
  });

  it("holds on a single cell that is fine", () => {
    const run = clawproof("check", "model:2026.9.6", "--property", "remote-node-needs-identity", "--cell", "role=node,loc=remote,device=none");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/coverage: not judged/);
  });

  it("replays the random pass by seed", () => {
    const run = (seed: number) => clawproof("check", "model:2026.2.21", "--property", "remote-node-needs-identity", "--seed", String(seed), "--format", "json");
    // the property is violated on 2.21; take the first of a few seeds whose random pass finds it too
    let found: { seed: number; stdout: string } | undefined;
    for (const seed of [99, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const { stdout } = run(seed);
      if (JSON.parse(stdout).impls[0].random.failed) {
        found = { seed, stdout };
        break;
      }
    }
    expect(found).toBeDefined();
    const again = run(found!.seed);
    expect(JSON.parse(again.stdout).impls[0].random).toEqual({ seed: found!.seed, runs: 200, failed: true });
    expect(again.stdout).toBe(found!.stdout);
  });

  it("writes JUnit and Markdown reports", () => {
    const dir = tempDir("clawproof-");
    const junit = join(dir, "r.xml");
    expect(clawproof("check", "model:2026.2.21", "--format", "junit", "--out", junit).code).toBe(1);
    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/<testsuite name="model:2026.2.21"[^>]*failures="[1-9]/);
    expect(xml).toMatch(/<testcase classname="model:2026.2.21" name="remote-node-needs-identity">\s*<failure/);
    const md = clawproof("check", "model:pr-48285", "--format", "markdown");
    expect(md.stdout).toMatch(/\| `control-ui-paths-unchanged` \| ❌/);
  });

  it("gives one clear line and exit 2 for what it cannot check", () => {
    const cases: [string[], RegExp][] = [
      [["check", "model:2026.3.12"], /never published; nearest published: 2026\.3\.11, 2026\.3\.13/],
      [["check", "model:banana"], /unknown model "banana"/],
      [["check", "model:2026.9.6", "--property", "nope"], /unknown property "nope"/],
      [["check", "model:2026.9.6", "--cell", "role=admin"], /role is one of operator\|node/],
      [["check", "model:2026.9.6", "--format", "pdf"], /--format must be one of/],
      [["check", "whatever"], /unknown implementation "whatever"/],
      [["frobnicate"], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const run = clawproof(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
