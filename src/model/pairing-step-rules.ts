import { always } from "./rule.ts";
import type { PairingStage } from "./stage-types.ts";

/** The pairing step for connects that carry a device (E1+ order: skips, then state, then silent approval). */
export const PAIRING: PairingStage = {
  name: "pairing",
  rules: [
    { id: "pairing.no-device", when: (i) => !i.hasDevice, then: "no-device", why: "pairing binds a device; without one there is nothing to pair" },
    { id: "pairing.control-ui-skip", requires: "controlUiPairing", when: (i) => i.controlUiSkip, then: "skipped", why: "shouldSkipControlUiPairing said so" },
    { id: "pairing.backend-skip", requires: "backendPairing", when: (i) => i.backendSkip, then: "skipped", why: "local backend self-connections do not pair with themselves" },
    { id: "pairing.paired", when: (i) => i.paired && i.upgrade === "none", then: "paired", why: "the device is already approved for this role and these scopes" },
    { id: "pairing.upgrade-silent-local-e0", until: "2026.2.21", when: (i) => i.upgrade !== "none" && i.isLocalClient, then: "silent",
      unmeasured: "inline in the message handler; read from the 2.9 bundle, not run",
      why: "≤2.19 inline: silent = isLocalClient whatever the reason, so a local paired device was upgraded without approval" },
    { id: "pairing.upgrade-paired-node-needs-approval", since: "2026.6.10", when: (i) => i.upgrade !== "none" && i.approvedRole === "node", then: "required",
      unmeasured: "caller glue in the message handler (read from the 6.10 bundle); no sliced function carries it",
      why: "6.10: the caller never upgrades an already-paired non-operator device silently" },
    { id: "pairing.upgrade-silent", since: "2026.2.22-1", when: (i) => i.upgrade !== "none" && i.localSilentOk, then: "silent",
      why: "an upgrade is approved silently when shouldAllowSilentLocalPairing says so for its reason (scope-upgrade or role-upgrade): the release's own answer from 2.26" },
    { id: "pairing.upgrade-required", when: (i) => i.upgrade !== "none", then: "required",
      why: "any other upgrade waits for an operator (2.21 made only first pairings silent)" },
    { id: "pairing.silent", when: (i) => i.silent, then: "silent", why: "local first pairing is auto-approved" },
    { id: "pairing.required", when: always, then: "required", why: "an operator must approve the device: close 1008 pairing required" },
  ],
};
