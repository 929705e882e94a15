/**
 * Slicer entry point: root names in, one self-contained ES module plus a manifest out.
 * Missing roots are reported, not thrown, so one absent function does not sink the others.
 */
import { looseRefs, type Unit } from "./chunk.ts";
import { collectClosure } from "./closure.ts";
import { Dist } from "./dist.ts";
import { emitModule, type Rename } from "./emit.ts";
import { locateRoot, type RootChoice } from "./locate.ts";

export { Dist } from "./dist.ts";

export interface SliceOptions {
  /** Declarations (by name) replaced with functions that throw; their dependencies are not copied. */
  stubs?: readonly string[];
  /** Maps a bare specifier to what the emitted module should import instead (e.g. a file URL). */
  resolveBare?: (specifier: string) => string | undefined;
}

export interface SliceManifest {
  roots: { name: string; chunk: string; local: string; region: string | undefined; candidates: RootChoice["ranked"] }[];
  /** Roots with no top-level declaration in this release. */
  missing: string[];
  declarations: number;
  perChunk: Record<string, number>;
  imports: { bare: string[]; node: string[] };
  /** Bare specifiers the resolver could not map; importing the slice will fail on these. */
  bareUnresolved: string[];
  renames: Rename[];
  stubbed: string[];
  /** Free names that are neither module-level nor a global of this Node (e.g. build-time flags). */
  unresolved: { name: string; chunk: string; why: string }[];
  warnings: string[];
}

export interface SliceResult {
  /** Undefined when no root was found. */
  code: string | undefined;
  manifest: SliceManifest;
}

const baseName = (local: string): string => local.replace(/\$\d+$/, "");

export function sliceRelease(dist: Dist | string, roots: readonly string[], opts: SliceOptions = {}): SliceResult {
  const d = typeof dist === "string" ? new Dist(dist) : dist;
  const stubs = new Set(opts.stubs ?? []);
  const chosen: RootChoice[] = [];
  const missing: string[] = [];
  for (const name of roots) {
    const choice = locateRoot(d, name);
    if (choice) chosen.push(choice);
    else missing.push(name);
  }
  const isStub = (u: Unit) => !chosen.some((c) => c.unit === u) && u.names.some((n) => stubs.has(baseName(n)));
  const closure = collectClosure(
    d,
    chosen.map((c) => c.unit),
    isStub,
  );

  const bare = new Set<string>();
  const node = new Set<string>();
  const bareUnresolved = new Set<string>();
  for (const ext of closure.externals.values()) (ext.builtin ? node : bare).add(ext.specifier);
  const specifierFor = (spec: string): string => {
    if (!bare.has(spec)) return spec;
    const mapped = opts.resolveBare?.(spec);
    if (mapped === undefined) bareUnresolved.add(spec);
    return mapped ?? spec;
  };

  const perChunk: Record<string, number> = {};
  for (const u of closure.order) perChunk[u.chunk] = (perChunk[u.chunk] ?? 0) + 1;
  const emitted = chosen.length ? emitModule(closure, chosen, specifierFor) : undefined;
  const unresolved = [...closure.unresolved];
  for (const [name, chunk] of closure.globals) if (!(name in globalThis)) unresolved.push({ name, chunk, why: "not a global of this Node" });

  return {
    code: emitted?.code,
    manifest: {
      roots: chosen.map((c) => ({ name: c.name, chunk: c.unit.chunk, local: c.local, region: c.unit.region, candidates: c.ranked })),
      missing,
      declarations: closure.order.length,
      perChunk,
      imports: { bare: [...bare].sort(), node: [...node].sort() },
      bareUnresolved: [...bareUnresolved].sort(),
      renames: emitted?.renames ?? [],
      stubbed: [...closure.stubbed].flatMap((u) => u.names),
      unresolved,
      warnings: [...closure.warnings, ...droppedStatementWarnings(d, closure.order)],
    },
  };
}

/**
 * Top-level statements that are not declarations are dropped. Say so when one of them touches
 * a copied declaration (it might have initialised it).
 */
function droppedStatementWarnings(dist: Dist, order: Unit[]): string[] {
  const byChunk = new Map<string, Set<string>>();
  for (const u of order) {
    const s = byChunk.get(u.chunk) ?? new Set<string>();
    for (const n of u.names) s.add(n);
    byChunk.set(u.chunk, s);
  }
  const out: string[] = [];
  for (const [file, names] of byChunk) {
    for (const stmt of dist.chunk(file).looseStatements()) {
      const touched = [...new Set(looseRefs(stmt))].filter((n) => names.has(n));
      if (touched.length) out.push(`dropped top-level statement in ${file} touches ${touched.join(", ")}`);
    }
  }
  return out;
}
