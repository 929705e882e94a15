import { objectParam, type Adapter } from "../../differential/adapter.ts";
import type { LayerFunction } from "../../differential/layer.ts";
import { signatureOf, type Signature } from "../../differential/signature.ts";
import { CREDENTIALS, ROLES, UPGRADES } from "../../domain/cell.ts";
import { compareVersions } from "../../domain/versions.ts";
import { FINAL_AUTH } from "../../model/auth-rules.ts";
import type { AuthMethod } from "../../model/policy-functions.ts";
import { decide, rulesAt } from "../../model/rule.ts";
import type { FinalAuth, FinalAuthInput } from "../../model/stage-types.ts";
import { functionReturning } from "../../release/runner.ts";
import { AUTH_ERAS } from "../eras/index.ts";

/**
 * resolveConnectAuthDecision (2.22+): after the device gate, a connect whose auth failed may still
 * authenticate with a bootstrap token (3.13+) or its device token. What is measured is the
 * release's own decision: which candidate it reads, in what order, what a device identity and an
 * earlier success mean, and which method it reports. The two token verifiers (the device-pairing
 * store's) are callbacks the worker answers with a fixed value per input; that answer is the
 * model's: a bootstrap token the domain sends is a valid one, and whether a device token covers
 * the role and scopes asked for is what FINAL_AUTH's verifier rules say (VERIFIER_RULES).
 */
const REAL = "resolveConnectAuthDecision";
const CORE = "resolveConnectAuthDecisionCore";

/** The methods the auth stage reports (a failed auth reports its mode's: token or password). */
const OK_METHODS: readonly AuthMethod[] = ["none", "token", "password", "tailscale", "trusted-proxy"];
const FAILED_METHODS: readonly AuthMethod[] = ["token", "password"];

/** A final-auth input with the device-token verifier's answer for it (the model's, fixed per input so the call stays replayable). */
export type FinalDecisionInput = FinalAuthInput & { deviceTokenVerifies: boolean };

/** Every FinalAuthInput the handshake can form (a device-token credential always sends a device token), at a version. */
export function finalDecisionInputs(version: string): FinalDecisionInput[] {
  const out: FinalDecisionInput[] = [];
  for (const role of ROLES) for (const authOk of [false, true]) for (const method of authOk ? OK_METHODS : FAILED_METHODS)
    for (const hasDevice of [false, true]) for (const credential of CREDENTIALS) for (const deviceToken of [false, true])
      for (const upgrade of UPGRADES) {
        if (credential === "device-token" && !deviceToken) continue;
        const input = { role, authOk, method, hasDevice, credential, deviceToken, upgrade };
        out.push({ ...input, deviceTokenVerifies: deviceTokenVerifies(version, input) });
      }
  return out;
}

const finalAt = (version: string) => rulesAt(FINAL_AUTH, version);

/**
 * The final-auth rules that are the device-token verifier's (the store's role and scope check), not
 * this function's: the only part of the list the verifier callback answers from. Every other rule
 * the release must reproduce itself, so a model that dropped or bent final.device-token is caught.
 */
const VERIFIER_RULES: ReadonlySet<string> = new Set(["final.device-token-beyond-approval", "final.node-device-token-unverifiable"]);

/** The model's answer to the device-token verifier: no verifier rule refuses this device's token for what the connect asks. */
const deviceTokenVerifies = (version: string, i: FinalAuthInput) =>
  !VERIFIER_RULES.has(decide(finalAt(version), { ...i, authOk: false, hasDevice: true, deviceToken: true, credential: "device-token" }).rule);

/**
 * The params object the handshake passes. Left out on purpose: no rate limiter (the domain has
 * none; 6.1+ serialise bootstrap attempts only with one), requireBootstrapToken false (a node's
 * start-up bootstrap connect while the gateway is starting is outside the domain), and a failed
 * auth's reason is a plain mismatch (8.1+ stop early on proxy_attribution_required and 9.6 on a
 * redacted config secret; the model's auth outcome carries no reason).
 */
export function finalDecisionArgs(i: FinalDecisionInput): unknown[] {
  const secret = i.credential === "secret-ok" || i.credential === "secret-wrong";
  return [{
    state: {
      authResult: i.authOk ? { ok: true, method: i.method } : { ok: false, reason: i.method === "password" ? "password_mismatch" : "token_mismatch" },
      authOk: i.authOk,
      authMethod: i.method,
      sharedAuthOk: i.authOk && secret,
      sharedAuthProvided: secret,
      pendingSharedAuthFailure: false,
      ...(i.deviceToken ? { deviceTokenCandidate: "device-token-of-this-device", deviceTokenCandidateSource: "explicit-device-token" } : {}),
      ...(i.credential === "bootstrap-token" ? { bootstrapTokenCandidate: "bootstrap-token-of-this-device" } : {}),
    },
    hasDeviceIdentity: i.hasDevice,
    ...(i.hasDevice ? { deviceId: "device-1", publicKey: "public-key-of-device-1" } : {}),
    role: i.role,
    scopes: i.role === "operator" ? ["operator.read"] : [],
    requireBootstrapToken: false,
    verifyDeviceToken: functionReturning(i.deviceTokenVerifies ? { ok: true } : { ok: false, reason: "device_token_mismatch" }, { async: true }),
    verifyBootstrapToken: functionReturning({ ok: true }, { async: true }),
  }];
}

