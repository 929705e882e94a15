/**
 * A source-checkout fixture built at test time from a published release's own code, so nothing of
 * OpenClaw is committed: the declarations the policy, locality, auth, pairing and origin layers slice are
 * taken out of the release's bundle and written back as one TypeScript file per source module they
 * came from (the bundle's `//#region` paths, e.g. src/gateway/server/ws-connection/connect-policy.ts),
 * with imports between those files and a package.json naming the release's version.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fetchRelease } from "../../src/release/fetch.ts";
import { releaseDistDir } from "../../src/release/cache.ts";
import { DEFAULT_STUBS } from "../../src/release/load.ts";
import { GLUE_ANCHORS } from "../../src/release/slice/glue-anchors.ts";
import { Dist } from "../../src/release/slice/index.ts";
import { collectClosure } from "../../src/release/slice/closure.ts";
import { emitUnit, importLine, nameClosure } from "../../src/release/slice/emit.ts";
import { externalKey } from "../../src/release/slice/closure.ts";
import { locateRoot } from "../../src/release/slice/locate.ts";
import type { Unit } from "../../src/release/slice/chunk.ts";

/** The OpenClaw exports clawproof's layers slice (policy functions, locality, auth and final auth, pairing locality, origin). */
export const FIXTURE_ROOTS = [
  "evaluateMissingDeviceIdentity", "roleCanSkipDeviceIdentity", "resolveControlUiAuthPolicy", "isTrustedProxyControlUiOperatorAuth",
  "shouldClearUnboundScopesForMissingDeviceIdentity", "shouldSkipControlUiPairing", "shouldSkipBackendSelfPairing",
  "shouldSkipLocalBackendSelfPairing", "shouldAllowSilentLocalPairing", "resolvePairingLocality",
  "isLocalDirectRequest", "resolveClientIp", "isTrustedProxyAddress", "isLoopbackAddress", "isLocalishHost", "isLoopbackHost",
  "resolveRequestClientIp", "authorizeGatewayConnect", "resolveConnectAuthState", "resolveConnectAuthDecision", "markGatewayIngressTransport",
  "checkBrowserOrigin", "resolveHandshakeBrowserSecurityContext", "resolveGatewayWsBrowserOrigin",
];

export interface Fixture {
  root: string;
  version: string;
  /** checkout-relative files written, sorted. */
  files: string[];
  /** the file declaring each root that the release has. */
  rootFiles: Record<string, string>;
}

/** Writes the fixture for `version` into `root` (emptied first). */
export async function buildSourceFixture(version: string, root: string, roots: readonly string[] = FIXTURE_ROOTS): Promise<Fixture> {
  await fetchRelease(version);
  const dist = new Dist(releaseDistDir(version));
  const chosen = roots.flatMap((name) => {
    const c = locateRoot(dist, name);
    return c ? [c] : [];
  });
  const stubs = new Set<string>(DEFAULT_STUBS);
  const rootUnits = new Set(chosen.map((c) => c.unit));
  const closure = collectClosure(dist, [...rootUnits], (u) => !rootUnits.has(u) && u.names.some((n) => stubs.has(n.replace(/\$\d+$/, ""))));
  const global = nameClosure(closure);

  const fileOf = (u: Unit): string => {
    const region = u.region;
    if (region && /^(?:src|packages)\/[\w./-]+\.tsx?$/.test(region) && !region.includes("..")) return region.replace(/\.tsx$/, ".ts");
    // bundler runtime helpers and vendored dependencies have no source file of their own
    return `src/vendor/${(region ?? u.chunk).replace(/[^\w.-]+/g, "_").replace(/\.m?[jt]sx?$/, "")}.ts`;
  };
  const byFile = new Map<string, Unit[]>();
  for (const u of closure.order) byFile.set(fileOf(u), [...(byFile.get(fileOf(u)) ?? []), u]);

  // Each file is its own scope: its declarations keep their source names (the bundler's `$1`
  // suffixes dropped where the file has no clash), imports get file-unique aliases.
  const exported = new Map<Unit, Map<string, string>>();
  const texts = new Map<string, { taken: Set<string>; names: Map<Unit, Map<string, string>> }>();
  for (const [file, units] of byFile) {
    const taken = new Set<string>(closure.globals.keys());
    const names = new Map<Unit, Map<string, string>>();
    const claim = (want: string) => {
      let n = want;
      for (let i = 1; taken.has(n); i++) n = `${want}_${i}`;
      taken.add(n);
      return n;
    };
    for (const u of units) names.set(u, new Map(u.names.map((n) => [n, claim(n.replace(/\$\d+$/, ""))])));
    for (const u of units) exported.set(u, names.get(u)!);
    texts.set(file, { taken, names });
  }

  const rootFiles: Record<string, string> = {};
  for (const c of chosen) rootFiles[c.name] = fileOf(c.unit);
  rmSync(root, { recursive: true, force: true });
  for (const [file, units] of byFile) {
    const { taken, names } = texts.get(file)!;
    const view = new Map(names);
    const imports: string[] = [];
    const externals = new Map<string, string>();
    const alias = (want: string) => {
      let n = want;
      for (let i = 1; taken.has(n); i++) n = `${want}_${i}`;
      taken.add(n);
      return n;
    };
    for (const u of units) {
      for (const [, target] of closure.targets.get(u) ?? []) {
        if (target?.kind === "unit" && !view.has(target.unit)) {
          const from = fileOf(target.unit);
          const there = exported.get(target.unit)!;
          const local = new Map<string, string>();
          for (const [n, out] of there) {
            const a = alias(out);
            local.set(n, a);
            imports.push(importLine(a, out, specifierFor(file, from)));
          }
          view.set(target.unit, local);
        } else if (target?.kind === "external") {
          const key = externalKey(target.specifier, target.imported);
          if (externals.has(key)) continue;
          const a = alias(global.externals.get(key)!);
          externals.set(key, a);
          imports.push(importLine(a, target.imported, target.specifier));
        }
      }
    }
    const body = units.map((u) => emitUnit(u, closure, view, externals));
    const own = units.flatMap((u) => [...names.get(u)!.values()]);
    const rootExports = chosen.filter((c) => units.includes(c.unit) && names.get(c.unit)!.get(c.local) !== c.name)
      .map((c) => `${names.get(c.unit)!.get(c.local)} as ${c.name}`);
    const text = [...imports, ...body, `export { ${[...own, ...rootExports].join(", ")} };`, ""].join("\n");
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const files = new Set(byFile.keys());
  for (const file of writeGlueShells(dist, root, closure.order, fileOf)) files.add(file);
  writeWorkspacePackages(root, version, [...files]);
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "openclaw", version, type: "module", private: true }, null, 2) + "\n");
  return { root, version, files: [...files].sort(), rootFiles };
}

