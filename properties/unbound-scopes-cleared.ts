import { violation, type Property } from "../src/engine/property.ts";

export const unboundScopesCleared: Property = {
  id: "unbound-scopes-cleared",
  statement: "A device-less connect that is admitted has its requested scopes cleared.",
  why: "GHSA-rqpp-rjj8-7wv8: scopes a client declares without a device are bound to nothing and must not be granted",
  kind: "cell",
  since: "2026.3.13",
  cells: (c) => c.device === "none",
  check: (c, ctx) => {
    const v = ctx.verdict(c);
    return v.outcome === "admit" && v.scopes === "kept" ? violation("device-less connect admitted with its requested scopes kept") : undefined;
  },
};
