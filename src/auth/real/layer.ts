import type { Layer, LayerFunction } from "../../differential/layer.ts";
import { compareVersions } from "../../domain/versions.ts";
import { authArgs } from "../auth-args.ts";
import { allAuthCells, authCellKey, type AuthCell } from "../auth-cell.ts";
import { connectAuthStateAt, type ConnectAuthFacts } from "../connect-state.ts";
import { AUTH_ERAS, authorizeModel } from "../eras/index.ts";
import type { AuthOutcome } from "../outcome.ts";
import { AUTH_ADAPTERS } from "./adapters.ts";
import { objectParam } from "../../differential/adapter.ts";
import { FINAL_DECISION } from "./final-decision.ts";

/** The auth model starts with the first auth era; before it the model has no answer. */
const modelled = (version: string) => compareVersions(version, AUTH_ERAS[0]!.since!) >= 0;

/** authorizeGatewayConnect (Tailscale whois cut out and answered per cell) on every auth cell. */
export const AUTHORIZE: LayerFunction<AuthCell, AuthOutcome> = {
  function: "authorizeGatewayConnect",
  // the model's auth stage is this function's outcome on every auth cell
  answers: [{ list: "auth" }],
  adapters: AUTH_ADAPTERS,
  inputs: () => allAuthCells(),
  model: (version) => (modelled(version) ? (cell) => authorizeModel(version, cell).value : undefined),
  show: (cell, version) => ({ ...cell, key: authCellKey(cell), modelRule: authorizeModel(version, cell).rule }),
};

export const AUTH_LAYER: Layer = { id: "auth", functions: [AUTHORIZE] };

/**
 * The cells resolveConnectAuthState can be driven on. It passes authorizeGatewayConnect no whois
 * function (the cut-out default would throw) and no listener attribution, so the Tailscale-serve
 * path is left to the authorizeGatewayConnect agreement; its full auth always runs on the
 * WebSocket surface, so the surface field is fixed.
 */
export function connectStateCells(): AuthCell[] {
  return allAuthCells().filter(drivenByConnectState);
}

/** Whether resolveConnectAuthState is driven on an auth cell (see connectStateCells). */
export const drivenByConnectState = (c: AuthCell): boolean => c.surface === "ws-control-ui" && c.via !== "tailscale-serve";

/** The argument object the handshake passes (a device-less connect: no device-token candidate, no limiter). */
export function connectStateArgs(cell: AuthCell): unknown[] {
  const a = authArgs(cell);
  return [{
    resolvedAuth: a.auth,
    ...(a.connectAuth ? { connectAuth: a.connectAuth } : {}),
    hasDeviceIdentity: false,
    req: a.req,
    trustedProxies: a.trustedProxies,
    allowRealIpFallback: false,
  }];
}

const STATE = "resolveConnectAuthState";
/** Fields the adapter sets or deliberately leaves unset (no limiter, no client IP override, no device). */
const KNOWN = ["resolvedAuth", "connectAuth", "hasDeviceIdentity", "req", "trustedProxies", "allowRealIpFallback", "rateLimiter", "clientIp"];

type Compared = Omit<ConnectAuthFacts, "hasSharedAuth">;

function factsOf(value: unknown): Compared {
  const v = (value ?? {}) as Record<string, unknown>;
  if (typeof v.authOk !== "boolean" || typeof v.authMethod !== "string" || typeof v.sharedAuthOk !== "boolean") {
    throw new Error(`${STATE} returned ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return { authOk: v.authOk, authMethod: v.authMethod as ConnectAuthFacts["authMethod"], sharedAuthOk: v.sharedAuthOk };
}

/**
 * The derived facts (authOk, authMethod with its failure fallback, sharedAuthOk) of the release's
 * own resolveConnectAuthState against the model's pair of authorizeGatewayConnect outcomes.
 * `hasSharedAuth` is not compared: releases compute it elsewhere (or under another name).
 */
export const CONNECT_STATE: LayerFunction<AuthCell, Compared> = {
  function: STATE,
  adapters: [{
    real: STATE,
    shape: "params{resolvedAuth,connectAuth,hasDeviceIdentity,req,trustedProxies,…} → {authOk,authMethod,sharedAuthOk,…}",
    releases: { since: "2026.2.22" },
    matches: objectParam(KNOWN),
    toArgs: connectStateArgs,
    fromResult: factsOf,
  }],
  inputs: () => connectStateCells(),
  model: (version) => (modelled(version) ? (cell) => {
    const { hasSharedAuth: _, ...facts } = connectAuthStateAt(version, cell);
    return facts;
  } : undefined),
  show: (cell) => ({ ...cell, key: authCellKey(cell) }),
  inline: "before 2.22 the connect handler derives these facts inline",
  // the facts are the auth stage's outcome (sharedAuthOk included, which authorizeGatewayConnect's comparison leaves out)
  answers: [{ list: "auth" }],
};

/** The connect-auth state: what the handshake derives from the auth result (WebSocket surface, Tailscale-serve path excluded). */
export const CONNECT_STATE_LAYER: Layer = { id: "connect-auth-state", functions: [CONNECT_STATE] };

/** The final auth decision (resolveConnectAuthDecision, 2.22+): a bootstrap or device token after a failed auth. */
export const FINAL_AUTH_LAYER: Layer = { id: "final-auth", functions: [FINAL_DECISION] };
