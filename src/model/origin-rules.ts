import type { Cell } from "../domain/cell.ts";
import { always } from "./rule.ts";
import type { OriginStage } from "./stage-types.ts";

const browserClient = (c: Cell) => c.client === "control-ui" || c.client === "webchat";

/** Read from checkBrowserOrigin and its call site in every cached published bundle (2.9–9.6); the check is not sliced yet. */
const READ_NOT_RUN = "the origin check is inline glue (checkBrowserOrigin is not sliced yet): its boundaries are read from every published bundle, not run";

/**
 * Browser Origin check, before auth. `foreign` means an Origin the allowlist does not name (the
 * gateway's own loopback origins are `loopback`); `hostHeader` and `forwarded` are the request
 * facts the check's older versions let decide instead of the allowlist.
 */
export const ORIGIN: OriginStage = {
  name: "origin check",
  rules: [
    { id: "origin.host-header-match", until: "2026.2.23", when: (c) => c.origin === "foreign" && c.hostHeader === "origin" && browserClient(c),
      then: "pass", why: "≤2.22-1 checkBrowserOrigin accepted any Origin whose host equals the Host header, so a foreign page reached by a name rebound to the gateway passed (DNS rebinding); 2.23 makes that match opt-in (gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback)",
      unmeasured: READ_NOT_RUN },
    { id: "origin.foreign-browser-client", until: "2026.2.25", when: (c) => c.origin === "foreign" && browserClient(c),
      then: "reject", why: "≤2.24 checked the Origin of Control UI and WebChat clients only (2.25 adds enforceOriginCheckForAnyClient)",
      unmeasured: READ_NOT_RUN },
    { id: "origin.proxied-skips-check", since: "2026.2.25", until: "2026.3.11", when: (c) => c.origin === "foreign" && c.forwarded && !browserClient(c),
      then: "pass", why: "GHSA-5wcw-8jjv-m286: 2.25–3.8 enforced the Origin of other client ids only without proxy headers, so a cross-site page reaching the gateway through a (trusted) proxy passed by claiming another client id; 3.11 checks every Origin whatever the headers",
      unmeasured: READ_NOT_RUN },
    { id: "origin.foreign-any-client", since: "2026.2.25", when: (c) => c.origin === "foreign", then: "reject",
      why: "any client sending a disallowed Origin is refused (cross-site WebSocket hijacking)", unmeasured: READ_NOT_RUN },
    { id: "origin.browser-client-without-origin", since: "2026.3.13", when: (c) => c.origin === "none" && browserClient(c),
      then: "reject", why: "live 2026-12-01 (3.13, 9.6): a Control UI or WebChat client sending no Origin is refused as origin not allowed, local or remote (earlier releases not run live)" },
    { id: "origin.pass", when: always, then: "pass", why: "no Origin, or an allowed one" },
  ],
};
