import { BROWSER_CONTEXT, BROWSER_ORIGIN_CHECK, ORIGIN_CHECK_APPLIES } from "../model/origin-helper-rules.ts";
import { decide, rulesAt, type Decision, type RuleList } from "../model/rule.ts";

/** The model's side of the origin layer: each helper's dated list as it stands at one release. */
const at = <In, Out>(list: RuleList<In, Out>) => {
  const lists = new Map<string, RuleList<In, Out>>();
  return (version: string, input: In): Decision<Out> => {
    let now = lists.get(version);
    if (!now) lists.set(version, (now = rulesAt(list, version)));
    return decide(now, input);
  };
};

export const checkModel = at(BROWSER_ORIGIN_CHECK);
export const contextModel = at(BROWSER_CONTEXT);
export const appliesModel = at(ORIGIN_CHECK_APPLIES);
