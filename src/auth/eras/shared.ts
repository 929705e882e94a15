import type { AuthCell } from "../auth-cell.ts";
import { fail, ok, type AuthRule } from "../outcome.ts";
import {
  isLocal, presentsSecret, proxyConfigMissing, proxyListEmpty, proxyMode, proxyRequiredHeaderMissing, proxyUserMissing,
  socketIsTrustedProxy,
} from "../request-facts.ts";
import { AUTH_VALUES } from "../auth-args.ts";

/** Rules every era shares, in the order they run. Version scoping is on the rules themselves. */

/** 9.6: a token/password mode compares `own ?? other` (token ?? password), not only its own secret. */
export const EITHER_SECRET_SINCE = "2026.9.6";
/** First release with the trusted-proxy local password fallback. */
export const LOCAL_PASSWORD_SINCE = "2026.6.10";

/** The trusted-proxy configuration is checked before anything about the request. */
export const PROXY_CONFIG: readonly AuthRule[] = [
  { id: "proxy.config-missing", when: (c) => proxyMode(c) && proxyConfigMissing(c), then: fail("trusted_proxy_config_missing"),
    why: "trusted-proxy mode without gateway.auth.trustedProxy cannot know which header names the user" },
  { id: "proxy.no-proxies", when: (c) => proxyMode(c) && proxyListEmpty(c), then: fail("trusted_proxy_no_proxies_configured"),
    why: "with gateway.trustedProxies empty no request can come from a trusted proxy" },
];

/**
 * 6.10+: when the proxy identity fails, a local direct caller may use the configured password
 * instead (#17761, an internal fallback). Our local path is never a trusted proxy, so for it the
 * proxy check always failed first.
 */
export const PROXY_LOCAL_PASSWORD: readonly AuthRule[] = [
  { id: "proxy.local-password-redacted", since: "2026.9.6", when: (c) => proxyLocalPassword(c) && c.secret === "redacted",
    then: fail("password_redacted_config"), why: "9.6 refuses a redaction placeholder as the configured password" },
  { id: "proxy.local-password-ok", since: LOCAL_PASSWORD_SINCE, when: (c) => proxyLocalPassword(c) && c.secret === "set" && c.password === "right", then: ok("password"),
    why: "the local caller knew the gateway password" },
  { id: "proxy.local-password-mismatch", since: LOCAL_PASSWORD_SINCE, when: proxyLocalPassword, then: fail("password_mismatch"),
    why: "a local caller sent a password that does not match (a placeholder matches nothing)" },
];

function proxyLocalPassword(c: AuthCell): boolean {
  return proxyMode(c) && isLocal(c) && c.secret !== "unset" && c.password !== "absent";
}

/** authorizeTrustedProxy: source, required headers, user header, in that order. */
export const PROXY_IDENTITY: readonly AuthRule[] = [
  { id: "proxy.untrusted-source", when: (c) => proxyMode(c) && !socketIsTrustedProxy(c), then: fail("trusted_proxy_untrusted_source"),
    why: "identity headers count only when the socket itself is a trusted proxy" },
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
      why: `9.6 falls back to the other secret, so only a client sending neither is missing one` },
    { id: `${mode}.ok`, when: (c) => inMode(c) && c.secret === "set" && own(c) === "right", then: ok(mode),
      why: "the constant-time compare matched" },
    { id: `${mode}.mismatch`, when: inMode, then: fail(`${mode}_mismatch`),
      why: "a wrong secret, the other secret in its place (9.6), or a configured placeholder no client knows" },
  ];
}

export const MODE_NONE: AuthRule = { id: "none.ok", when: (c) => c.mode === "none", then: ok("none"), why: "mode none accepts every connect" };

export const UNAUTHORIZED: AuthRule = { id: "unauthorized", when: () => true, then: fail("unauthorized"), why: "an unknown mode fails closed",
  unreachable: "every mode in the domain is decided by an earlier rule" };
