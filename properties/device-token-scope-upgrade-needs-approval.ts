import { violation, type Property } from "../src/engine/property.ts";

export const deviceTokenScopeUpgradeNeedsApproval: Property = {
  id: "device-token-scope-upgrade-needs-approval",
  statement: "A paired device asking for more scopes, authenticated only by its own device or bootstrap token, is never granted them without an operator.",
  why: "a token the gateway issued to the device proves the device, not a person; new scopes on its word alone let a copied token grow its own power",
  kind: "cell",
  // under auth none nothing authenticates anyone, so the token is not what the upgrade rests on
  cells: (c) => c.device === "paired" && c.upgrade === "scopes" && c.authMode !== "none" && (c.credential === "device-token" || c.credential === "bootstrap-token" || (c.credential === "secret-wrong" && c.withDeviceToken)),
  check: (c, ctx) => (ctx.verdict(c).pairing === "silent" ? violation(`scope upgrade approved silently on a ${c.withDeviceToken ? "device token beside a wrong secret" : c.credential}`) : undefined),
};
