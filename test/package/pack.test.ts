/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), installed into
 * an empty folder, then its CLI, its API and a vitest file using `clawproof/vitest` run from there,
 * on a checkout fixture rebuilt from 2026.3.13 with PR #48285 applied. The README's vitest and API
 * recipes are the code that runs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheRoot } from "../../src/release/cache.ts";
import { buildSourceFixture } from "../checkout-source/fixture.ts";
import { applyPr48285 } from "../checkout-source/patches.ts";
import { recipe } from "./recipes.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const work = join(cacheRoot(), "tmp", "package-test");
/** The consumer: a checkout with the package installed into it, as a contributor would have it. */
const app = join(work, "checkout");
let files: string[] = [];

const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: app, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const packed = JSON.parse(npm(["pack", "--pack-destination", work, "--json"], REPO)) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  const fixture = await buildSourceFixture("2026.3.13", join(work, "fixture"));
  applyPr48285(fixture.root);
  cpSync(fixture.root, app, { recursive: true });
  const vitest = (JSON.parse(readFileSync(join(REPO, "node_modules/vitest/package.json"), "utf8")) as { version: string }).version;
  npm(["install", join(work, packed[0]!.filename), `vitest@${vitest}`, "--prefer-offline", "--no-audit", "--no-fund", "--no-save"], app);
}, 600_000);

describe("npm pack", () => {
  it("holds compiled code, types, README and LICENSE; no TypeScript sources, tests or bench", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE", "bin/clawproof.js", "dist/src/api/index.js", "dist/src/api/index.d.ts", "dist/src/vitest/index.js", "dist/src/cli/main.js", "dist/data/releases.json"]));
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => /^(?:test|bench|\.github)\//.test(f) || /\.test\.[jt]s$/.test(f))).toEqual([]);
  });
});

describe("installed into a checkout", () => {
  const bin = () => join(app, "node_modules/.bin/clawproof");

  it("the CLI runs compiled code: --version, and the patch fails the gate against its release's model", () => {
    const version = run(bin(), ["--version"]);
    expect([version.status, version.stdout.trim()]).toEqual([0, (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version]);
    const gate = run(bin(), ["gate", "model:2026.3.13", "path:.", "--format", "json"]);
    expect(gate.stderr).toBe("");
    expect(gate.status).toBe(1);
    expect((JSON.parse(gate.stdout) as { unaccepted: unknown[] }).unaccepted.length).toBeGreaterThan(0);
  });

  it("the API recipe from the README runs and prints what it says", () => {
    writeFileSync(join(app, "api-recipe.mjs"), recipe("api"));
    const result = run(process.execPath, ["api-recipe.mjs"]);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("true true");
  });

  it("the vitest recipe from the README fails on the patch, naming the node admission with its replay", () => {
    mkdirSync(join(app, "test"), { recursive: true });
    writeFileSync(join(app, "test/clawproof.test.ts"), recipe("vitest"));
    writeFileSync(join(app, "vitest.config.mjs"), "export default { test: { testTimeout: 300000, hookTimeout: 600000 } };\n");
    const out = join(work, "vitest.json");
    const result = run(process.execPath, [join(app, "node_modules/vitest/vitest.mjs"), "run", "--reporter", "json", "--outputFile", out]);
    expect(result.status).toBe(1);
    const tests = (JSON.parse(readFileSync(out, "utf8")) as { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] }).testResults.flatMap((r) => r.assertionResults);
    const node = tests.find((t) => t.title === "property node-never-admitted-without-identity")!;
    expect(node.status).toBe("failed");
    expect(node.failureMessages.join("\n")).toContain("replay: npx clawproof check path:.");
    expect(tests.find((t) => t.title.startsWith("gate"))?.status).toBe("failed");
  });
});
