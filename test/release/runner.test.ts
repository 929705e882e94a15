import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SliceRunner } from "../../src/release/runner.ts";

const dir = mkdtempSync(join(tmpdir(), "clawproof-runner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function module(name: string, code: string): string {
  const file = join(dir, name);
  writeFileSync(file, code);
  return pathToFileURL(file).href;
}

const good = module(
  "good.mjs",
  `let calls = 0;
export function add(a, b) { calls++; return a + b; }
export function nothing() { return undefined; }
export function boom(msg) { throw new TypeError(msg); }
export async function later(x) { return { x, calls }; }
export function giveFunction() { return { f() {} }; }`,
);
const broken = module("broken.mjs", `import "definitely-not-installed-package";\nexport function f() {}`);

describe("isolated runner", async () => {
  const { runner, ready } = await SliceRunner.start([
    { url: good, names: ["add", "nothing", "boom", "later", "giveFunction", "absent"] },
    { url: broken, names: ["f"] },
  ]);
  afterAll(() => runner.close());

  it("reports which roots loaded and why others did not", () => {
    expect(ready.loaded.sort()).toEqual(["add", "boom", "giveFunction", "later", "nothing"]);
    expect(ready.failed.absent).toMatch(/does not export/);
    expect(ready.failed.f).toMatch(/import failed: .*definitely-not-installed-package/);
  });

  it("evaluates a batch in order, one result per argument list", async () => {
    const results = await runner.call("add", [[1, 2], [3, 4], ["a", "b"]]);
    expect(results).toEqual([
      { ok: true, value: 3 },
      { ok: true, value: 7 },
      { ok: true, value: "ab" },
    ]);
  });

  it("keeps undefined as a present `value` key", async () => {
    const [r] = await runner.call("nothing", [[]]);
    expect(r).toEqual({ ok: true, value: undefined });
    expect(r && "value" in r).toBe(true);
  });

  it("turns throws into error strings without failing the batch", async () => {
    const results = await runner.call("boom", [["bad input"], ["other"]]);
    expect(results).toEqual([
      { ok: false, error: "TypeError: bad input" },
      { ok: false, error: "TypeError: other" },
    ]);
  });

  it("awaits async functions and keeps module state inside the worker", async () => {
    const [r] = await runner.call("later", [[5]]);
    expect(r).toEqual({ ok: true, value: { x: 5, calls: 3 } });
  });

  it("reports results that cannot cross the thread boundary", async () => {
    const [a, b] = await runner.call("giveFunction", [[], []]);
    expect(a).toMatchObject({ ok: false, error: expect.stringMatching(/not structured-cloneable/) });
    expect(b?.ok).toBe(false);
  });

  it("does not keep the process alive, with or without close()", () => {
    const runnerUrl = pathToFileURL(fileURLToPath(new URL("../../src/release/runner.ts", import.meta.url))).href;
    for (const close of [true, false]) {
      const script = `import { SliceRunner } from ${JSON.stringify(runnerUrl)};
const { runner } = await SliceRunner.start([{ url: ${JSON.stringify(good)}, names: ["add"] }]);
const [r] = await runner.call("add", [[2, 2]]);
console.log(JSON.stringify(r));
${close ? "await runner.close();" : ""}`;
      const file = join(dir, `exit-${close}.mts`);
      writeFileSync(file, script);
      const out = execFileSync(process.execPath, ["--import", "tsx", file], { timeout: 20_000, encoding: "utf8" });
      expect(out.trim()).toBe('{"ok":true,"value":4}');
    }
  }, 30_000);
});
