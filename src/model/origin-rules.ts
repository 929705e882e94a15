import { always } from "./rule.ts";
import type { OriginStage } from "./stage-types.ts";

/**
 * Browser Origin check, before auth. The step composes three helpers (origin-helper-rules.ts:
 * the browser security context, the call site's condition, checkBrowserOrigin) on the cell's
 * abstract request (origin-step.ts); a release's own sliced helpers stand in for the model's
 * where it has them. The step itself only acts on their answers.
 */
export const ORIGIN: OriginStage = {
  name: "origin check",
  rules: [
    { id: "origin.not-checked-inline", until: "2026.9.2", when: (i) => !i.checked, then: "pass",
      why: "the call site does not check this connect's Origin (≤2.24 only the Control UI and WebChat; 2.25–3.8 also any client sending an Origin without proxy headers; from 3.11 whatever the headers): the condition is inline before 9.2, held to each release's statement-level slice of it (glue layer, originGuard)" },
    { id: "origin.not-checked", since: "2026.9.2", when: (i) => !i.checked, then: "pass",
      why: "measured from 9.2 (resolveGatewayWsBrowserOrigin): a connect with no Origin from a client other than the Control UI or WebChat is not checked" },
    { id: "origin.refused", when: (i) => !i.result.ok, then: "reject",
      why: "checkBrowserOrigin refuses the Origin (missing or malformed on a browser client, or one the allowlist does not name): cross-site WebSocket hijacking is refused before auth" },
    { id: "origin.pass", when: always, then: "pass", why: "an Origin checkBrowserOrigin allows" },
  ],
};
