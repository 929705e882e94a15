import { connectPatch, type ModelPatch } from "../../src/model/patch.ts";
import { removeRule, replaceRule, swapRules } from "./mutate.ts";

export interface Mutant {
  name: string;
  /** the release whose model is mutated; the unmutated model is the base for relational properties. */
  version: string;
  /** the property expected to kill it (others may too). */
  killedBy: string;
  patch: ModelPatch;
}

const NEWEST = "2026.9.6";
const E2 = "2026.3.13";

export const MUTANTS: Mutant[] = [
  { name: "drop the role condition from the operator shared-secret skip", version: NEWEST, killedBy: "remote-node-needs-identity",
    patch: connectPatch((e) => ({ ...e, gate: replaceRule(e.gate, "gate.operator-shared-secret", { when: (i) => i.sharedAuthOk }) })) },
  { name: "swap the unauthorized and device-required rejections", version: NEWEST, killedBy: "operator-paths-unchanged",
    patch: connectPatch((e) => ({ ...e, gate: swapRules(e.gate, "gate.failed-credentials", "gate.device-required") })) },
  { name: "swap the Control UI rejection below the operator skip", version: NEWEST, killedBy: "control-ui-remote-needs-device-or-proxy-auth",
    patch: connectPatch((e) => ({ ...e, gate: swapRules(e.gate, "gate.control-ui-any", "gate.operator-shared-secret") })) },
  { name: "treat remote as local for silent pairing", version: NEWEST, killedBy: "silent-pairing-local-only",
    patch: connectPatch((e) => ({ ...e, silentPairing: replaceRule(e.silentPairing, "silent.local", { when: (i) => !i.hasBrowserOriginHeader || i.isControlUi || i.isWebchat }) })) },
  { name: "treat remote as local for the backend exemption", version: NEWEST, killedBy: "no-unauthenticated-admission",
    patch: connectPatch((e) => ({ ...e, backendPairing: replaceRule(e.backendPairing, "backend-pairing.local-auth-none", { when: (i) => i.isBackendClient && !i.hasBrowserOriginHeader && i.authMethod === "none" }) })) },
  { name: "ignore auth ok in the final auth decision", version: NEWEST, killedBy: "failed-auth-rejected",
    patch: connectPatch((e) => ({ ...e, finalAuth: replaceRule(e.finalAuth, "final.auth-ok", { when: () => true }) })) },
  { name: "exempt every role as a local backend", version: NEWEST, killedBy: "node-never-admitted-without-identity",
    patch: connectPatch((e) => ({ ...e, gate: replaceRule(e.gate, "gate.local-backend-operator", { when: (i) => i.localBackendSelfPairingOk }) })) },
  { name: "forget the Control UI check", version: NEWEST, killedBy: "control-ui-remote-needs-device-or-proxy-auth",
    patch: connectPatch((e) => ({ ...e, gate: removeRule(e.gate, "gate.control-ui-any") })) },
  { name: "let the Control UI bypass serve any role", version: E2, killedBy: "node-never-admitted-without-identity",
    patch: connectPatch((e) => ({ ...e, gate: replaceRule(e.gate, "gate.control-ui-bypass-operator", { when: (i) => i.isControlUi && i.allowBypass }) })) },
  { name: "drop the locality condition from allowInsecureAuth", version: E2, killedBy: "control-ui-remote-needs-device-or-proxy-auth",
    patch: connectPatch((e) => ({ ...e, gate: replaceRule(e.gate, "gate.control-ui-insecure", { when: (i) => i.isControlUi && !i.allowBypass && !i.allowInsecureAuthConfigured }) })) },
  { name: "accept trusted-proxy Control UI auth for any role", version: NEWEST, killedBy: "node-never-admitted-without-identity",
    patch: connectPatch((e) => ({ ...e, trustedProxy: replaceRule(e.trustedProxy, "trusted-proxy.control-ui-operator", { when: (i) => i.isControlUi && i.authOk && i.authMethod === "trusted-proxy" }) })) },
  { name: "never clear unbound scopes", version: NEWEST, killedBy: "unbound-scopes-cleared",
    patch: connectPatch((e) => ({ ...e, scopes: replaceRule(e.scopes, "scopes.clear-secret-or-proxy", { then: false }) })) },
  { name: "skip backend self-pairing despite a browser Origin", version: NEWEST, killedBy: "browser-origin-no-auto-pairing",
    patch: connectPatch((e) => ({ ...e, backendPairing: replaceRule(e.backendPairing, "backend-pairing.local-or-loopback-shared-secret", { when: (i) => i.isBackendClient && i.locality !== "remote" && i.sharedAuthOk }) })) },
  { name: "approve local pairing silently whatever the Origin", version: NEWEST, killedBy: "browser-origin-no-auto-pairing",
    patch: connectPatch((e) => ({ ...e, silentPairing: replaceRule(e.silentPairing, "silent.local", { when: (i) => i.locality !== "remote" }) })) },
  { name: "drop the Origin check", version: NEWEST, killedBy: "foreign-origin-rejected",
    patch: connectPatch((e) => ({ ...e, origin: removeRule(e.origin, "origin.refused") })) },
  { name: "count auth mode none as a verified shared secret", version: NEWEST, killedBy: "no-unauthenticated-admission",
    patch: connectPatch((e) => ({ ...e, auth: replaceRule(e.auth, "auth.mode-none", { then: { ok: true, method: "none", sharedAuthOk: true } }) })) },
  { name: "let a wrong token verify", version: NEWEST, killedBy: "failed-auth-rejected",
    patch: connectPatch((e) => ({ ...e, auth: replaceRule(e.auth, "auth.token-ok", { when: (c) => c.credential === "secret-ok" || c.credential === "secret-wrong" }) })) },
  { name: "accept a device token without a device", version: E2, killedBy: "control-ui-paths-unchanged",
    patch: connectPatch((e) => ({ ...e, finalAuth: replaceRule(e.finalAuth, "final.device-token", { when: (i) => i.credential === "device-token" }) })) },
  { name: "admit authenticated local nodes (PR #48285's first change)", version: E2, killedBy: "node-never-admitted-without-identity",
    patch: connectPatch((e) => ({ ...e, gate: replaceRule(e.gate, "gate.operator-shared-secret", { when: (i) => (i.role === "operator" && i.sharedAuthOk) || (i.role === "node" && i.isLocalClient && i.authOk) }) })) },
  { name: "pairing state ignored: every device counts as paired", version: NEWEST, killedBy: "remote-unpaired-needs-approval",
    patch: connectPatch((e) => ({ ...e, pairing: replaceRule(e.pairing, "pairing.paired", { when: () => true }) })) },
];
