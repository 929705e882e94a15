import { decide, type Decision, type RuleList } from "../model/rule.ts";

/**
 * A decision plus the rules that led to it: the sub-decisions it consulted, in the order it
 * consulted them, then the deciding rule. A report can then say not only "not local" but
 * "not local because the X-Forwarded-For walk failed closed because every hop was trusted".
 */
export interface Traced<T> extends Decision<T> {
  trail: readonly string[];
}

/**
 * Collects the trail while a rule list runs. Rule conditions read facts that are computed on
 * first use (see `once`), so sub-decisions a rule never needed do not appear in the trail.
 */
export class Trail {
  private readonly ids: string[] = [];

  consult<T>(sub: Traced<T>): T {
    this.ids.push(...sub.trail);
    return sub.value;
  }

  close<T>(decision: Decision<T>): Traced<T> {
    return { ...decision, trail: [...this.ids, decision.rule] };
  }
}

export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Runs a rule list (already cut to one release with `rulesAt`) and returns the traced decision. */
export function decideTraced<In, Out>(list: RuleList<In, Out>, input: In, trail: Trail = new Trail()): Traced<Out> {
  return trail.close(decide(list, input));
}
