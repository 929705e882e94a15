/**
 * Turns a closure into one ES module. Declarations from different chunks can share a name
 * (rolldown only de-duplicates within a chunk), so each module-level name gets a unique output
 * name, `$sN`-suffixed on a clash, and every reference is rewritten by position.
 */
import { unitRefs, type Unit } from "./chunk.ts";
import { externalKey, type Closure } from "./closure.ts";
import type { Ref } from "./scope.ts";

export interface Rename {
  chunk: string;
  from: string;
  to: string;
}

export interface Emitted {
  code: string;
  renames: Rename[];
}

export interface EmitRoot {
  name: string;
  unit: Unit;
  local: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Output names for every declaration and external of a closure, unique across the module. */
export interface ClosureNames {
  units: Map<Unit, Map<string, string>>;
  externals: Map<string, string>;
  renames: Rename[];
}

export function nameClosure(closure: Closure): ClosureNames {
  // Globals the copied code relies on must never be shadowed by a copied declaration.
  const taken = new Set<string>(closure.globals.keys());
  const claim = (desired: string): string => {
    let name = desired;
    for (let n = 1; taken.has(name); n++) name = `${desired}$s${n}`;
    taken.add(name);
    return name;
  };
  const renames: Rename[] = [];
  const units = new Map<Unit, Map<string, string>>();
  for (const unit of closure.order) {
    const names = new Map<string, string>();
    for (const n of unit.names) {
      const out = claim(n);
      names.set(n, out);
      if (out !== n) renames.push({ chunk: unit.chunk, from: n, to: out });
    }
    units.set(unit, names);
  }
  const externals = new Map<string, string>();
  for (const [key, ext] of closure.externals) {
    const out = claim(ext.hint);
    externals.set(key, out);
    if (out !== ext.hint) renames.push({ chunk: ext.specifier, from: ext.hint, to: out });
  }
  return { units, externals, renames };
}

export function emitModule(closure: Closure, roots: EmitRoot[], specifierFor: (spec: string) => string): Emitted {
  const { units: unitNames, externals: externalNames, renames } = nameClosure(closure);
  const lines: string[] = ["// Sliced by clawproof from an openclaw release; see the manifest next to this file."];
  for (const [key, ext] of closure.externals) {
    const local = externalNames.get(key)!;
    lines.push(importLine(local, ext.imported, specifierFor(ext.specifier)));
  }

  let chunk = "";
  for (const unit of closure.order) {
    if (unit.chunk !== chunk) {
      chunk = unit.chunk;
      lines.push(`//#chunk ${chunk}${unit.region ? ` (${unit.region})` : ""}`);
    }
    lines.push(emitUnit(unit, closure, unitNames, externalNames));
  }

  const exports = roots.map((r) => {
    const out = unitNames.get(r.unit)!.get(r.local)!;
    return out === r.name ? out : `${out} as ${r.name}`;
  });
  lines.push(`export { ${exports.join(", ")} };`, "");
  return { code: lines.join("\n"), renames };
}

/** `import … from` binding `local` to export `imported` ("*", "default" or a name) of `specifier`. */
export function importLine(local: string, imported: string, specifier: string): string {
  const from = JSON.stringify(specifier);
  if (imported === "*") return `import * as ${local} from ${from};`;
  if (imported === "default") return `import ${local} from ${from};`;
  const name = IDENT.test(imported) ? imported : JSON.stringify(imported);
  return `import { ${name} as ${local} } from ${from};`;
}

/** One declaration's text with its own names and every reference rewritten to the given output names. */
export function emitUnit(
  unit: Unit,
  closure: Closure,
  unitNames: Map<Unit, Map<string, string>>,
  externalNames: Map<string, string>,
): string {
  const own = unitNames.get(unit)!;
  if (closure.stubbed.has(unit)) {
    const [name] = unit.names;
    const msg = JSON.stringify(`clawproof stub: ${name} was cut out of this slice`);
    return unit.names.map((n) => `function ${own.get(n)}() { throw new Error(${msg}); }`).join("\n");
  }
  const targets = closure.targets.get(unit)!;
  const outFor = (ref: Ref): string | undefined => {
    const t = targets.get(ref.name);
    if (t?.kind === "unit") return unitNames.get(t.unit)?.get(t.local);
    if (t?.kind === "external") return externalNames.get(externalKey(t.specifier, t.imported));
    return undefined;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const rename = (ref: Ref, out: string | undefined) => {
    if (out === undefined || out === ref.name) return;
    edits.push({ start: ref.start, end: ref.end, text: ref.shorthand ? `${ref.name}: ${out}` : out });
  };
  for (const site of unit.sites) rename(site, own.get(site.name));
  for (const ref of unitRefs(unit)) rename(ref, outFor(ref));

  const text = applyEdits(unit, edits);
  if (unit.kind === "declarator") return `${unit.keyword} ${text};`;
  if (unit.kind === "default") return `const ${own.get(unit.names[0]!)} = ${text};`;
  return text;
}

function applyEdits(unit: Unit, edits: { start: number; end: number; text: string }[]): string {
  const { start, end } = unit.node;
  edits.sort((a, b) => a.start - b.start);
  let out = "";
  let at = start;
  for (const e of edits) {
    out += unit.source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + unit.source.slice(at, end);
}
