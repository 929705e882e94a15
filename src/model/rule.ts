import { inVersionRange, type VersionRange } from "../domain/versions.ts";

/**
 * A rule of a reference model: read top to bottom, the first rule whose condition holds decides.
 * `since`/`until` scope a rule to part of its era (inclusive `since`, exclusive `until`), so one
 * list describes an era and the small changes inside it.
 */
export interface Rule<In, Out> extends VersionRange {
  id: string;
  when: (input: In) => boolean;
  /** the outcome; a function only where the outcome carries part of the input through (e.g. the device). */
  then: Out | ((input: In) => Out);
  why: string;
  /** set when the handshake can never reach this rule; coverage then checks that it indeed is never hit. */
  unreachable?: string;
  /**
   * set when the rule's behaviour or boundary is not measured on the releases around it (inline
   * glue no sliced function carries, an adapter that does not ask): why. `rules` and reports say so.
   */
  unmeasured?: string;
  /** a handshake step that consults a helper list; it is left out at versions where that helper can never say yes. */
  requires?: string;
}

export interface RuleList<In, Out> {
  /** the OpenClaw function (or handshake step) this list models. */
  name: string;
  rules: readonly Rule<In, Out>[];
}

export interface Decision<Out> {
  value: Out;
  rule: string;
}

/** A rule list as it stands in one release: only the rules in force at that version. */
export function rulesAt<In, Out>(list: RuleList<In, Out>, version: string): RuleList<In, Out> {
  return { name: list.name, rules: list.rules.filter((r) => inVersionRange(version, r)) };
}

export type HitCounter = (ruleId: string) => void;

export function decide<In, Out>(list: RuleList<In, Out>, input: In, hit?: HitCounter): Decision<Out> {
  for (const rule of list.rules) {
    if (rule.when(input)) {
      hit?.(rule.id);
      const value = typeof rule.then === "function" ? (rule.then as (input: In) => Out)(input) : rule.then;
      return { value, rule: rule.id };
    }
  }
  throw new Error(`${list.name}: no rule matched; every list must end with a catch-all rule`);
}

export const always = () => true;
