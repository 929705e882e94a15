import { sameDecision } from "../src/domain/verdict.ts";
import { violation, type Property } from "../src/engine/property.ts";

export const controlUiPathsUnchanged: Property = {
  id: "control-ui-paths-unchanged",
  statement: "A candidate decides every Control UI connect exactly as its base does.",
  why: "the Control UI path has its own knobs (allowInsecureAuth, dangerouslyDisableDeviceAuth); a change elsewhere must not leak into it",
  kind: "relational",
  cells: (c) => c.client === "control-ui",
  check: (c, ctx) => {
    const head = ctx.verdict(c);
    const base = ctx.baseVerdict!(c);
    return sameDecision(head, base) ? undefined : violation("Control UI decision differs from the base", { label: "base", cell: c, verdict: base });
  },
};
