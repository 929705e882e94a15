/**
 * The transitive closure of the roots: every declaration they reach, in post-order so that a
 * `const` initialised by a call (`new Set([...])`, `__toESM(require_x())`) comes after what the
 * call needs. Stubbed names are cut points: their own dependencies are not followed.
 */
import { unitRefs, type Unit } from "./chunk.ts";
import type { Dist, Target } from "./dist.ts";

export interface External {
  specifier: string;
  imported: string;
  builtin: boolean;
  /** The local name the first importing chunk used; the emitter tries to keep it. */
  hint: string;
}

export interface Closure {
  /** Declarations in emit order (dependencies first). */
  order: Unit[];
  stubbed: Set<Unit>;
  externals: Map<string, External>;
  /** Names used freely that are not module-level anywhere (globals, build-time flags), with the first chunk using each. */
  globals: Map<string, string>;
  /** Free names with a problem (namespace import of a chunk, missing chunk, missing export). */
  unresolved: { name: string; chunk: string; why: string }[];
  /** Per unit, what each of its free names resolved to. */
  targets: Map<Unit, Map<string, Target | undefined>>;
  warnings: string[];
}

export const externalKey = (specifier: string, imported: string): string => `${specifier}\0${imported}`;

export function collectClosure(dist: Dist, roots: Unit[], isStub: (unit: Unit) => boolean): Closure {
  const c: Closure = {
    order: [],
    stubbed: new Set(),
    externals: new Map(),
    globals: new Map(),
    unresolved: [],
    targets: new Map(),
    warnings: [],
  };
  const state = new Map<Unit, "visiting" | "done">();

  const visit = (unit: Unit, from?: Unit): void => {
    const s = state.get(unit);
    if (s === "done") return;
    if (s === "visiting") {
      // Functions are hoisted, so a cycle through one is harmless; through a const it may hit the TDZ.
      if (unit.kind !== "function" && from !== unit) {
        c.warnings.push(`cycle: ${from?.chunk}:${from?.names[0]} -> ${unit.chunk}:${unit.names[0]} (${unit.kind})`);
      }
      return;
    }
    state.set(unit, "visiting");
    if (isStub(unit)) c.stubbed.add(unit);
    else {
      const resolved = new Map<string, Target | undefined>();
      c.targets.set(unit, resolved);
      for (const ref of unitRefs(unit)) {
        if (resolved.has(ref.name)) continue;
        const target = dist.resolveLocal(unit.chunk, ref.name);
        resolved.set(ref.name, target);
        if (!target) {
          if (!c.globals.has(ref.name)) c.globals.set(ref.name, unit.chunk);
        }
        else if (target.kind === "unit") visit(target.unit, unit);
        else if (target.kind === "external") {
          const key = externalKey(target.specifier, target.imported);
          if (!c.externals.has(key)) c.externals.set(key, { ...target, hint: ref.name });
        } else {
          const why = target.kind === "namespace" ? `namespace import of chunk ${target.chunk} (not supported)` : target.why;
          c.unresolved.push({ name: ref.name, chunk: unit.chunk, why });
        }
      }
    }
    state.set(unit, "done");
    c.order.push(unit);
  };
  for (const r of roots) visit(r);
  return c;
}
