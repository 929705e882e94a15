import type { RuleList } from "../../model/rule.ts";
import type { AuthCell } from "../auth-cell.ts";
import { fail, ok, type AuthOutcome } from "../outcome.ts";
import { isLocal, tailscaleVerified } from "../request-facts.ts";
import { PROXY_CONFIG, PROXY_IDENTITY, secretRules } from "./shared.ts";

/** Shared rules that only exist from a release on (a rule's own later start, e.g. 3.31's loopback refusal, stands). */
const scoped = <T extends { since?: string }>(rules: readonly T[], since: string) => rules.map((r) => ({ ...r, since: r.since ?? since }));

/**
 * AP (2026.2.9 – 2.19): before auth surfaces. A Tailscale header identity is taken on every
 * surface; trusted-proxy mode arrives in 2.17, and until 2.19 authorizeGatewayConnect has no
 * branch for mode none (it ends in `unauthorized`; only a Tailscale identity gets through).
 */
export const AP: RuleList<AuthCell, AuthOutcome> = {
  name: "authorizeGatewayConnect",
  rules: [
    { id: "tailscale.before-modes", until: "2026.2.17", when: (c) => c.allowTailscale && !isLocal(c) && tailscaleVerified(c), then: ok("tailscale"),
      why: "≤2.12 tries the Tailscale identity before looking at the mode at all, mode none included" },
    ...scoped(PROXY_CONFIG, "2026.2.17"),
    ...scoped(PROXY_IDENTITY, "2026.2.17"),
    { id: "none.ok", since: "2026.2.19", when: (c) => c.mode === "none", then: ok("none"), why: "2.19 adds the mode none branch" },
    { id: "tailscale.any-surface", since: "2026.2.17", when: (c) => c.allowTailscale && !isLocal(c) && tailscaleVerified(c), then: ok("tailscale"),
      why: "a verified Tailscale identity for a non-local request, whatever the surface" },
    ...secretRules("token"),
    ...secretRules("password"),
    { id: "unauthorized", when: () => true, then: fail("unauthorized"),
      why: "mode none (before 2.19) and trusted-proxy (before 2.17) have no branch and fail closed" },
  ],
};
