import type { RuleList } from "../../model/rule.ts";
import type { AuthCell } from "../auth-cell.ts";
import { ok, type AuthOutcome } from "../outcome.ts";
import { isLocal, presentsSecret, tailscaleSurface, tailscaleVerified } from "../request-facts.ts";
import { MODE_NONE, PROXY_CONFIG, PROXY_IDENTITY, PROXY_LOCAL_PASSWORD, UNAUTHORIZED, secretRules } from "./shared.ts";

/**
 * A1 (2026.4.5 – 7.x): a client that sends a token or password is judged by it, never by a Tailscale
 * header identity. From 6.10 a local direct caller in trusted-proxy mode may use the password.
 */
export const A1: RuleList<AuthCell, AuthOutcome> = {
  name: "authorizeGatewayConnect",
  rules: [
    ...PROXY_CONFIG,
    ...PROXY_LOCAL_PASSWORD,
    ...PROXY_IDENTITY,
    MODE_NONE,
    { id: "tailscale.verified-no-secret", when: (c) => tailscaleSurface(c) && !isLocal(c) && !presentsSecret(c) && tailscaleVerified(c),
      then: ok("tailscale"), why: "a verified Tailscale identity, consulted only when no explicit secret was sent" },
    ...secretRules("token"),
    ...secretRules("password"),
    UNAUTHORIZED,
  ],
};
