import { CannotCheckError } from "../domain/errors.ts";
import { modelOriginHelpers, type OriginHelperLists, type OriginHelpers } from "../model/origin-step.ts";
import type { HitCounter } from "../model/rule.ts";
import { APPLIES_FN, CHECK_FN, CONTEXT_FN } from "./adapters.ts";
import { ORIGIN_DOMAINS, type OriginTables } from "./layer.ts";

/**
 * The origin step's helpers for a release: its own sliced answers (read from the stored tables)
 * for each helper it has, the model's for the ones it keeps inline. Each answer names the export
 * that gave it in the verdict's rules, so a counterexample says what answered.
 */
export function releaseOriginHelpers(tables: OriginTables, model: OriginHelperLists, ref: string): (hit: HitCounter) => OriginHelpers {
  const lookup = (fn: string) => {
    const table = tables[fn];
    if (!table) return undefined;
    const domain = ORIGIN_DOMAINS[fn]!;
    return (input: unknown, hit: HitCounter) => {
      const key = domain.key(input);
      const value = table[key];
      if (value === undefined) throw new CannotCheckError(`${fn} of ${ref} was not tabulated for ${key}`);
      hit(`openclaw:${fn}=${JSON.stringify(value)}`);
      if (typeof value === "object" && value !== null && "error" in value) throw new Error(`${fn} threw: ${(value as { error: string }).error}`);
      return value;
    };
  };
  const check = lookup(CHECK_FN);
  const context = lookup(CONTEXT_FN);
  const applies = lookup(APPLIES_FN);
  // built once and reporting to the running handshake's counter (it runs synchronously, as mixedFunctions does)
  let current: HitCounter = () => {};
  const relay: HitCounter = (id) => current(id);
  const fallback = modelOriginHelpers(model, relay);
  const helpers: OriginHelpers = {
    check: check ? (i) => check(i, relay) as ReturnType<OriginHelpers["check"]> : fallback.check,
    context: context ? (i) => context(i, relay) as ReturnType<OriginHelpers["context"]> : fallback.context,
    applies: applies ? (i) => applies(i, relay) as boolean : fallback.applies,
  };
  return (hit) => {
    current = hit;
    return helpers;
  };
}

/** Which helpers a release answered, for the origin step's provenance. */
export function originSliced(tables: OriginTables): { check: boolean; context: boolean; applies: boolean } {
  return { check: CHECK_FN in tables, context: CONTEXT_FN in tables, applies: APPLIES_FN in tables };
}
