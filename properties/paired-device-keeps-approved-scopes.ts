import { presentsVerifiedCredential, sendsItsOrigin } from "../src/domain/cell-facts.ts";
import { alwaysAdmitted, noKnobs } from "./availability.ts";

export const pairedDeviceKeepsApprovedScopes = alwaysAdmitted({
  id: "paired-device-keeps-approved-scopes",
  statement: "A paired device that authenticates (shared secret, proxy, Tailscale or its device token) is admitted and keeps the scopes it was approved for.",
  why: "pairing is where a human granted those scopes; a release that drops them or turns the device away breaks every approved client",
  // auth mode none, one of the ways a paired device authenticates here, exists from 2.19
  since: "2026.2.19",
  // the trusted-proxy password fallback is local-cli-with-secret-admitted's; here the device's own standing
  // a same-host trusted proxy is configured-loopback-proxy-honoured's (un-opted, 3.31+ refuses it on purpose)
  cells: (c) => c.device === "paired" && c.proxySocket === "lan" && c.origin !== "foreign" && sendsItsOrigin(c) && noKnobs(c) && !(c.authMode === "trusted-proxy" && c.credential === "secret-ok") && (presentsVerifiedCredential(c) || (c.authMode === "none" && c.credential === "none")),
  grants: (v) => (v.scopes === "kept" ? undefined : "paired device admitted with its approved scopes cleared"),
  message: (c, v) => `paired device (${c.credential}, auth ${c.authMode}) rejected: ${v.reason}`,
});
