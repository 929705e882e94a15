/**
 * `--base` and `--baseline` as the CLI and the programmatic API take them: a ref, or `auto` for
 * the published release a checkout's version names. Resolution lives here (above the engine,
 * which only compares implementations it is given).
 */
import { autoBaseVersion, compareWithBaseline, type BaselineReport } from "../engine/baseline.ts";
import { checkImplementation, type CheckOptions } from "../engine/check.ts";
import type { AnyProperty } from "../engine/property.ts";
import type { ImplResult } from "../engine/results.ts";
import type { Implementation } from "../impl/implementation.ts";
import { resolveImplementation } from "../impl/resolve-ref.ts";

export const AUTO = "auto";

/** The ref `--base auto` stands for: for a checkout (or functions from one), its release; otherwise the impl's own base (a candidate's), if any. */
export function autoBaseRef(impl: Implementation): string | undefined {
  if (impl.kind !== "checkout") return impl.base?.ref;
  return `openclaw@${autoBaseVersion(impl.version)}`;
}

/** Per implementation, the base its relational properties compare against (undefined: its own, if any). */
export async function baseResolver(flag: string | undefined): Promise<(impl: Implementation) => Promise<Implementation | undefined>> {
  if (flag === undefined) return async () => undefined;
  if (flag !== AUTO) {
    const base = await resolveImplementation(flag);
    return async () => base;
  }
  const loaded = new Map<string, Promise<Implementation>>();
  return async (impl) => {
    const ref = autoBaseRef(impl);
    if (ref === undefined || ref === impl.base?.ref) return impl.base;
    if (!loaded.has(ref)) loaded.set(ref, resolveImplementation(ref));
    return loaded.get(ref)!;
  };
}

/** Checks `baselineRef` with the same options and splits each head's violations into new and pre-existing. */
export async function baselineReports(
  baselineRef: string,
  heads: { impl: Implementation; result: ImplResult; base?: Implementation }[],
  options: CheckOptions,
): Promise<BaselineReport[]> {
  const baseline = await resolveImplementation(baselineRef);
  const out: BaselineReport[] = [];
  for (const head of heads) {
    const base = head.base ?? head.impl.base;
    const result = checkImplementation(baseline, { ...options, ...(base ? { base } : {}) });
    out.push(compareWithBaseline(head, { impl: baseline, result }, options.properties, options.exceptions, base));
  }
  return out;
}