/** The release's {authOk, authMethod} in the model's words: the auth's own method standing is "auth-ok". */
export function finalDecisionOf(value: unknown, i: FinalAuthInput): FinalAuth {
  const v = (value ?? {}) as Record<string, unknown>;
  if (typeof v.authOk !== "boolean" || typeof v.authMethod !== "string") throw new Error(`${REAL} returned ${JSON.stringify(value)?.slice(0, 200)}`);
  if (!v.authOk) return "unauthorized";
  if (i.authOk && v.authMethod === i.method) return "auth-ok";
  if (v.authMethod === "device-token" || v.authMethod === "bootstrap-token") return v.authMethod;
  throw new Error(`${REAL} authenticated with method ${v.authMethod} where auth ${i.authOk ? `succeeded with ${i.method}` : "failed"}`);
}

/**
 * Top-level fields of the params object (the 6.1+ wrapper's and its core's) and, as `state.<field>`,
 * the fields read from params.state; a state read the pattern cannot name makes the shape unknown.
 */
export function finalDecisionReads(source: string): Signature | undefined {
  const outer = signatureOf(source, REAL);
  if (!outer || outer.params.length !== 1) return outer;
  const reads = new Set([...outer.reads[0]!, ...(signatureOf(source, CORE)?.reads[0] ?? [])]);
  for (const m of source.matchAll(/\bparams\.state(\??\.(\w+))?/g)) reads.add(m[2] ? `state.${m[2]}` : "state.?");
  return { params: outer.params, reads: [[...reads].sort()] };
}

const TOP = ["state", "hasDeviceIdentity", "deviceId", "role", "scopes", "rateLimiter", "clientIp", "verifyDeviceToken"];
const STATE = ["authResult", "authOk", "authMethod", "deviceTokenCandidate", "deviceTokenCandidateSource"].map((f) => `state.${f}`);
const BOOTSTRAP = ["publicKey", "verifyBootstrapToken", "requireBootstrapToken", "state.bootstrapTokenCandidate", "state.sharedAuthProvided", "state.pendingSharedAuthFailure"];

const shared = { real: REAL, read: finalDecisionReads, fromResult: finalDecisionOf, toArgs: finalDecisionArgs };

/** 2.22 – 3.11: only the device token can turn a failed auth into success. */
export const DEVICE_TOKEN_ONLY: Adapter<FinalDecisionInput, FinalAuth> = {
  ...shared,
  shape: "params{state{authOk,authMethod,deviceTokenCandidate,…},hasDeviceIdentity,deviceId,role,scopes,verifyDeviceToken,…} → Promise<{authResult,authOk,authMethod}>",
  releases: { since: "2026.2.22", until: "2026.3.13" },
  matches: objectParam([...TOP, ...STATE]),
};

/** 3.13+: a bootstrap token is tried first (with the device's public key), then the device token. */
export const WITH_BOOTSTRAP: Adapter<FinalDecisionInput, FinalAuth> = {
  ...shared,
  shape: "params{state{…,bootstrapTokenCandidate},…,publicKey,verifyBootstrapToken,requireBootstrapToken?} → Promise<{authResult,authOk,authMethod,…}>",
  releases: { since: "2026.3.13" },
  matches: objectParam([...TOP, ...STATE, ...BOOTSTRAP], ["verifyBootstrapToken", "state.bootstrapTokenCandidate"]),
};

/** The model's final-auth list is this function's outcome from 2.22; before it the handler decides inline. */
export const FINAL_DECISION: LayerFunction<FinalDecisionInput, FinalAuth> = {
  function: REAL,
  adapters: [WITH_BOOTSTRAP, DEVICE_TOKEN_ONLY],
  inputs: finalDecisionInputs,
  model: (version) => (compareVersions(version, AUTH_ERAS[0]!.since!) >= 0 ? (i) => decide(finalAt(version), i).value : undefined),
  show: (i, version) => ({ ...i, modelRule: decide(finalAt(version), i).rule }),
  inline: "before 2.22 the connect handler decides it inline",
  answers: [{ list: FINAL_AUTH.name, since: "2026.2.22" }],
};
