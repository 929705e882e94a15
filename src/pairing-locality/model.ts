import { decide, rulesAt, type Decision, type RuleList } from "../model/rule.ts";
import type { PairingLocalityCell, PairingLocalityKind } from "./domain.ts";

/**
 * Reference model of `resolvePairingLocality` (notes §3.9), first match wins. Drafted from the
 * notes, then corrected by running every cached release from 3.28 to 9.6 on the whole domain:
 * the function first ships in 4.5, the shared-secret rule in 4.20, and cli/cli never loses
 * cli_container_local. Before 4.5 no rule is in force; callers check the release has it.
 */

/** A verified token or password: the only credentials that make a container peer count as local. */
const sharedSecret = (c: PairingLocalityCell) => c.sharedAuthOk && (c.authMethod === "token" || c.authMethod === "password");

/** A loopback socket reached without forwarding headers or Origin, naming a loopback or LAN Host. */
const loopbackNoBrowser = (c: PairingLocalityCell) =>
  sharedSecret(c) && !c.hasProxyHeaders && c.origin === "none" && c.socket === "loopback" && (c.host === "loopback" || c.host === "private");

export const PAIRING_LOCALITY_RULES: RuleList<PairingLocalityCell, PairingLocalityKind> = {
  name: "resolvePairingLocality",
  rules: [
    {
      id: "direct-local", since: "2026.4.5",
      when: (c) => c.isLocalClient, then: "direct_local",
      why: "measured: isLocalClient wins over every other field in 4.5–9.6 (the function first ships in 4.5, not 4.9; 4.2 has none)",
    },
    {
      id: "browser-container", since: "2026.4.7",
      when: (c) =>
        c.client === "control-ui-webchat" && sharedSecret(c) && !c.hasProxyHeaders && c.origin === "loopback" &&
        (c.socket === "loopback" || c.socket === "private") && c.host === "loopback",
      then: "browser_container_local",
      why: "measured from 4.7 (4.5 lacks it and ignores the Origin's value): Control UI webchat, loopback Origin and Host, loopback or private socket, token/password",
    },
    {
      id: "cli-container", since: "2026.4.5",
      when: (c) => c.client === "cli" && loopbackNoBrowser(c), then: "cli_container_local",
      why: "measured in every release 4.5–9.6, not only 4.9 as the notes say; 8.1's rewrite (shared-secret check, then cli/cli) gives the same answers",
    },
    {
      id: "shared-secret-loopback", since: "2026.4.20",
      when: loopbackNoBrowser, then: "shared_secret_loopback_local",
      why: "measured from 4.20 (absent in 4.15), not 5.7: any other client with the cli container's conditions (CHANGELOG 4.20 #69431)",
    },
    { id: "remote", when: () => true, then: "remote", why: "measured: every other cell, e.g. a Docker bridge socket without a browser, or any proxy header" },
  ],
};

/** The model's answer at one release. */
export function pairingLocalityModel(version: string, cell: PairingLocalityCell): Decision<PairingLocalityKind> {
  return decide(rulesAt(PAIRING_LOCALITY_RULES, version), cell);
}
