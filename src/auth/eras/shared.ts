import { compareVersions } from "../../domain/versions.ts";
import type { AuthCell } from "../auth-cell.ts";
import { fail, ok, type AuthRule } from "../outcome.ts";
import {
  isLocal, loopbackOptedIn, presentsSecret, proxyConfigMissing, proxyOnLoopback, proxyListEmpty, proxyMode, proxyRequiredHeaderMissing, proxyUserMissing,
  socketIsTrustedProxy,
} from "../request-facts.ts";
import { AUTH_VALUES } from "../auth-args.ts";

/** Rules every era shares, in the order they run. Version scoping is on the rules themselves. */

/** 9.3+: a token/password mode compares `own ?? other` (token ?? password), not only its own secret. */
export const EITHER_SECRET_SINCE = "2026.9.3";
/**
 * Releases with the trusted-proxy local password fallback: from 4.27 (#17761), except 5.12, whose
 * authorizeGatewayConnect has no such branch (measured: every local password cell answers
 * trusted_proxy_untrusted_source); back from 5.18. The 5.14/5.16 betas were not measured.
 */
const LOCAL_PASSWORD_RANGES = [{ since: "2026.4.27", until: "2026.5.12" }, { since: "2026.5.18" }] as const;

/** 3.31+ refuses a trusted proxy whose socket is loopback; 4.27+ honours allowLoopback (measured 3.28/3.31, 4.26/4.27). */
export const LOOPBACK_PROXY_REFUSED_SINCE = "2026.3.31";
export const LOOPBACK_OPT_IN_SINCE = "2026.4.27";

/** The trusted-proxy configuration is checked before anything about the request. */
export const PROXY_CONFIG: readonly AuthRule[] = [
  { id: "proxy.config-missing", when: (c) => proxyMode(c) && proxyConfigMissing(c), then: fail("trusted_proxy_config_missing"),
    why: "trusted-proxy mode without gateway.auth.trustedProxy cannot know which header names the user" },
  { id: "proxy.no-proxies", when: (c) => proxyMode(c) && proxyListEmpty(c), then: fail("trusted_proxy_no_proxies_configured"),
    why: "with gateway.trustedProxies empty no request can come from a trusted proxy" },
];

/**
 * When the proxy identity fails, a local direct caller may use the configured password instead
 * (#17761, an internal fallback). Our local path is never a trusted proxy, so for it the
 * proxy check always failed first.
 */
const LOCAL_PASSWORD: readonly AuthRule[] = [
  { id: "proxy.local-password-redacted", since: "2026.9.6", when: (c) => proxyLocalPassword(c) && c.secret === "redacted",
    then: fail("password_redacted_config"), why: "9.6 refuses a redaction placeholder as the configured password" },
  { id: "proxy.local-password-ok", when: (c) => proxyLocalPassword(c) && c.secret === "set" && c.password === "right", then: ok("password"),
    why: "the local caller knew the gateway password" },
  { id: "proxy.local-password-mismatch", when: proxyLocalPassword, then: fail("password_mismatch"),
    why: "a local caller sent a password that does not match (a placeholder matches nothing)" },
];

/** The fallback rules once per range; the second range's ids carry a suffix so coverage can tell them apart. */
export const PROXY_LOCAL_PASSWORD: readonly AuthRule[] = LOCAL_PASSWORD_RANGES.flatMap((range, n) =>
  LOCAL_PASSWORD.map((r) => ({ ...r, id: n ? `${r.id}#${n + 1}` : r.id, since: r.since ?? range.since, ...("until" in range ? { until: range.until } : {}) }))
    .filter((r) => !r.until || compareVersions(r.since, r.until) < 0),
);

function proxyLocalPassword(c: AuthCell): boolean {
  return proxyMode(c) && isLocal(c) && c.secret !== "unset" && c.password !== "absent";
}

/** authorizeTrustedProxy: source, required headers, user header, in that order. */
export const PROXY_IDENTITY: readonly AuthRule[] = [
  { id: "proxy.untrusted-source", when: (c) => proxyMode(c) && !socketIsTrustedProxy(c), then: fail("trusted_proxy_untrusted_source"),
    why: "identity headers count only when the socket itself is a trusted proxy" },
  { id: "proxy.loopback-source", since: LOOPBACK_PROXY_REFUSED_SINCE, when: (c) => proxyMode(c) && proxyOnLoopback(c) && !loopbackOptedIn(c),
    then: fail("trusted_proxy_loopback_source"),
    why: "a same-host proxy is refused: any local process could speak for it and name any user (opt-in below)" },
  { id: "proxy.loopback-source-no-opt-in", since: LOOPBACK_PROXY_REFUSED_SINCE, until: LOOPBACK_OPT_IN_SINCE, when: (c) => proxyMode(c) && loopbackOptedIn(c),
    then: fail("trusted_proxy_loopback_source"),
    why: "before 4.27 allowLoopback is not read, so an opted-in same-host proxy is refused all the same" },
  { id: "proxy.required-header-missing", when: (c) => proxyMode(c) && proxyRequiredHeaderMissing(c),
    then: fail(`trusted_proxy_missing_header_${AUTH_VALUES.requiredHeader}`), why: "each configured required header must be present and non-blank" },
  { id: "proxy.user-missing", when: (c) => proxyMode(c) && proxyUserMissing(c), then: fail("trusted_proxy_user_missing"),
    why: "the user header names who the proxy authenticated" },
  { id: "proxy.ok", when: proxyMode, then: ok("trusted-proxy"), why: "the trusted proxy vouched for a user (no allowUsers list in the domain)" },
];

/** Token or password compared in constant time; `mode` picks which. */
export function secretRules(mode: "token" | "password"): AuthRule[] {
  const own = (c: AuthCell) => c[mode];
  const inMode = (c: AuthCell) => c.mode === mode;
  return [
    { id: `${mode}.missing-config`, when: (c) => inMode(c) && c.secret === "unset", then: fail(`${mode}_missing_config`),
      why: `no gateway.auth.${mode} configured: nothing to compare against` },
    { id: `${mode}.missing`, until: EITHER_SECRET_SINCE, when: (c) => inMode(c) && own(c) === "absent", then: fail(`${mode}_missing`),
      why: `the client sent no ${mode}` },
    { id: `${mode}.missing-both`, since: EITHER_SECRET_SINCE, when: (c) => inMode(c) && !presentsSecret(c), then: fail(`${mode}_missing`),
      why: `9.3+ falls back to the other secret, so only a client sending neither is missing one` },
    { id: `${mode}.ok`, when: (c) => inMode(c) && c.secret === "set" && own(c) === "right", then: ok(mode),
      why: "the constant-time compare matched" },
    { id: `${mode}.mismatch`, when: inMode, then: fail(`${mode}_mismatch`),
      why: "a wrong secret, the other secret in its place (9.3+), or a configured placeholder no client knows" },
  ];
}

export const MODE_NONE: AuthRule = { id: "none.ok", when: (c) => c.mode === "none", then: ok("none"), why: "mode none accepts every connect" };

export const UNAUTHORIZED: AuthRule = { id: "unauthorized", when: () => true, then: fail("unauthorized"), why: "an unknown mode fails closed",
  unreachable: "every mode in the domain is decided by an earlier rule" };
