import { presentsVerifiedCredential } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

export const noUnauthenticatedAdmission: Property = {
  id: "no-unauthenticated-admission",
  statement: "Every admitted connect presents a verified credential or a device identity.",
  why: "an admission that rests on nothing the client proved is an open door; upstream's deliberate ones are listed as exceptions",
  kind: "cell",
  cells: (c) => c.device === "none" && !presentsVerifiedCredential(c),
  check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation(`admitted with no device and credential ${c.credential} in auth mode ${c.authMode}`) : undefined),
};
