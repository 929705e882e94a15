import { decide, rulesAt, type RuleList } from "../model/rule.ts";
import type { AuthMethod } from "../model/policy-functions.ts";
import { presentsSecret, type AuthCell } from "./auth-cell.ts";
import { authorizeModel } from "./eras/index.ts";
import type { AuthOutcome } from "./outcome.ts";

/**
 * resolveConnectAuthState: the handshake runs authorizeGatewayConnect twice, once in full on the
 * WebSocket surface and once for the shared secret alone (Tailscale off, HTTP surface, only when
 * the client sent a secret), and derives the facts the connect policy reads from the pair.
 */

/** What the connect policy (evaluateMissingDeviceIdentity and friends) is fed. */
export interface ConnectAuthFacts {
  authOk: boolean;
  /** the full auth's method; on failure the mode's fallback, so a reader must check authOk too. */
  authMethod: AuthMethod;
  sharedAuthOk: boolean;
  /** the client sent a token or password (the handshake's `hasSharedAuth`). */
  hasSharedAuth: boolean;
}

export interface AuthPair {
  cell: AuthCell;
  full: AuthOutcome;
  /** undefined when the client sent no secret: the shared-secret auth is not run at all. */
  sharedOnly: AuthOutcome | undefined;
}

const METHOD: RuleList<AuthPair, AuthMethod> = {
  name: "resolveConnectAuthState.authMethod",
  rules: [
    { id: "method.succeeded", when: (p) => p.full.ok, then: (p) => (p.full as { method: AuthMethod }).method, why: "the method that succeeded" },
    { id: "method.fallback-password", when: (p) => p.cell.mode === "password", then: "password", why: "a failed auth in password mode reports password" },
    { id: "method.fallback-token", when: () => true, then: "token", why: "every other failed auth reports token, mode none and trusted-proxy included" },
  ],
};

const SHARED: RuleList<AuthPair, boolean> = {
  name: "resolveConnectAuthState.sharedAuthOk",
  rules: [
    { id: "shared.secret-verified", when: (p) => p.sharedOnly?.ok === true && (p.sharedOnly.method === "token" || p.sharedOnly.method === "password"),
      then: true, why: "the shared-secret-only auth (no Tailscale) verified a token or password" },
    { id: "shared.trusted-proxy", since: "2026.2.23", when: (p) => p.full.ok && p.full.method === "trusted-proxy", then: true,
      why: "a trusted-proxy identity counts as shared auth; measured from 2.23 (2.22's resolveConnectAuthState, the first, lacks it)" },
    { id: "shared.none", when: () => true, then: false, why: "mode none, Tailscale, or a failed secret verified nothing shared" },
  ],
};

/** The facts from a cell's two auth outcomes (model's or release's alike), as the release at `version` derives them. */
export function connectAuthFacts(version: string, pair: AuthPair): ConnectAuthFacts {
  return {
    authOk: pair.full.ok,
    authMethod: decide(rulesAt(METHOD, version), pair).value,
    sharedAuthOk: decide(rulesAt(SHARED, version), pair).value,
    hasSharedAuth: presentsSecret(pair.cell),
  };
}

/** The cell the shared-secret-only auth runs on. */
export function sharedOnlyCell(cell: AuthCell): AuthCell {
  return { ...cell, allowTailscale: false, surface: "http" };
}

/** The cell the handshake's full auth runs on: always the WebSocket surface. */
export function handshakeCell(cell: AuthCell): AuthCell {
  return { ...cell, surface: "ws-control-ui" };
}

/** The model's resolveConnectAuthState facts for one cell at one release. */
export function connectAuthStateAt(version: string, cell: AuthCell): ConnectAuthFacts {
  const full = authorizeModel(version, handshakeCell(cell)).value;
  const sharedOnly = presentsSecret(cell) ? authorizeModel(version, sharedOnlyCell(cell)).value : undefined;
  return connectAuthFacts(version, { cell, full, sharedOnly });
}
