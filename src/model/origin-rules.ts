import { always } from "./rule.ts";
import type { OriginStage } from "./stage-types.ts";

/** Browser Origin check, before auth. `foreign` means an Origin the gateway does not allow. */
export const ORIGIN: OriginStage = {
  name: "origin check",
  rules: [
    { id: "origin.foreign-browser-client", until: "2026.2.22-1", when: (c) => c.origin === "foreign" && (c.client === "control-ui" || c.client === "webchat"),
      then: "reject", why: "≤2.21 checked the Origin of Control UI and WebChat clients only",
      unmeasured: "the origin check is inline in every release: its 2.21 → 2.22-1 boundary is read from the bundles, not run" },
    { id: "origin.foreign-any-client", since: "2026.2.22-1", when: (c) => c.origin === "foreign", then: "reject",
      why: "any client sending a disallowed Origin is refused (cross-site WebSocket hijacking, GHSA-5wcw-8jjv-m286)" },
    { id: "origin.browser-client-without-origin", since: "2026.3.13", when: (c) => c.origin === "none" && (c.client === "control-ui" || c.client === "webchat"),
      then: "reject", why: "live 2026-12-01 (3.13, 9.6): a Control UI or WebChat client sending no Origin is refused as origin not allowed, local or remote (earlier releases not run live)" },
    { id: "origin.pass", when: always, then: "pass", why: "no Origin, or an allowed one" },
  ],
};
