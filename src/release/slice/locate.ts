/**
 * Finding the right declaration of a root name. Bundles carry look-alikes with the same name
 * (an extension's own `isLoopbackAddress`, duplicate gateway chunks), so we gather every
 * top-level declaration of the name plus every declaration a chunk actually imports under that
 * name, then rank them by where their source came from and where they are used.
 */
import type { Unit } from "./chunk.ts";
import type { Dist } from "./dist.ts";
import { regionAt } from "./regions.ts";

export interface Candidate {
  unit: Unit;
  /** The module-level name the declaration has in its own chunk (may carry a `$1` suffix). */
  local: string;
  /** Chunks importing it under the root name, with the region that uses it there. */
  consumers: { file: string; region: string | undefined }[];
}

export interface RootChoice extends Candidate {
  name: string;
  /** Every candidate considered, best first (for the manifest). */
  ranked: { file: string; local: string; region: string | undefined; consumers: number }[];
}

const escape = (s: string): string => s.replace(/[$]/g, "\\$");
const IMPORT_LINE = /^import\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/gm;
/** What may start a top-level declaration; `declared` below is this followed by the root's name. */
const DECLARATION = String.raw`^(?:export\s+)?(?:async\s+)?(?:function\*?\s*|class\s+|(?:const|let|var)\s+)`;
/** Every line that starts like a declaration, with the identifier after the keywords (a line has at most one such reading). */
const DECLARATION_LINE = new RegExp(`${DECLARATION.replace("^", "^(?=")}([\\w$]+))`, "gm");

interface FileLines {
  declarations: { at: number; ident: string }[];
  imports: RegExpExecArray[];
}

/**
 * Per file, its declaration-like lines and import lines, scanned once per dist: a release is
 * sliced root by root, and scanning each of ~800 chunks (~60 MB) again for every root's name was
 * most of a cold slice. A root declared in a file has its name at the start of one of these
 * identifiers, and one it imports appears in an import line, so the lines stand in for a search
 * of the whole text; each candidate line is still confirmed by the root's own declaration pattern.
 */
const scanned = new WeakMap<Dist, Map<string, FileLines>>();
function linesOf(dist: Dist, file: string): FileLines {
  let files = scanned.get(dist);
  if (!files) scanned.set(dist, (files = new Map()));
  let lines = files.get(file);
  if (!lines) {
    const text = dist.text(file);
    const declarations = [...text.matchAll(DECLARATION_LINE)].map((m) => ({ at: m.index!, ident: m[1]! }));
    files.set(file, (lines = { declarations, imports: [...text.matchAll(IMPORT_LINE)] }));
  }
  return lines;
}

export function locateRoot(dist: Dist, name: string): RootChoice | undefined {
  const localName = new RegExp(`^${escape(name)}(?:\\$\\d+)?$`);
  // sticky: tried at one line start at a time
  const declared = new RegExp(`${DECLARATION}${escape(name)}(?:\\$\\d+)?\\b`, "my");
  const declaredAt = (text: string, at: number) => ((declared.lastIndex = at), declared.test(text));
  const found = new Map<Unit, Candidate>();
  const candidate = (unit: Unit, local: string): Candidate => {
    let c = found.get(unit);
    if (!c) found.set(unit, (c = { unit, local, consumers: [] }));
    return c;
  };

  for (const file of dist.searchable) {
    const text = dist.text(file);
    const lines = linesOf(dist, file);
    if (lines.declarations.some((d) => d.ident.startsWith(name) && declaredAt(text, d.at))) {
      const chunk = dist.chunk(file);
      for (const local of chunk.declaredNames(localName)) {
        const b = chunk.binding(local);
        if (b?.kind === "unit") candidate(b.unit, local);
      }
    }
    for (const m of lines.imports) {
      if (!m[1]!.includes(name)) continue;
      for (const spec of m[1]!.split(",")) {
        const [imported, local = imported] = spec.trim().split(/\s+as\s+/) as [string, string?];
        if (!imported || !localName.test(local!)) continue;
        const target = dist.resolveImport(file, m[2]!, imported);
        if (target.kind !== "unit") continue;
        candidate(target.unit, target.local).consumers.push({ file, region: usageRegion(text, local!, m.index!) });
      }
    }
  }
  const ranked = [...found.values()].sort(compareCandidates);
  const best = ranked[0];
  if (!best) return undefined;
  return {
    ...best,
    name,
    ranked: ranked.map((c) => ({ file: c.unit.chunk, local: c.local, region: c.unit.region, consumers: c.consumers.length })),
  };
}

/**
 * Lower is better: gateway sources, then the rest of the app, then workspace packages, then
 * extensions (which bundle their own helpers under the same names).
 */
export function regionRank(region: string | undefined, file: string): number {
  if (region === undefined) return file.startsWith("extensions/") ? 3 : 2;
  if (region.startsWith("src/gateway/")) return 0;
  if (region.startsWith("src/")) return 1;
  if (region.startsWith("packages/")) return 2;
  if (region.startsWith("extensions/")) return 3;
  return 2.5;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const own = (c: Candidate) => regionRank(c.unit.region, c.unit.chunk);
  // A helper that lives in a workspace package but is imported by gateway code is gateway code.
  const best = (c: Candidate) => Math.min(own(c), ...c.consumers.map((u) => regionRank(u.region, u.file)));
  const keys: [(c: Candidate) => number | string][] = [
    [best],
    [own],
    [(c) => (c.unit.chunk.includes("/") ? 1 : 0)],
    [(c) => -c.consumers.length],
    [(c) => (c.local.includes("$") ? 1 : 0)],
    [(c) => c.unit.chunk],
  ];
  for (const [key] of keys) {
    const x = key(a);
    const y = key(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.unit.node.start - b.unit.node.start;
}

/** The region around the first use of `local` after the import that brought it in. */
function usageRegion(text: string, local: string, importAt: number): string | undefined {
  const body = text.indexOf("\n//#region", importAt);
  const use = new RegExp(`(?<![\\w$.])${escape(local)}(?![\\w$])`, "g");
  use.lastIndex = body === -1 ? importAt : body;
  const hit = use.exec(text);
  if (!hit) return undefined;
  return regionAt(text, hit.index);
}
