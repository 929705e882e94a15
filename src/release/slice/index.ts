/**
 * Slicer entry point: root names in, one self-contained ES module plus a manifest out.
 * Missing roots are reported, not thrown, so one absent function does not sink the others.
 */
import { looseRefs, type Unit } from "./chunk.ts";
import { collectClosure, type Closure } from "./closure.ts";
import { Dist } from "./dist.ts";
import { emitModule, type Rename } from "./emit.ts";
import { GLUE_ANCHORS, isGlueExport } from "./glue-anchors.ts";
import { sliceGlue } from "./glue.ts";
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
  if (roots.length === 1 && isGlueExport(roots[0]!)) return sliceGlueRoot(d, roots[0]!, opts);
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

  const ext = externalsOf(closure, opts);
  const emitted = chosen.length ? emitModule(closure, chosen, ext.specifierFor) : undefined;
  return {
    code: emitted?.code,
    manifest: {
      roots: chosen.map((c) => ({ name: c.name, chunk: c.unit.chunk, local: c.local, region: c.unit.region, candidates: c.ranked })),
      missing,
      ...closureFacts(d, closure, ext),
      renames: emitted?.renames ?? [],
    },
  };
}

/** Bare and `node:` imports of a closure, and the specifier each is emitted with. */
function externalsOf(closure: Closure, opts: SliceOptions) {
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
  return { bare, node, bareUnresolved, specifierFor };
}

/** The manifest fields every slice reports about its closure (called after emitting, which fills bareUnresolved). */
function closureFacts(d: Dist, closure: Closure, ext: ReturnType<typeof externalsOf>) {
  const perChunk: Record<string, number> = {};
  for (const u of closure.order) perChunk[u.chunk] = (perChunk[u.chunk] ?? 0) + 1;
  const unresolved = [...closure.unresolved];
  for (const [name, chunk] of closure.globals) if (!(name in globalThis)) unresolved.push({ name, chunk, why: "not a global of this Node" });
  return {
    declarations: closure.order.length,
    perChunk,
    imports: { bare: [...ext.bare].sort(), node: [...ext.node].sort() },
    bareUnresolved: [...ext.bareUnresolved].sort(),
    stubbed: [...closure.stubbed].flatMap((u) => u.names),
    unresolved,
    warnings: [...closure.warnings, ...droppedStatementWarnings(d, closure.order)],
  };
}

/**
 * An inline statement named by a glue anchor (glue-anchors.ts), as one module exporting it.
 * Not found is "missing" like an absent function; an ambiguous or untraceable anchor throws.
 */
function sliceGlueRoot(d: Dist, name: string, opts: SliceOptions): SliceResult {
  const stubs = new Set(opts.stubs ?? []);
  // the helpers' closure is only known once the anchor is traced, so the specifier map is made from it then
  let ext: ReturnType<typeof externalsOf> | undefined;
  const glue = sliceGlue(d, name, GLUE_ANCHORS[name]!, stubs, (closure) => (ext = externalsOf(closure, opts)).specifierFor);
  const empty = collectClosure(d, [], () => false);
  const facts = closureFacts(d, glue.closure ?? empty, ext ?? externalsOf(empty, opts));
  return {
    code: glue.code,
    manifest: {
      roots: glue.code ? [{ name, chunk: glue.chunk!, local: name, region: glue.region, candidates: glue.candidates.map((c) => ({ file: c, local: name, region: glue.region, consumers: 0 })) }] : [],
      missing: glue.code ? [] : [name],
      ...facts,
      renames: glue.renames,
      warnings: [...facts.warnings, ...glue.notes],
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