/**
 * The functions the glue layer's inline statements sit in (src/release/slice/glue-anchors.ts),
 * written verbatim into their source file without their closure: the connect handler pulls in
 * thousands of declarations, while the statements the glue slicer traces read only their own
 * consts, inputs and helpers (none outside the function at the fixture's versions, 3.13 and 9.6).
 */
const GLUE_SHELLS = [...new Set(Object.values(GLUE_ANCHORS).map((a) => a.within[0]!))];

function writeGlueShells(dist: Dist, root: string, copied: readonly Unit[], fileOf: (u: Unit) => string): string[] {
  const written: string[] = [];
  for (const name of GLUE_SHELLS) {
    const unit = locateRoot(dist, name)?.unit;
    if (!unit || copied.includes(unit)) continue;
    const text = unit.source.slice(unit.node.start, unit.node.end);
    const file = fileOf(unit);
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    const before = existsSync(path) ? readFileSync(path, "utf8") : "";
    writeFileSync(path, `${before}${unit.kind === "declarator" ? `${unit.keyword} ` : ""}${text}${unit.kind === "declarator" ? ";" : ""}\nexport { ${name} };\n`);
    written.push(file);
  }
  return written;
}

/** `packages/<name>/…` files are a workspace package, `@openclaw/<name>`, re-exported from its index. */
const PACKAGE_FILE = /^packages\/([\w.-]+)\//;

/** Code outside a workspace package imports it by name (as OpenClaw's sources do); inside, by path. */
function specifierFor(from: string, to: string): string {
  const pkg = PACKAGE_FILE.exec(to)?.[1];
  if (pkg && PACKAGE_FILE.exec(from)?.[1] !== pkg) return `@openclaw/${pkg}`;
  return relativeSpecifier(from, to);
}

function writeWorkspacePackages(root: string, version: string, files: readonly string[]): void {
  const byPackage = new Map<string, string[]>();
  for (const f of files) {
    const pkg = PACKAGE_FILE.exec(f)?.[1];
    if (pkg) byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), f]);
  }
  for (const [pkg, members] of byPackage) {
    const dir = join(root, "packages", pkg);
    const manifest = { name: `@openclaw/${pkg}`, version, type: "module", exports: { ".": "./src/index.ts" } };
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
    const index = `packages/${pkg}/src/index.ts`;
    const lines = members.filter((m) => m !== index).map((m) => `export * from "${relativeSpecifier(index, m)}";`);
    mkdirSync(dirname(join(root, index)), { recursive: true });
    writeFileSync(join(root, index), lines.join("\n") + "\n");
  }
}

const relativeSpecifier = (from: string, to: string): string => {
  const rel = posix.relative(posix.dirname(from), to).replace(/\.ts$/, ".js");
  return rel.startsWith(".") ? rel : `./${rel}`;
};

/** Edits one fixture file in place (a patch a contributor would make); throws when `edit` changed nothing. */
export function patchFile(root: string, file: string, edit: (text: string) => string): void {
  const path = join(root, file);
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`patch to ${file} did not apply`);
  writeFileSync(path, after);
}
