import { failsAuth } from "../src/domain/cell-facts.ts";
import { neverAdmitted } from "../src/engine/property-builders.ts";

export const failedAuthRejected = neverAdmitted({
  id: "failed-auth-rejected",
  statement: "A connect whose credential fails the gateway's auth check (and holds no device or bootstrap token) is rejected.",
  why: "a wrong or missing secret must never be worth more than no attempt at all",
  cells: failsAuth,
  message: (c) => `admitted with failing credential ${c.credential} in auth mode ${c.authMode}`,
});
