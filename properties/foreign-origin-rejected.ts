import { neverAdmitted } from "../src/engine/property-builders.ts";

export const foreignOriginRejected = neverAdmitted({
  id: "foreign-origin-rejected",
  statement: "A connect carrying a browser Origin the gateway does not allow is rejected, whatever client id it claims.",
  why: "a page on another site can open a WebSocket to a loopback gateway; the client id is the attacker's to choose",
  cells: (c) => c.origin === "foreign",
  message: () => "admitted with a foreign Origin",
});
