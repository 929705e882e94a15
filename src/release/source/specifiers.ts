/**
 * Import specifiers of a transpiled file, rewritten so every module the file imports is found in
 * the transpiled tree: TypeScript's `./x.js` names `x.ts`, `x.tsx` or `x/index.ts`, and a
 * workspace package (`@openclaw/gateway-client`) names a source file in `packages/`.
 */
import { posix } from "node:path";
import type { WorkspacePackage } from "./files.ts";

/** Where a source file lands in the transpiled tree: same path, `.js` extension. */
export const emittedPath = (source: string): string => source.replace(/\.(?:ts|tsx|mts)$/, ".js");

const SCRIPT_EXT = /\.(?:js|mjs|cjs|jsx|ts|tsx|mts)$/;
const INDEXES = ["index.ts", "index.tsx", "index.mts"];

/** The source file a relative specifier names, or undefined when no source file matches. */
export function resolveRelative(from: string, specifier: string, sources: ReadonlySet<string>): string | undefined {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stem = target.replace(SCRIPT_EXT, "");
  const candidates = [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, ...INDEXES.map((i) => posix.join(target, i))];
  if (stem !== target) candidates.push(...INDEXES.map((i) => posix.join(stem, i)));
  return candidates.find((c) => sources.has(c));
}

/** The source file an `@scope/name[/sub]` specifier names inside a workspace package. */
export function resolveWorkspace(specifier: string, packages: readonly WorkspacePackage[], sources: ReadonlySet<string>): string | undefined {
  const pkg = packages.find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
  if (!pkg) return undefined;
  const sub = specifier === pkg.name ? "." : `./${specifier.slice(pkg.name.length + 1)}`;
  const declared = [exportTarget(pkg.manifest.exports, sub), ...(sub === "." ? [pkg.manifest.module, pkg.manifest.main, pkg.manifest.types] : [])];
  const guesses = sub === "." ? ["./src/index.ts", "./index.ts"] : [`./src/${sub.slice(2)}`, sub];
  for (const entry of [...declared, ...guesses]) {
    if (typeof entry !== "string") continue;
    // a manifest pointing at build output (`./dist/x.js`) names the source it was built from
    const rel = posix.normalize(posix.join(pkg.dir, entry));
    for (const guess of [rel, rel.replace(new RegExp(`^${pkg.dir}/(?:dist|build|lib)/`), `${pkg.dir}/src/`)]) {
      const hit = resolveRelative(`${pkg.dir}/_`, `./${posix.relative(pkg.dir, guess)}`, sources);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** `exports[sub]`, following condition objects (source and development conditions first). */
function exportTarget(exports: unknown, sub: string): unknown {
  if (exports === undefined || exports === null) return undefined;
  if (typeof exports === "string") return sub === "." ? exports : undefined;
  if (typeof exports !== "object") return undefined;
  const map = exports as Record<string, unknown>;
  const keyed = Object.keys(map).some((k) => k.startsWith(".")) ? map[sub] : sub === "." ? map : undefined;
  return pickCondition(keyed);
}

const CONDITIONS = ["source", "development", "import", "node", "default", "types"];
function pickCondition(value: unknown): unknown {
  if (typeof value === "string" || value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map(pickCondition).find((v) => typeof v === "string");
  const map = value as Record<string, unknown>;
  for (const c of CONDITIONS) if (c in map) {
    const v = pickCondition(map[c]);
    if (typeof v === "string") return v;
  }
  return undefined;
}

/**
 * Static imports and re-exports in esbuild's output start at column 0 (`import`, `export`, or the
 * `}` closing a multi-line clause), so module specifiers are found there without a second parse;
 * dynamic `import("…")` calls are rewritten too.
 */
const STATIC = /^((?:import|export)\b[^\n;]*?\bfrom\s*|\}\s*from\s*|import\s*)(["'])([^"'\n]+)\2/gm;
const DYNAMIC = /(\bimport\(\s*)(["'])([^"'\n]+)\2(\s*\))/g;

export function rewriteSpecifiers(code: string, map: (specifier: string) => string | undefined): string {
  const swap = (spec: string) => map(spec) ?? spec;
  return code
    .replace(STATIC, (_m, head: string, q: string, spec: string) => `${head}${q}${swap(spec)}${q}`)
    .replace(DYNAMIC, (_m, head: string, q: string, spec: string, tail: string) => `${head}${q}${swap(spec)}${q}${tail}`);
}

/** A relative specifier from one emitted file to another. */
export function specifierBetween(fromSource: string, toSource: string): string {
  const rel = posix.relative(posix.dirname(emittedPath(fromSource)), emittedPath(toSource));
  return rel.startsWith(".") ? rel : `./${rel}`;
}
