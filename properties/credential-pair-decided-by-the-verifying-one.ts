import { withoutSecret } from "../src/domain/cell-facts.ts";
import type { Verdict } from "../src/domain/verdict.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

/** What the client ends up with: refused either way (the close reason may differ), or admitted alike. */
const sameGrant = (a: Verdict, b: Verdict) => a.outcome === b.outcome && (a.outcome === "reject" || (a.scopes === b.scopes && a.pairing === b.pairing));

export const credentialPairDecidedByTheVerifyingOne: Property = {
  id: "credential-pair-decided-by-the-verifying-one",
  statement: "A connect carrying a shared secret and its device's token gets what the secret alone gets where the secret alone is admitted, and otherwise what the device token alone gets.",
  why: "the gateway reads a device token only when the secret beside it failed: two credentials must not add up to more than the one that verifies (a wrong secret must not unlock a device-token path), nor a failing one spoil the other",
  kind: "pair",
  cells: (c) => c.withDeviceToken,
  check: (c, ctx) => {
    const secretAlone = { ...c, withDeviceToken: false };
    const tokenAlone = withoutSecret(c);
    if (!tokenAlone) return undefined;
    const bySecret = admitted(ctx.verdict(secretAlone));
    const alone = bySecret ? secretAlone : tokenAlone;
    const v = ctx.verdict(c);
    const w = ctx.verdict(alone);
    if (sameGrant(v, w)) return undefined;
    const what = bySecret ? "the secret alone" : "the device token alone";
    return violation(`with both credentials: ${v.outcome} (scopes ${v.scopes}, pairing ${v.pairing}); with ${what}: ${w.outcome} (scopes ${w.scopes}, pairing ${w.pairing})`, { label: `with ${what}`, cell: alone, verdict: w });
  },
};
