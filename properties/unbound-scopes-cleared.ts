import { violation, type Property } from "../src/engine/property.ts";

export const unboundScopesCleared: Property = {
  id: "unbound-scopes-cleared",
  statement: "A device-less connect that is admitted has its requested scopes cleared.",
  why: "GHSA-rqpp-rjj8-7wv8: scopes a client declares without a device are bound to nothing and must not be granted (stated for every release: the releases before the fix are the ones that granted them)",
  kind: "cell",
  cells: (c) => c.device === "none",
  check: (c, ctx) => {
    const v = ctx.verdict(c);
    return v.outcome === "admit" && v.scopes === "kept" ? violation("device-less connect admitted with its requested scopes kept") : undefined;
  },
};
