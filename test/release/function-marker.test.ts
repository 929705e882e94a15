import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FUNCTION_MARKER, SliceRunner, functionReturning } from "../../src/release/runner.ts";

/** Function arguments cross the worker boundary as markers the worker revives (runner.ts). */
const dir = mkdtempSync(join(tmpdir(), "clawproof-marker-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, "calls.mjs");
writeFileSync(
  file,
  `export async function lookup(params) {
  const found = await params.whois("100.64.0.1");
  return { found, kind: typeof params.whois, other: params.other };
}
export function nested(list) { return list.map((entry) => (typeof entry.f === "function" ? entry.f() : entry)); }
export function mutate(params) { const v = params.f(); v.n++; return params.f(); }
export function describe(x) { return typeof x; }`,
);

describe("function markers", async () => {
  const { runner } = await SliceRunner.start([{ url: pathToFileURL(file).href, names: ["lookup", "nested", "mutate", "describe"] }]);
  afterAll(() => runner.close());

  it("are plain JSON, so replay commands can carry them", () => {
    const marker = functionReturning({ login: "a@b" }, { async: true });
    expect(JSON.parse(JSON.stringify(marker))).toEqual({ [FUNCTION_MARKER]: { returns: { login: "a@b" }, async: true } });
  });

  it("revive into functions returning the value, sync or async, per call in a batch", async () => {
    const results = await runner.call("lookup", [
      [{ whois: functionReturning({ login: "alice" }, { async: true }), other: 1 }],
      [{ whois: functionReturning(null) }],
    ]);
    expect(results).toEqual([
      { ok: true, value: { found: { login: "alice" }, kind: "function", other: 1 } },
      { ok: true, value: { found: null, kind: "function", other: undefined } },
    ]);
  });

  it("revive inside arrays and leave ordinary objects alone", async () => {
    const [r] = await runner.call("nested", [[[{ f: functionReturning(7) }, { f: 1, g: 2 }]]]);
    expect(r).toEqual({ ok: true, value: [7, { f: 1, g: 2 }] });
  });

  it("hand out a fresh copy on every call", async () => {
    const [r] = await runner.call("mutate", [[{ f: functionReturning({ n: 1 }) }]]);
    expect(r).toEqual({ ok: true, value: { n: 1 } });
  });

  it("only revive an object whose sole key is the marker", async () => {
    const [a, b] = await runner.call("describe", [[{ [FUNCTION_MARKER]: { returns: 1, async: false }, extra: true }], [functionReturning(1)]]);
    expect(a).toEqual({ ok: true, value: "object" });
    expect(b).toEqual({ ok: true, value: "function" });
  });
});
