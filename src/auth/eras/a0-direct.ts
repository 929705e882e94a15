import type { RuleList } from "../../model/rule.ts";
import type { AuthCell } from "../auth-cell.ts";
import { ok, type AuthOutcome } from "../outcome.ts";
import { isLocal, tailscaleSurface, tailscaleVerified } from "../request-facts.ts";
import { MODE_NONE, PROXY_CONFIG, PROXY_IDENTITY, UNAUTHORIZED, secretRules } from "./shared.ts";

/**
 * A0 (2026.2.21 – 4.2): the order the notes give for 3.11. Trusted-proxy mode decides on its own;
 * mode none admits; (rate limit: no limiter in the domain); a verified Tailscale identity on the
 * WebSocket surface, for non-local requests, wins over any secret; then the mode's secret.
 */
export const A0: RuleList<AuthCell, AuthOutcome> = {
  name: "authorizeGatewayConnect",
  rules: [
    ...PROXY_CONFIG,
    ...PROXY_IDENTITY,
    MODE_NONE,
    { id: "tailscale.verified", when: (c) => tailscaleSurface(c) && !isLocal(c) && tailscaleVerified(c), then: ok("tailscale"),
      why: "Tailscale serve forwarded an identity that whois confirms; tried even when a secret was sent" },
    ...secretRules("token"),
    ...secretRules("password"),
    UNAUTHORIZED,
  ],
};
