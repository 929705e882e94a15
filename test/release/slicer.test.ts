/**
 * The slicer on a small hand-written "bundle" shaped like rolldown output: a gateway helper and
 * an extension look-alike with the same name, a name clash across chunks, a re-export chain,
 * a bare import, and a declaration that must be cut out by a stub.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { resolveBareFromRepo } from "../../src/release/bare.ts";
import { sliceRelease } from "../../src/release/slice/index.ts";

const dist = mkdtempSync(join(tmpdir(), "clawproof-slicer-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const files: Record<string, string> = {
  "runtime-R1.js": `var __bump = (x) => x + 1;\nexport { __bump as t };\n`,
  "net-N1.js": [
    `import ipaddr from "ipaddr.js";`,
    `import { t as __bump } from "./runtime-R1.js";`,
    `//#region src/gateway/net.ts`,
    `const limit = 5;`,
    `function isLoopbackAddress(ip) {`,
    `\tif (!ipaddr.isValid(ip)) return false;`,
    `\tconst cfg = { limit };`,
    `\treturn ipaddr.parse(ip).range() === "loopback" && __bump(cfg.limit) === 6;`,
    `}`,
    `//#endregion`,
    `export { isLoopbackAddress as a };`,
  ].join("\n"),
  "index-I1.js": `export * from "./net-N1.js";\n`,
  "voice-V1.js": [
    `//#region extensions/voice-call/src/webhook-security.ts`,
    `function isLoopbackAddress(ip) {\n\treturn ip === "127.0.0.1";\n}`,
    `//#endregion`,
    `export { isLoopbackAddress as n };`,
  ].join("\n"),
  "extensions/voice-call/index.js": `import { n as isLoopbackAddress } from "../../voice-V1.js";\n//#region extensions/voice-call/index.ts\nfunction check(ip) {\n\treturn isLoopbackAddress(ip);\n}\n//#endregion\nexport { check };\n`,
  "handler-H1.js": [
    `import { a as isLoopbackAddress } from "./index-I1.js";`,
    `import { execa } from "execa";`,
    `//#region src/gateway/server/handler.ts`,
    `const limit = 3;`,
    `function readWhois(ip) {\n\treturn execa("tailscale", ["whois", ip]);\n}`,
    `function decide(params, whois = readWhois) {`,
    `\tconst { ip } = params;`,
    `\treturn { limit, local: isLoopbackAddress(ip), whois: typeof whois };`,
    `}`,
    `function callWhois(ip) {\n\treturn readWhois(ip);\n}`,
    `//#endregion`,
    `export { decide as d, callWhois as w };`,
  ].join("\n"),
};
for (const [rel, text] of Object.entries(files)) {
  mkdirSync(join(dist, rel, ".."), { recursive: true });
  writeFileSync(join(dist, rel), text);
}

async function importCode(code: string, name: string): Promise<Record<string, (...a: unknown[]) => unknown>> {
  const file = join(dist, `${name}.out.mjs`);
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

describe("slicer on a synthetic bundle", () => {
  const result = sliceRelease(dist, ["decide", "callWhois", "isLoopbackAddress", "notThere"], {
    stubs: ["readWhois"],
    resolveBare: resolveBareFromRepo,
  });
  const { manifest } = result;

  it("picks the gateway declaration over the extension look-alike", () => {
    const root = manifest.roots.find((r) => r.name === "isLoopbackAddress")!;
    expect(root.chunk).toBe("net-N1.js");
    expect(root.candidates.map((c) => c.file)).toEqual(["net-N1.js", "voice-V1.js"]);
  });

  it("reports missing roots instead of failing", () => {
    expect(manifest.missing).toEqual(["notThere"]);
  });

  it("follows imports through export * and keeps bare imports, rewritten to this repo", () => {
    expect(manifest.imports.bare).toEqual(["ipaddr.js"]);
    expect(result.code).toContain(resolveBareFromRepo("ipaddr.js")!);
    expect(result.code).not.toContain("execa");
    expect(manifest.stubbed).toEqual(["readWhois"]);
    expect(manifest.perChunk).toEqual({ "handler-H1.js": 4, "runtime-R1.js": 1, "net-N1.js": 2 });
  });

  it("renames the clashing `limit` and expands the shorthand property", () => {
    expect(manifest.renames).toEqual([{ chunk: "net-N1.js", from: "limit", to: "limit$s1" }]);
    expect(result.code).toContain("limit: limit$s1");
  });

  it("emits a module that imports and runs", async () => {
    const mod = await importCode(result.code!, "all");
    expect(Object.keys(mod).sort()).toEqual(["callWhois", "decide", "isLoopbackAddress"]);
    expect(mod.decide!({ ip: "127.0.0.2" })).toEqual({ limit: 3, local: true, whois: "function" });
    expect(mod.isLoopbackAddress!("10.0.0.1")).toBe(false);
    expect(() => mod.callWhois!("1.2.3.4")).toThrow(/stub: readWhois/);
  });

  it("resolves a root the same way when sliced alone", () => {
    const alone = sliceRelease(dist, ["isLoopbackAddress"], { resolveBare: resolveBareFromRepo });
    expect(alone.manifest.roots[0]!.chunk).toBe("net-N1.js");
    expect(alone.manifest.renames).toEqual([]);
  });
});
