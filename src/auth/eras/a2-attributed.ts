import type { RuleList } from "../../model/rule.ts";
import type { AuthCell } from "../auth-cell.ts";
import { fail, ok, type AuthOutcome } from "../outcome.ts";
import { isLocal, presentsSecret, tailscaleSurface, tailscaleVerified, unattributable, viaFunnel } from "../request-facts.ts";
import { MODE_NONE, PROXY_CONFIG, PROXY_IDENTITY, PROXY_LOCAL_PASSWORD, UNAUTHORIZED, secretRules } from "./shared.ts";

/**
 * A2 (8.1+): ingress attribution runs first. A request no listener or trusted proxy can account
 * for fails before any credential; Tailscale identity comes only from Tailscale's own listener.
 */
export const A2: RuleList<AuthCell, AuthOutcome> = {
  name: "authorizeGatewayConnect",
  rules: [
    { id: "secret.redacted", since: "2026.9.6", when: (c) => (c.mode === "token" || c.mode === "password") && c.secret === "redacted",
      then: (c) => fail(`${c.mode}_redacted_config`), why: "a redaction placeholder written back as the secret is refused before anything else" },
    ...PROXY_CONFIG,
    { id: "ingress.unattributable", when: unattributable, then: fail("proxy_attribution_required"),
      why: "forwarded or Tailscale headers from a socket that is neither a trusted proxy nor Tailscale's listener" },
    ...PROXY_LOCAL_PASSWORD,
    ...PROXY_IDENTITY,
    { id: "none.funnel", when: (c) => c.mode === "none" && viaFunnel(c), then: fail("gateway_auth_required"),
      why: "mode none is refused for traffic a trusted proxy says came through Tailscale Funnel (the public internet)" },
    MODE_NONE,
    { id: "tailscale.serve-verified", when: (c) => tailscaleSurface(c) && !isLocal(c) && !presentsSecret(c) && tailscaleVerified(c),
      then: ok("tailscale"), why: "an identity verified by the tailscale-serve listener's whois, with no explicit secret sent" },
    ...secretRules("token"),
    ...secretRules("password"),
    UNAUTHORIZED,
  ],
};
