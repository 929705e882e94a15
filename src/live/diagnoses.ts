/**
 * Disagreements between a live gateway and the model that were looked at by hand and are not
 * (yet) fixed on either side, each with what was found. A disagreement without a diagnosis is
 * reported bare: someone has to look at it.
 */
import type { Cell } from "../domain/cell.ts";

interface Diagnosis {
  /** releases it was diagnosed on (exact versions). */
  versions: readonly string[];
  /** the `model → live` label it explains. */
  label: string;
  applies?: (cell: Cell) => boolean;
  why: string;
}


/** An upgrade cell where the device's own token is the only credential that could verify (alone, or beside a wrong secret). */
const upgradeOnDeviceToken = (c: Cell) => c.upgrade !== "none" && (c.credential === "device-token" || (c.withDeviceToken && c.credential === "secret-wrong"));
const DEVICE_TOKEN_BOUND =
  "model error, gateway right (found 2026-12-01 live, harness live-6): 3.13 and 9.6 verify a device token against the role and scopes it was issued for, before any pairing step. A paired device asking for one more scope with its token is refused (9.6: AUTH_SCOPE_MISMATCH \"device token scope mismatch (re-pair or approve scope upgrade)\"; 3.13: AUTH_DEVICE_TOKEN_MISMATCH), one asking for the role it was not approved for AUTH_DEVICE_TOKEN_MISMATCH (the token is issued per role). The model's final auth takes the device token as verifying whatever the connect asks, so with no verifying shared secret beside it the model carries the upgrade on to pairing (required, silent or a backend skip). Needs a dated model rule: a device token does not verify a connect asking beyond its grant. Replay it and read the close reason";

export const DIAGNOSES: readonly Diagnosis[] = [
  { versions: ["2026.3.13", "2026.9.6"], label: "reject pairing-required → reject unauthorized", applies: upgradeOnDeviceToken, why: DEVICE_TOKEN_BOUND },
  { versions: ["2026.3.13", "2026.9.6"], label: "admit(kept,silent) → reject unauthorized", applies: upgradeOnDeviceToken, why: DEVICE_TOKEN_BOUND },
  { versions: ["2026.3.13", "2026.9.6"], label: "admit(kept,skipped) → reject unauthorized", applies: upgradeOnDeviceToken, why: DEVICE_TOKEN_BOUND },
  {
    versions: ["2026.9.6"],
    label: "admit(kept,skipped) → reject unexplained",
    applies: (c) => c.client === "backend" && c.role === "node" && c.device === "unpaired" && c.locality === "local",
    why: "the gateway is right, the model stops too early (diagnosed 2026-12-01 from the gateway's log): the handshake policy does skip pairing for a new local gateway-client/backend device with the shared secret, as the model says, but a node connect then files its node-surface pairing request, which 9.6's state worker refuses for a device that is not in the paired store (\"node pairing requires a paired device\"); the gateway logs a parse/handle error and closes 1000 before hello-ok. So that connect is never admitted. Not a model rule: the refusal is an internal error with no close reason, outside the verdict vocabulary (unexplained never agrees). Replay it and read the gateway log",
  },
  {
    versions: ["2026.9.6"],
    label: "admit(kept,skipped) → reject unexplained",
    applies: (c) => c.client === "backend" && c.device === "paired" && c.upgrade !== "none" && c.locality === "local",
    why: "the gateway is right, the model stops too early (found 2026-12-01 live, harness live-6): a local gateway-client/backend device approved for one role or scope set, asking with the shared secret (or under auth none) for the other role or more scopes, has its pairing skipped by the handshake policy as the model says (backend self-pairing skip), but the node surface then looks up the node pairing identity of the requested role and scopes, finds none, and refuses with NOT_PAIRED \"authenticated node pairing identity unavailable\" (close 1008). The same state-worker refusal as a new local backend node's below, for an upgrade; outside the verdict vocabulary (unexplained never agrees). Replay it and read the close reason",
  },
];

export function diagnosisOf(version: string, cell: Cell, label: string): string | undefined {
  return DIAGNOSES.find((d) => d.versions.includes(version) && d.label === label && (d.applies?.(cell) ?? true))?.why;
}
