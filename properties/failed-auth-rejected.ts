import { failsAuth } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

export const failedAuthRejected: Property = {
  id: "failed-auth-rejected",
  statement: "A connect whose credential fails the gateway's auth check (and holds no device or bootstrap token) is rejected.",
  why: "a wrong or missing secret must never be worth more than no attempt at all",
  kind: "cell",
  cells: failsAuth,
  check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation(`admitted with failing credential ${c.credential} in auth mode ${c.authMode}`) : undefined),
};
