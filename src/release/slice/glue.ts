/**
 * The statement-level slicer: an inline expression of the connect handler (named by a glue
 * anchor) cut out as a callable whose one object parameter holds its declared inputs, with the
 * consts it reads re-declared in order and the module-level helpers it calls sliced from the
 * same release like any export. Not found is "missing"; two different matches, or a name the
 * trace cannot place, is an error (the layer then cannot check), never a guess.
 */
import { collectClosure, type Closure } from "./closure.ts";
import type { Dist } from "./dist.ts";
import { emitUnit, importLine, nameClosure } from "./emit.ts";
import type { GlueSpec } from "./glue-anchors.ts";
import { findAnchors } from "./glue-find.ts";
import { GlueRefusal, traceGlue, type GlueTrace } from "./glue-trace.ts";
import type { AnyNode } from "./patterns.ts";
import type { Unit } from "./chunk.ts";

export { GlueRefusal } from "./glue-trace.ts";

/** One traced expression's text with hole calls replaced by their input and module names by their output names. */
function exprText(t: GlueTrace, node: AnyNode, outName: (name: string) => string): string {
  const edits = [
    ...t.holeCalls.get(node)!.map((c) => ({ start: c.start, end: c.end, text: c.callee.name as string })),
    ...t.moduleRefs.get(node)!.flatMap((r) => {
      const out = outName(r.name);
      return out === r.name ? [] : [{ start: r.start, end: r.end, text: r.shorthand ? `${r.name}: ${out}` : out }];
    }),
  ].sort((a, b) => a.start - b.start);
  let text = "";
  let at = node.start;
  for (const e of edits) {
    text += t.unit.source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return text + t.unit.source.slice(at, node.end);
}

/** The callable's own text (helpers excluded): what two matches must agree on to count as one anchor. */
function glueFunction(name: string, spec: GlueSpec, t: GlueTrace, outName: (n: string) => string): string {
  const params = [...t.inputs, ...t.holes].sort();
  const pins = t.pins.sort().map((p) => `\tconst ${p} = ${spec.pins![p] === undefined ? "void 0" : JSON.stringify(spec.pins![p])};`);
  const consts = t.consts.map((c) => `\tconst ${c.name} = ${exprText(t, c.init, outName)};`);
  const [only] = t.terms;
  const value = t.terms.length === 1 && !only!.negate ? exprText(t, only!.expr, outName)
    : t.terms.length ? t.terms.map((term) => `${term.negate ? "!" : ""}(${exprText(t, term.expr, outName)})`).join(" && ") : "false";
  const ret = spec.truthy ? `(${value}) ? true : false` : `(${value})`;
  return [`export ${t.async ? "async " : ""}function ${name}({ ${params.join(", ")} }) {`, ...pins, ...consts, `\treturn ${ret};`, "}"].join("\n");
}

export interface GlueSlice {
  code: string | undefined;
  chunk?: string;
  region?: string;
  /** every match found, as file:offset. */
  candidates: string[];
  closure?: Closure;
  renames: { chunk: string; from: string; to: string }[];
  notes: string[];
}

const where = (u: Unit, node: AnyNode) => `${u.chunk}@${u.node.start + node.start}`;

export function sliceGlue(dist: Dist, name: string, spec: GlueSpec, stubs: ReadonlySet<string>, specifiers: (closure: Closure) => (s: string) => string): GlueSlice {
  const hits = findAnchors(dist, spec);
  const candidates = hits.map((h) => where(h.unit, h.expr));
  if (!hits.length) return { code: undefined, candidates, renames: [], notes: [] };
  const traces = hits.map((h) => {
    try {
      return traceGlue(h.unit, h.expr, h.terms, spec, (n) => dist.chunk(h.unit.chunk).binding(n) !== undefined);
    } catch (err) {
      if (err instanceof GlueRefusal) throw new GlueRefusal(`${name} in ${where(h.unit, h.expr)}: ${err.message}`);
      throw err;
    }
  });
  // the 2.x–3.x bundles ship two copies of the gateway: the same statement twice is one anchor
  const own = traces.map((t) => glueFunction(name, spec, t, (n) => n) + "\n" + t.moduleNames.join(","));
  if (new Set(own).size > 1) throw new GlueRefusal(`${name}: ambiguous anchor, ${hits.length} different matches (${candidates.join(", ")})`);
  const t = traces[0]!;

  const roots: { unit: Unit; local: string; name: string }[] = [];
  for (const n of t.moduleNames) {
    const target = dist.resolveLocal(t.unit.chunk, n);
    if (target?.kind !== "unit") throw new GlueRefusal(`${name}: ${n} resolves to ${target?.kind ?? "nothing"}, not a declaration the slicer can copy`);
    roots.push({ unit: target.unit, local: target.local, name: n });
  }
  const closure = collectClosure(dist, roots.map((r) => r.unit), (u) => !roots.some((r) => r.unit === u) && u.names.some((n) => stubs.has(n.replace(/\$\d+$/, ""))));
  const names = nameClosure(closure);
  const taken = new Set([...t.inputs, ...t.holes, ...t.pins, ...t.consts.map((c) => c.name)]);
  const outName = (n: string) => {
    const r = roots.find((x) => x.name === n)!;
    const out = names.units.get(r.unit)!.get(r.local)!;
    if (taken.has(out)) throw new GlueRefusal(`${name}: helper ${n} would be shadowed by ${out}`);
    return out;
  };
  const specifierFor = specifiers(closure);
  const lines = ["// Sliced by clawproof (statement-level glue) from an openclaw release; see the manifest next to this file."];
  for (const [key, ext] of closure.externals) lines.push(importLine(names.externals.get(key)!, ext.imported, specifierFor(ext.specifier)));
  for (const unit of closure.order) lines.push(emitUnit(unit, closure, names.units, names.externals));
  lines.push(`//#glue ${t.unit.chunk}${t.unit.region ? ` (${t.unit.region})` : ""}`, glueFunction(name, spec, t, outName), "");
  return {
    code: lines.join("\n"),
    chunk: t.unit.chunk,
    ...(t.unit.region ? { region: t.unit.region } : {}),
    candidates,
    closure,
    renames: names.renames,
    notes: [`glue ${name}: inputs ${t.inputs.join(",") || "-"}; holes ${t.holes.join(",") || "-"}; pins ${t.pins.join(",") || "-"}; consts ${t.consts.map((c) => c.name).join(",") || "-"}; helpers ${t.moduleNames.join(",") || "-"}${t.terms.length ? "" : "; the constant false: nothing in the handler writes the anchor's name (proved by the slicer)"}`],
  };
}
