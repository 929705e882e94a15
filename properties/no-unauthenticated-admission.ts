import { presentsVerifiedCredential } from "../src/domain/cell-facts.ts";
import { neverAdmitted } from "../src/engine/property-builders.ts";

export const noUnauthenticatedAdmission = neverAdmitted({
  id: "no-unauthenticated-admission",
  statement: "Every admitted connect presents a verified credential or a device identity.",
  why: "an admission that rests on nothing the client proved is an open door; upstream's deliberate ones are listed as exceptions",
  cells: (c) => c.device === "none" && !presentsVerifiedCredential(c),
  message: (c) => `admitted with no device and credential ${c.credential} in auth mode ${c.authMode}`,
});
