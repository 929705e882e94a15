import { CannotCheckError } from "../../domain/errors.ts";
import { showSignature, signatureOf } from "../../impl/release/signature.ts";
import type { Agreement } from "../../impl/release/agreement.ts";
import { loadRelease, type LoadOptions } from "../../release/load.ts";
import { authArgs } from "../auth-args.ts";
import { allAuthCells, authCellKey, type AuthCell } from "../auth-cell.ts";
import { connectAuthStateAt, type ConnectAuthFacts } from "../connect-state.ts";
import { ensureLoaded, sliceSource } from "./slice-source.ts";

const REAL = "resolveConnectAuthState";

/**
 * The cells resolveConnectAuthState can be driven on. It passes authorizeGatewayConnect no whois
 * function (the cut-out default would throw) and no listener attribution, so the Tailscale-serve
 * path is left to the authorizeGatewayConnect agreement; its full auth always runs on the
 * WebSocket surface, so the surface field is fixed.
 */
export function connectStateCells(): AuthCell[] {
  return allAuthCells().filter((c) => c.surface === "ws-control-ui" && c.via !== "tailscale-serve");
}

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

/** Fields the adapter sets or deliberately leaves unset (no limiter, no client IP override, no device). */
const KNOWN = ["resolvedAuth", "connectAuth", "hasDeviceIdentity", "req", "trustedProxies", "allowRealIpFallback", "rateLimiter", "clientIp"];

type Compared = Omit<ConnectAuthFacts, "hasSharedAuth">;

function factsOf(value: unknown): Compared | { error: string } {
  const v = (value ?? {}) as Record<string, unknown>;
  if (typeof v.authOk !== "boolean" || typeof v.authMethod !== "string" || typeof v.sharedAuthOk !== "boolean") {
    return { error: `${REAL} returned ${JSON.stringify(value)?.slice(0, 200)}` };
  }
  return { authOk: v.authOk, authMethod: v.authMethod as ConnectAuthFacts["authMethod"], sharedAuthOk: v.sharedAuthOk };
}

/**
 * The derived facts (authOk, authMethod with its failure fallback, sharedAuthOk) of the release's
 * own resolveConnectAuthState against the model's pair of authorizeGatewayConnect outcomes.
 * `hasSharedAuth` is not compared: releases compute it elsewhere (or under another name).
 */
export async function connectStateAgreement(version: string, opts: Pick<LoadOptions, "onProgress"> = {}): Promise<Agreement> {
  const slice = await loadRelease(version, [REAL], opts.onProgress ? { onProgress: opts.onProgress } : {});
  try {
    if (!ensureLoaded(slice, REAL)) return { function: REAL, status: "not-in-release", cells: 0, mismatches: 0 };
    const sig = signatureOf(await sliceSource(slice, REAL), REAL);
    if (!sig || sig.params.length !== 1 || !sig.reads[0]!.every((f) => KNOWN.includes(f))) {
      throw new CannotCheckError(`unsupported shape: ${REAL} reads ${sig ? showSignature(sig) : "(no declaration found)"} in openclaw@${version}`);
    }
    const cells = connectStateCells();
    const args = cells.map(connectStateArgs);
    const results = await slice.call(REAL, args);
    let mismatches = 0;
    let example: Agreement["example"];
    cells.forEach((cell, n) => {
      const r = results[n]!;
      const release = r.ok ? factsOf(r.value) : { error: r.error };
      const { hasSharedAuth: _, ...model } = connectAuthStateAt(version, cell);
      if (JSON.stringify(model) === JSON.stringify(release)) return;
      mismatches++;
      example ??= { input: { ...cell, key: authCellKey(cell) }, model, release,
        replay: `npx clawproof call openclaw@${version} ${REAL} --args '${JSON.stringify(args[n])}'` };
    });
    return {
      function: REAL, real: REAL, shape: "params{resolvedAuth,connectAuth,hasDeviceIdentity,req,trustedProxies,…} → {authOk,authMethod,sharedAuthOk,…}",
      status: mismatches ? "mismatch" : "agrees", cells: cells.length, mismatches, ...(example ? { example } : {}),
      note: "WebSocket surface, Tailscale-serve path excluded (no whois parameter to drive it)",
    };
  } finally {
    await slice.close();
  }
}
