import ipaddr from "ipaddr.js";
import { compareVersions } from "../domain/versions.ts";
import type { PairingLocality, PolicyFunctions } from "../model/policy-functions.ts";
import type { PairingLocalityCell } from "./domain.ts";
import { pairingLocalityModel } from "./model.ts";
import type { PairingObserver } from "./truth-table.ts";
import { authFacts, clientFlags, type PairingProbe } from "./truth-probe.ts";

/**
 * The models' answer to a ground-truth probe: the concrete socket, Host and Origin classed the
 * way the releases class them (measured: every RFC 1918, CGNAT/tailnet, link-local and ULA
 * socket counts as private to resolvePairingLocality, 4.7–9.6), then the pairing-locality
 * model and the era's silent-pairing and backend-skip rules.
 */

const PRIVATE_RANGES = ["private", "carrierGradeNat", "linkLocal", "uniqueLocal"];

function addressClass(text: string): "loopback" | "private" | "public" {
  if (!ipaddr.isValid(text)) return "public";
  const range = ipaddr.process(text).range();
  return range === "loopback" ? "loopback" : PRIVATE_RANGES.includes(range) ? "private" : "public";
}

/** A Host header's host part: brackets and port removed. */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  if (bracketed) return bracketed[1]!;
  return host.split(":").length === 2 ? host.split(":")[0]! : host;
}

function hostClass(host: string | undefined): PairingLocalityCell["host"] {
  if (host === undefined) return "absent";
  const name = hostName(host).toLowerCase();
  return name === "localhost" ? "loopback" : addressClass(name);
}

const PL_CLIENT: Record<PairingProbe["client"], PairingLocalityCell["client"]> = {
  cli: "cli", backend: "backend", "node-host": "node-host", "control-ui": "control-ui-webchat", webchat: "other", other: "other",
};

export function abstractPairingCell(p: PairingProbe): PairingLocalityCell {
  return {
    isLocalClient: p.isLocalClient, client: PL_CLIENT[p.client], ...authFacts(p.auth), hasProxyHeaders: p.hasProxyHeaders,
    origin: p.origin, socket: addressClass(p.socket), host: hostClass(p.host),
  };
}

/** The model's pairing observer at a version, over the model's own (possibly patched) policy functions. */
export function modelPairingObserver(version: string, functions: Pick<PolicyFunctions, "shouldAllowSilentLocalPairing" | "shouldSkipBackendSelfPairing">): PairingObserver {
  return (probe) => {
    const locality = compareVersions(version, "2026.4.5") >= 0
      ? pairingLocalityModel(version, abstractPairingCell(probe)).value
      : probe.isLocalClient ? "direct_local" : "remote";
    // the model's rules only compare the locality with remote and the two backend localities, so the container kinds read through
    const asLocality = locality as PairingLocality;
    const { isControlUi, isWebchat } = clientFlags(probe);
    const hasBrowserOriginHeader = probe.origin !== "none";
    const silent = functions.shouldAllowSilentLocalPairing({ locality: asLocality, hasBrowserOriginHeader, isControlUi, isWebchat, authMethod: probe.auth, reason: probe.reason });
    const backendSkip = functions.shouldSkipBackendSelfPairing({ isBackendClient: probe.client === "backend", locality: asLocality, hasBrowserOriginHeader, ...authFacts(probe.auth) });
    return {
      locality, silent, backendSkip,
      by: [`model:resolvePairingLocality=${locality}`, `model:shouldAllowSilentLocalPairing(${probe.reason})=${silent}`, `model:shouldSkipBackendSelfPairing=${backendSkip}`],
    };
  };
}
