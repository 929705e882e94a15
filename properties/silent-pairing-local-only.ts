import { violation, type Property } from "../src/engine/property.ts";

export const silentPairingLocalOnly: Property = {
  id: "silent-pairing-local-only",
  statement: "Pairing is auto-approved only for connects the gateway sees as local.",
  why: "silent approval trusts the host boundary; from remote it would let anyone pair a device",
  kind: "cell",
  cells: (c) => c.locality === "remote" && c.device === "unpaired",
  check: (c, ctx) => (ctx.verdict(c).pairing === "silent" ? violation("remote device silently paired") : undefined),
};
