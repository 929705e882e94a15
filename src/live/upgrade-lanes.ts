/**
 * Upgrade lanes of a live run: which devices to pair first (one per (role, client), and one per
 * upgrade lane), what an upgrade connect left its device at, and whether an admitted upgrade was
 * approved. Planning only; run.ts drives the connects.
 */
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Observation } from "./handshake.ts";
import type { Job } from "./jobs.ts";
import { upgradeInStore, type LeftOff, type PairingNeed } from "./pairing.ts";
import { UPGRADE_SCOPE, approvedRole } from "./request.ts";

/**
 * The devices to pair: one per (role, client) for paired cells, and LANE_DEVICES per upgrade lane
 * (upgrade, approved role, client), each with a display name of its own, so its silent approvals
 * (which prune older silent pairings of the same client id, mode and display name on 9.6) never
 * retire another device of the run. An upgrade device is put back to its approval after every
 * connect that reached the pairing step (see leftOff), so each upgrade cell starts from a device
 * paired with exactly the role and scopes the cell says, and the same few devices serve their lane
 * on every gateway (a lane's cells are dealt to its devices in turn, so they run side by side; a
 * device's own cells run one after another). The lane devices are paired first: a silent pairing prunes older silent pairings of
 * its cluster once they are a minute old, and the shared (role, client) devices, paired last,
 * are a cluster of their own.
 */
export function pairingNeeds(jobs: readonly Job[]): PairingNeed[] {
  const base = new Map<string, PairingNeed>();
  const lanes = new Map<string, PairingNeed>();
  for (const j of jobs) {
    for (const { cell } of [...j.cells, ...(j.riders?.cells ?? [])]) {
      if (cell.device !== "paired") continue;
      if (cell.upgrade === "none") base.set(baseLane(cell), { id: baseLane(cell), role: cell.role, client: cell.client });
      else for (let i = 0; i < LANE_DEVICES; i++) {
        const id = laneDevice(cell, i);
        lanes.set(id, { id, role: approvedRole(cell), client: cell.client, displayName: `clawproof ${id}` });
      }
    }
  }
  const sorted = (m: Map<string, PairingNeed>) => [...m.values()].sort((a, b) => a.id.localeCompare(b.id));
  return [...sorted(lanes), ...sorted(base)];
}

/** The lane of a paired cell without an upgrade: its (role, client) device. */
export const baseLane = (cell: Cell) => `${cell.role}/${cell.client}`;
/** The device an upgrade cell presents: approved for its approved role and client, asking for this upgrade. */
export const upgradeLane = (cell: Cell) => `${cell.upgrade}:${approvedRole(cell)}/${cell.client}`;
/** The i-th device of an upgrade cell's lane. */
export const laneDevice = (cell: Cell, i: number) => `${upgradeLane(cell)}#${i}`;
/**
 * Devices per upgrade lane. One: a gateway runs 8 connects at once over its lanes anyway, and
 * three per lane measured no faster (9.6, `decide live:2026.9.6 --cell upgrade=scopes`, 2026-12-01:
 * the cell phases took 0.073 s a cell with one device and 0.075 s with three, on a loaded machine),
 * while every device more is one more record 9.6 reads per connect.
 */
export const LANE_DEVICES = 1;

type Item = Job["cells"][number];

/**
 * A job's cells in the order a gateway runs them: per paired device its cells one after another (an
 * upgrade lane's cells dealt to its devices in turn), then every other cell on its own, with no device.
 */
export function dealToLanes(cells: readonly Item[]): [string | undefined, Item[]][] {
  const lanes = new Map<string, Item[]>();
  const dealt = new Map<string, number>();
  const loose: [undefined, Item[]][] = [];
  for (const item of cells) {
    if (item.cell.device !== "paired") {
      loose.push([undefined, [item]]);
      continue;
    }
    const upgrade = item.cell.upgrade !== "none";
    const n = upgrade ? (dealt.get(upgradeLane(item.cell)) ?? 0) : 0;
    if (upgrade) dealt.set(upgradeLane(item.cell), n + 1);
    const lane = upgrade ? laneDevice(item.cell, n % LANE_DEVICES) : baseLane(item.cell);
    lanes.set(lane, [...(lanes.get(lane) ?? []), item]);
  }
  return [...lanes, ...loose];
}

/**
 * What an upgrade connect left its device at (see LeftOff): refused with a pairing request, that
 * request is pending (9.6 never approves silently while a non-silent request of the device is
 * pending: seen live, a local scope upgrade after a remote one of the same device read "pairing
 * required"), and on a role upgrade the approval may be wider as well: the handler asks the role
 * step and then the scope step, so a silently approved role with a refused scope step leaves the
 * device approved for the new role (seen live on 7.35: the next cell of that device was admitted);
 * admitted and approved, its approval is wider; ended unexplained, its state is not known.
 * Refused before pairing (origin, auth), or admitted without an approval (a skip), it is as it was.
 */
export function leftOff(cell: Cell, o: Observation, verdict: Verdict, upgraded: boolean | undefined): LeftOff | undefined {
  const requestId = o.error?.details?.requestId;
  if (typeof requestId === "string") return { reject: requestId, rePair: cell.upgrade === "role" };
  if (o.kind === "hello") return upgraded ? { rePair: true } : undefined;
  return verdict.reason === "unexplained" ? { rePair: true } : undefined;
}

/**
 * Whether an admitted upgrade was approved (the paired record now has the requested role and
 * added scope), read from the paired store where the release keeps it as JSON (3.13), else from
 * hello-ok (9.6): a device token issued for the requested role with the added scope granted.
 */
export async function upgradeApproved(stateDir: string, cell: Cell, o: Observation): Promise<boolean> {
  const scope = cell.upgrade === "scopes" ? UPGRADE_SCOPE[cell.role] : undefined;
  const stored = await upgradeInStore(stateDir, o.deviceId!, cell.role, scope);
  if (stored !== undefined) return stored;
  const auth = o.hello?.auth;
  return !!auth?.deviceToken && auth.role === cell.role && (!scope || (auth.scopes ?? []).includes(scope));
}
