import { sendsItsOrigin } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";
import { authSucceedsWithoutDevice } from "./availability.ts";

/**
 * The scopes half of "bypass sessions keep what the config grants": whether the bypass admits at
 * all is control-ui-bypass-honoured's; this one judges only the connects it admits, so each
 * failure names one of the two losses.
 */
export const bypassSessionKeepsScopes: Property = {
  id: "bypass-session-keeps-scopes",
  statement: "A Control UI operator that dangerouslyDisableDeviceAuth admits without a device keeps the scopes it asked for.",
  why: "the operator chose the bypass, and its session is the Control UI's only way in without a device: clearing its scopes admits it to nothing (3.22's inline clearing emptied a bypass session holding the shared secret, measured on the sliced glue; 3.23-1 kept them again)",
  kind: "cell",
  cells: (c) => c.client === "control-ui" && c.role === "operator" && c.device === "none" && c.dangerouslyDisableDeviceAuth && c.upgrade === "none" && c.origin !== "foreign" && sendsItsOrigin(c) && authSucceedsWithoutDevice(c),
  check: (c, ctx) => {
    const v = ctx.verdict(c);
    return admitted(v) && v.scopes !== "kept" ? violation(`bypassed Control UI operator (auth ${c.authMode}, ${c.credential}) admitted with its scopes ${v.scopes}`) : undefined;
  },
};
