import { sameDecision } from "../src/domain/verdict.ts";
import { withField } from "../src/domain/cell-facts.ts";
import { violation, type Property } from "../src/engine/property.ts";

export const controlUiKnobsInertElsewhere: Property = {
  id: "control-ui-knobs-inert-elsewhere",
  statement: "allowInsecureAuth and dangerouslyDisableDeviceAuth change nothing for clients other than the Control UI.",
  why: "the knobs are documented as Control UI only; if they reach a node or CLI path, a config meant for a browser weakens everything",
  kind: "pair",
  cells: (c) => c.client !== "control-ui" && !c.allowInsecureAuth && !c.dangerouslyDisableDeviceAuth,
  check: (c, ctx) => {
    const base = ctx.verdict(c);
    for (const knob of ["allowInsecureAuth", "dangerouslyDisableDeviceAuth"] as const) {
      const flipped = withField(c, knob, true);
      if (!flipped) continue;
      const v = ctx.verdict(flipped);
      if (!sameDecision(base, v)) return violation(`${knob} changed the decision for client ${c.client}`, { label: `with ${knob}`, cell: flipped, verdict: v });
    }
    return undefined;
  },
};
