/**
 * Which files of a checkout are read: its `src/` TypeScript and the sources of its workspace
 * packages (`packages/<name>/`), never tests, build output or dependencies. A test can hold a
 * second copy of a policy function (a fixture, a mock) that must never be picked as the real one.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

/** Folders that never hold shipped code. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "coverage", "test", "tests", "__tests__", "__mocks__", "fixtures", ".git"]);
const SOURCE_FILE = /\.(?:ts|tsx|mts)$/;
const NOT_SHIPPED = /\.(?:test|spec|e2e|bench)\.[cm]?tsx?$|\.d\.[cm]?ts$/;

export interface WorkspacePackage {
  name: string;
  /** checkout-relative folder, e.g. `packages/gateway-client`. */
  dir: string;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: unknown;
}

/** Checkout-relative paths (posix) of every source file to transpile (src/ and packages/*), sorted. */
export function listSources(root: string, packages: readonly WorkspacePackage[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(path);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !NOT_SHIPPED.test(entry.name)) out.push(path);
    }
  };
  if (existsSync(join(root, "src"))) walk("src");
  // every workspace folder, named or not: sources may import it by relative path as well as by name
  const workspace = new Set(packages.map((p) => p.dir));
  if (existsSync(join(root, "packages"))) {
    for (const entry of readdirSync(join(root, "packages"), { withFileTypes: true })) if (entry.isDirectory()) workspace.add(`packages/${entry.name}`);
  }
  for (const dir of [...workspace].sort()) walk(dir);
  return out.sort();
}

/** `packages/*` folders with a named package.json: what `@openclaw/*` imports resolve to. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const dir = join(root, "packages");
  if (!existsSync(dir)) return [];
  const out: WorkspacePackage[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const manifestPath = join(dir, entry.name, "package.json");
    if (!existsSync(manifestPath)) continue;
    let manifest: PackageManifest;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as PackageManifest;
    } catch {
      continue; // an unreadable manifest names no package; imports of it stay bare and are reported as such
    }
    if (typeof manifest.name === "string") out.push({ name: manifest.name, dir: `packages/${entry.name}`, manifest });
  }
  return out.sort((a, b) => a.dir.localeCompare(b.dir));
}
