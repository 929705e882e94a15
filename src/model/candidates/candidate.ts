import type { ModelPatch } from "../patch.ts";
import type { Rule, RuleList } from "../rule.ts";

/** A proposed change, expressed as a patch to the models (any layer) of the release it targets. */
export interface Candidate {
  id: string;
  /** the published release the change was proposed against; the base model is model:<base>. */
  base: string;
  title: string;
  source: string;
  patch: ModelPatch;
}

/** Inserts a rule right after the rule with id `after`; a missing anchor is a bug in the candidate. */
export function insertAfter<In, Out>(list: RuleList<In, Out>, after: string, rule: Rule<In, Out>): RuleList<In, Out> {
  const at = list.rules.findIndex((r) => r.id === after);
  if (at < 0) throw new Error(`candidate anchor ${after} is not in ${list.name}`);
  return { name: list.name, rules: [...list.rules.slice(0, at + 1), rule, ...list.rules.slice(at + 1)] };
}

export function insertBefore<In, Out>(list: RuleList<In, Out>, before: string, rule: Rule<In, Out>): RuleList<In, Out> {
  const at = list.rules.findIndex((r) => r.id === before);
  if (at < 0) throw new Error(`candidate anchor ${before} is not in ${list.name}`);
  return { name: list.name, rules: [...list.rules.slice(0, at), rule, ...list.rules.slice(at)] };
}
