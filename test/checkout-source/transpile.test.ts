/**
 * transpileCheckout on small checkouts written here (clawproof's own code, no OpenClaw text), and
 * on a fixture rebuilt from 2026.9.6: the slicer must find every layer's functions in the
 * transpiled sources exactly as it finds them in the release's bundle.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheRoot, releaseDistDir } from "../../src/release/cache.ts";
import { DEFAULT_STUBS } from "../../src/release/load.ts";
import { Dist, sliceRelease } from "../../src/release/slice/index.ts";
import { transpileCheckout } from "../../src/release/source/index.ts";
import { clawproof } from "../helpers/cli.ts";
import { buildSourceFixture, FIXTURE_ROOTS } from "./fixture.ts";

const work = join(cacheRoot(), "tmp", "transpile-test");

function write(root: string, files: Record<string, string>): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe("transpileCheckout", () => {
  const root = join(work, "mini");
  beforeAll(() =>
    write(root, {
      "package.json": JSON.stringify({ name: "openclaw", version: "2026.9.7" }),
      "src/gateway/policy.ts": [
        'import type { Role } from "./types.js";',
        'import { isLocal } from "./net/index.js";',
        'import { trim } from "@openclaw/text";',
        "export function decide(role: Role, host: string): boolean {",
        "  return role === \"operator\" && isLocal(trim(host));",
        "}",
      ].join("\n"),
      "src/gateway/types.ts": 'export type Role = "operator" | "node";\n',
      "src/gateway/net/index.ts": "export const isLocal = (host: string): boolean => host === \"127.0.0.1\";\n",
      "src/gateway/policy.test.ts": "export function decide(): boolean { return true; }\n",
      "src/gateway/__tests__/decoy.ts": "export function decide(): boolean { return true; }\n",
      "packages/text/package.json": JSON.stringify({ name: "@openclaw/text", exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } } }),
      "packages/text/src/index.ts": "export const trim = (s: string): string => s.trim();\n",
    }),
  );

  it("maps ./x.js to x/index.ts and @openclaw/* through packages/*/package.json, and skips tests", async () => {
    const out = await transpileCheckout(root);
    expect(Object.values(out.sources)).toEqual(["packages/text/src/index.ts", "src/gateway/net/index.ts", "src/gateway/policy.ts", "src/gateway/types.ts"]);
    const policy = readFileSync(join(out.distDir, "src/gateway/policy.js"), "utf8");
    expect(policy.split("\n")[0]).toBe("//#region src/gateway/policy.ts");
    expect(policy).toContain('from "./net/index.js"');
    expect(policy).toContain('from "../../packages/text/src/index.js"');
    expect(policy).not.toContain("./types.js");
    const { manifest, code } = sliceRelease(new Dist(out.distDir), ["decide"]);
    expect(manifest.roots[0]!.region).toBe("src/gateway/policy.ts");
    expect(manifest.unresolved).toEqual([]);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code!)}`)) as { decide(r: string, h: string): boolean };
    expect([mod.decide("operator", " 127.0.0.1 "), mod.decide("node", "127.0.0.1")]).toEqual([true, false]);
  });

  it("is cached by the content of the files read: unchanged reuses, an edit transpiles afresh", async () => {
    const first = await transpileCheckout(root);
    const again = await transpileCheckout(root);
    expect([again.fingerprint, again.transpiled]).toEqual([first.fingerprint, 0]);
    // content never transpiled before (the cache outlives test runs)
    writeFileSync(join(root, "src/gateway/types.ts"), `export type Role = "operator" | "node";\n// edited ${process.pid}-${Date.now()}\n`);
    const edited = await transpileCheckout(root);
    expect(edited.fingerprint).not.toBe(first.fingerprint);
    expect(edited.transpiled).toBeGreaterThan(0);
  });

  it("a file esbuild cannot parse is one line naming it", async () => {
    const broken = join(work, "broken");
    write(broken, { "package.json": "{}", "src/a.ts": "export const x = ;\n" });
    await expect(transpileCheckout(broken)).rejects.toThrow(/^cannot transpile src\/a\.ts:1: /);
  });
});

describe("a fixture rebuilt from 2026.9.6", () => {
  it("slices every layer's roots from the sources as from the release's bundle (same source file, same declarations)", async () => {
    const fixture = await buildSourceFixture("2026.9.6", join(work, "2026.9.6"));
    const fromSource = new Dist((await transpileCheckout(fixture.root)).distDir);
    const fromDist = new Dist(releaseDistDir("2026.9.6"));
    const shape = (dist: Dist) =>
      FIXTURE_ROOTS.map((root) => {
        const { manifest } = sliceRelease(dist, [root], { stubs: DEFAULT_STUBS });
        return { root, region: manifest.roots[0]?.region, declarations: manifest.declarations, unresolved: manifest.unresolved.length };
      });
    const expected = shape(fromDist).filter((r) => r.region !== undefined);
    expect(expected.map((r) => r.root)).toEqual(expect.arrayContaining(["evaluateMissingDeviceIdentity", "roleCanSkipDeviceIdentity", "resolvePairingLocality", "isLocalDirectRequest", "authorizeGatewayConnect"]));
    expect(shape(fromSource).filter((r) => r.region !== undefined)).toEqual(expected);
  });

  it("is checked on every layer from its sources, each layer agreeing with the model as the release's does", () => {
    const run = (ref: string) => JSON.parse(clawproof("check", ref, "--seed", "1", "--format", "json").stdout) as {
      impls: { status: string; provenance: { step: string; decidedBy: string }[]; agreement: { function: string; status: string }[] }[];
    };
    const source = run(`path:${join(work, "2026.9.6")}`).impls[0]!;
    const release = run("openclaw@2026.9.6").impls[0]!;
    expect(source.provenance.filter((p) => p.decidedBy === "source").map((p) => p.step)).toEqual(
      release.provenance.filter((p) => p.decidedBy === "sliced").map((p) => p.step),
    );
    expect(source.agreement.map((a) => [a.function, a.status])).toEqual(release.agreement.map((a) => [a.function, a.status]));
    expect(source.status).toBe(release.status);
  });
});
