import { always } from "./rule.ts";
import type { PairingStage } from "./stage-types.ts";

type PairingInput = Parameters<PairingStage["rules"][number]["when"]>[0];
/** The role the connect asks for: the other one on a role upgrade, the approved one otherwise. */
const requestedRole = (i: PairingInput) => (i.upgrade === "role" ? (i.approvedRole === "node" ? "operator" : "node") : i.approvedRole);

/** 4.5–7.35 (read in the 3.13–8.1 handlers): the two skips sit in the connect handler's not-paired branch. */
const SKIPS_UNPAIRED_ONLY =
  "4.5–7.35 test the backend and Control UI pairing skips only for a device not paired yet; a paired device goes through the paired branch's role and scope checks whatever the skips say (3.13–4.2 wrap all device pairing in the skip, 8.1 decides it before the paired branch; read in the 3.13, 3.24–4.2, 4.5, 5.12, 7.35 and 8.1 handlers; live 2026-12-01, harness live-8: on 7.35 a paired local backend asking for another role or more scopes is asked to pair, on 8.1 it is admitted)";

/** Where the two skips moved into the not-paired branch: read, not run (the 8.1 end is live). */
const SKIPS_AT_4_5_UNMEASURED =
  "the 4.2 → 4.5 boundary only: 4.2 wraps all device pairing in the skip and 4.5 tests it in the not-paired branch (read in both bundles), but 4.5 does not start live without the plugin dependencies its postinstall installs (clawproof installs with scripts off), and no layer slices the step: not run on both releases";

/** The pairing step for connects that carry a device (E1+ order: skips, then state, then silent approval). */
export const PAIRING: PairingStage = {
  name: "pairing",
  rules: [
    { id: "pairing.no-device", when: (i) => !i.hasDevice, then: "no-device", why: "pairing binds a device; without one there is nothing to pair" },
    { id: "pairing.control-ui-skip", requires: "controlUiPairing", until: "2026.4.5", when: (i) => i.controlUiSkip, then: "skipped", why: "shouldSkipControlUiPairing said so",
      unmeasured: SKIPS_AT_4_5_UNMEASURED },
    { id: "pairing.control-ui-skip-new-device", requires: "controlUiPairing", since: "2026.4.5", until: "2026.8.1", when: (i) => i.controlUiSkip && !i.paired, then: "skipped",
      why: SKIPS_UNPAIRED_ONLY,
      unmeasured: SKIPS_AT_4_5_UNMEASURED },
    { id: "pairing.control-ui-skip-again", requires: "controlUiPairing", since: "2026.8.1", when: (i) => i.controlUiSkip && !(i.paired && i.method === "tailscale"), then: "skipped",
      why: "shouldSkipControlUiPairing said so: from 8.1 it names its reason, and only the auth-none skip is decided before the paired branch; the Tailscale-device skip (the one reason authenticated by Tailscale) still covers only a device not paired yet, so a paired one goes through the role and scope checks (read in the 8.1 and 9.6 handlers)" },
    { id: "pairing.operator-shared-auth-skip", since: "2026.2.22-1", until: "2026.2.25", when: (i) => i.operatorSharedAuthSkip, then: "skipped",
      why: "2.22-1–2.24 inline skipPairingForOperatorSharedAuth (read in the 2.21–2.25 bundles): a non-browser operator with a verified shared secret skips pairing, local or remote (live 2026-12-01 on both boundaries: a remote operator's new device with the token is paired on 2.21 and 2.25, let in unpaired on 2.22-1 and 2.24)" },
    { id: "pairing.backend-skip", requires: "backendPairing", until: "2026.4.5", when: (i) => i.backendSkip, then: "skipped", why: "local backend self-connections do not pair with themselves",
      unmeasured: SKIPS_AT_4_5_UNMEASURED },
    { id: "pairing.backend-skip-new-device", requires: "backendPairing", since: "2026.4.5", until: "2026.8.1", when: (i) => i.backendSkip && !i.paired, then: "skipped",
      why: SKIPS_UNPAIRED_ONLY,
      unmeasured: SKIPS_AT_4_5_UNMEASURED },
    { id: "pairing.backend-skip-again", requires: "backendPairing", since: "2026.8.1", when: (i) => i.backendSkip, then: "skipped",
      why: "local backend self-connections do not pair with themselves; 8.1 skips before the paired branch again (live 2026-12-01: a paired local backend asking for more is admitted on 8.1)" },
    { id: "pairing.paired", when: (i) => i.paired && i.upgrade === "none", then: "paired", why: "the device is already approved for this role and these scopes" },
    { id: "pairing.upgrade-silent-local-e0", until: "2026.2.19", when: (i) => i.upgrade !== "none" && i.isLocalClient, then: "silent",
      why: "≤2.17 inline: silent = isLocalClient whatever the reason, so a local paired device was upgraded without approval (measured 2026-12-01 with the sliced glue, requirePairing's silent: 2.9–2.17 read only isLocalClient, 2.19 adds reason not-paired; the date was 2.21, read from 2.9 and 2.21 only)" },
    { id: "pairing.upgrade-to-non-operator-needs-approval", since: "2026.5.18", when: (i) => i.upgrade !== "none" && requestedRole(i) !== "operator", then: "required",
      why: "5.18: a paired device asking for the node role, or a paired node asking for more scopes, waits for an operator (a paired node asking to be an operator does not); measured with the sliced glue on every release: absent through 5.12, the caller's guard from 5.18 (requirePairing, then the approval plan from 8.1 and resolveLocalPairingApproval from 9.2)" },
    { id: "pairing.scope-upgrade-never-silent", since: "2026.3.28", until: "2026.8.1", when: (i) => i.upgrade === "scopes", then: "required",
      why: "3.28–7.35: the caller never approves a scope upgrade silently, whatever shouldAllowSilentLocalPairing says; measured with the sliced glue (requirePairing's silent) on every release: absent through 3.24, present 3.28–7.35, gone from 8.1's approval plan" },
    { id: "pairing.upgrade-silent", since: "2026.2.22-1", until: "2026.3.28", when: (i) => i.upgrade !== "none" && i.localSilentOk, then: "silent",
      why: "an upgrade is approved silently when shouldAllowSilentLocalPairing says so for its reason (the release's own answer from 2.25; role upgrades it refuses until 4.2)" },
    { id: "pairing.upgrade-silent-from-4.2", since: "2026.4.2", when: (i) => i.upgrade !== "none" && i.localSilentOk, then: "silent",
      why: "from 4.2 the function allows role-upgrade (3.28–7.35 it is the only upgrade the caller lets it decide; scope upgrades again from 8.1)" },
    { id: "pairing.upgrade-required", when: (i) => i.upgrade !== "none", then: "required",
      why: "any other upgrade waits for an operator (2.19 made only first pairings silent)" },
    { id: "pairing.silent", when: (i) => i.silent, then: "silent", why: "local first pairing is auto-approved" },
    { id: "pairing.required", when: always, then: "required", why: "an operator must approve the device: close 1008 pairing required" },
  ],
};
