import { admitted, violation, type Property } from "../src/engine/property.ts";

export const foreignOriginRejected: Property = {
  id: "foreign-origin-rejected",
  statement: "A connect carrying a browser Origin the gateway does not allow is rejected, whatever client id it claims.",
  why: "a page on another site can open a WebSocket to a loopback gateway; the client id is the attacker's to choose",
  kind: "cell",
  cells: (c) => c.origin === "foreign",
  check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation("admitted with a foreign Origin") : undefined),
};
