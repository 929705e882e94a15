/**
 * Shared by the release tests: every test uses the repo's git-ignored .cache, so releases
 * fetched once are reused by later runs, and no test touches the user's own cache.
 */
import { fileURLToPath } from "node:url";

/** CLAWPROOF_TEST_CACHE lets a run start cold (e.g. to time it) without wiping the repo cache. */
export const REPO_CACHE = process.env.CLAWPROOF_TEST_CACHE ?? fileURLToPath(new URL("../../.cache", import.meta.url));
process.env.CLAWPROOF_CACHE = REPO_CACHE;
delete process.env.CLAWPROOF_REGISTRY;

/** Nothing listens on the discard port of loopback: every request fails at once. */
export const UNREACHABLE_REGISTRY = "http://127.0.0.1:9/";

/** A cold fetch (~95 MB) plus slicing takes several seconds; warm loads well under one. */
export const COLD = 180_000;

/** Inputs for evaluateMissingDeviceIdentity covering every field any era reads (notes §3.2). */
const base = {
  hasDeviceIdentity: false,
  isControlUi: false,
  controlUiAuthPolicy: { allowBypass: false, allowInsecureAuthConfigured: false, dangerouslyDisableDeviceAuth: false, device: null },
  isLocalClient: true,
  trustedProxyAuthOk: false,
  localBackendSelfPairingOk: false,
};
const tokenOk = { sharedAuthOk: true, authOk: true, hasSharedAuth: true };
export const GATE_CASES = {
  "node, local, token ok": { ...base, ...tokenOk, role: "node" },
  "node, local, wrong token": { ...base, role: "node", sharedAuthOk: false, authOk: false, hasSharedAuth: true },
  "operator, local, token ok": { ...base, ...tokenOk, role: "operator" },
  "node with device": { ...base, ...tokenOk, role: "node", hasDeviceIdentity: true },
  "operator + localBackendSelfPairingOk, auth none": {
    ...base,
    role: "operator",
    sharedAuthOk: false,
    authOk: true,
    hasSharedAuth: false,
    localBackendSelfPairingOk: true,
  },
};
