import type { Rule, RuleList } from "../../src/model/rule.ts";

/** Small, deliberate faults to plant in a model's rule lists. */
export function replaceRule<In, Out>(list: RuleList<In, Out>, id: string, patch: Partial<Rule<In, Out>>): RuleList<In, Out> {
  if (!list.rules.some((r) => r.id === id)) throw new Error(`mutant targets missing rule ${id} in ${list.name}`);
  return { ...list, rules: list.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

export function removeRule<In, Out>(list: RuleList<In, Out>, id: string): RuleList<In, Out> {
  if (!list.rules.some((r) => r.id === id)) throw new Error(`mutant targets missing rule ${id} in ${list.name}`);
  return { ...list, rules: list.rules.filter((r) => r.id !== id) };
}

export function swapRules<In, Out>(list: RuleList<In, Out>, a: string, b: string): RuleList<In, Out> {
  const i = list.rules.findIndex((r) => r.id === a);
  const j = list.rules.findIndex((r) => r.id === b);
  if (i < 0 || j < 0) throw new Error(`mutant targets missing rules ${a}/${b} in ${list.name}`);
  const rules = [...list.rules];
  [rules[i], rules[j]] = [rules[j]!, rules[i]!];
  return { ...list, rules };
}
