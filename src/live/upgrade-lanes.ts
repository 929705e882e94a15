/**
 * Upgrade lanes of a live run: which devices to pair first (one per (role, client), and a pool per
 * upgrade lane), when a lane moves on to a fresh pool device, and whether an admitted upgrade was
 * approved. Planning only; run.ts drives the connects.
 */
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import { releaseModel } from "../impl/model-impl.ts";
import type { Observation } from "./handshake.ts";
import type { Job } from "./jobs.ts";
import { upgradeInStore, type PairingNeed } from "./pairing.ts";
import { gatewayId } from "./realise.ts";
import { UPGRADE_SCOPE, approvedRole } from "./request.ts";

/**
 * The devices to pair: one per (role, client) for paired cells, and for upgrade cells a pool per
 * (upgrade, approved role, client), each pool device with a display name of its own. A device
 * whose upgrade reached the pairing step is no longer at its approval: admitted, it may now be
 * approved for more; refused as pairing required, it has a pending request, and 9.6 never
 * approves a device silently while a non-silent request of it is pending (seen live: a local
 * scope upgrade after a remote one of the same device read "pairing required"). So an upgrade
 * lane runs its local cells first and, on each gateway, moves on to the next pool device after
 * every admitted connect and every local one that reached pairing. Its remote cells then share
 * the device a remote pairing request left pending: each lane's first remote cell on a gateway
 * is on a clean device, later ones see a device with a pending request (the only difference a
 * gateway could show is approving a remote upgrade silently, which any admitted remote upgrade,
 * on a clean device or not, reports). A pool is sized for the most such moves one gateway makes
 * on it (token and tailscale jobs counted as one where a hot reload joins them): the era model's
 * count of those cells there, and two more, at most UPGRADE_POOL. Every pool device slows every
 * later connect of 9.6 (its paired store is read per connect: 1,150 of them took a paired
 * connect to seconds), so the model sizes the pool; it decides nothing: a lane that moves on
 * more often leaves its remaining cells unobserved, reported so. The pools are paired
 * first: a silent pairing prunes older silent pairings of its cluster once they are a minute
 * old, and the shared (role, client) devices, paired last, are a cluster of their own.
 */
export function pairingNeeds(jobs: readonly Job[], version: string, hotReloadsAllowTailscale: boolean): (PairingNeed & { pool?: string })[] {
  const base = new Map<string, PairingNeed>();
  const pools = new Map<string, { need: Omit<PairingNeed, "id">; size: number }>();
  const perGateway = new Map<string, number>();
  const model = releaseModel(version);
  const reachesPairing = (cell: Cell) => movesOn(cell, model.decide(cell));
  for (const j of jobs) {
    // the jobs a hot reload may run on one gateway share its pool devices
    const gateway = gatewayId(hotReloadsAllowTailscale && j.key.authMode === "tailscale" ? { ...j.key, authMode: "token" } : j.key);
    for (const { cell } of [...j.cells, ...(j.riders?.cells ?? [])]) {
      if (cell.device !== "paired") continue;
      if (cell.upgrade === "none") base.set(baseLane(cell), { id: baseLane(cell), role: cell.role, client: cell.client });
      else {
        const pool = upgradeLane(cell);
        const n = (perGateway.get(`${gateway} ${pool}`) ?? 0) + (reachesPairing(cell) ? 1 : 0);
        perGateway.set(`${gateway} ${pool}`, n);
        const entry = pools.get(pool) ?? { need: { role: approvedRole(cell), client: cell.client }, size: 0 };
        entry.size = Math.min(UPGRADE_POOL, Math.max(entry.size, n + 2));
        pools.set(pool, entry);
      }
    }
  }
  const pooled = [...pools].sort(([a], [b]) => a.localeCompare(b)).flatMap(([pool, { need, size }]) =>
    Array.from({ length: size }, (_, i) => ({ ...need, id: `${pool}#${i}`, pool, displayName: `clawproof ${pool} #${i}` })));
  return [...pooled, ...[...base.values()].sort((a, b) => a.id.localeCompare(b.id))];
}

/** The lane of a paired cell without an upgrade: its (role, client) device. */
export const baseLane = (cell: Cell) => `${cell.role}/${cell.client}`;
/** The pool an upgrade cell draws from: devices approved for its approved role and client, asking for this upgrade. */
export const upgradeLane = (cell: Cell) => `${cell.upgrade}:${approvedRole(cell)}/${cell.client}`;
/** An upgrade connect after which its lane takes a fresh device: admitted, or local and refused at (or after) the pairing step. */
export const movesOn = (cell: Cell, v: Verdict) => v.outcome === "admit" || (cell.locality === "local" && (v.reason === "pairing-required" || v.reason === "unexplained"));
/** Pool devices per upgrade lane at most (a gateway admitting more upgrades on one lane leaves the rest unobserved). */
export const UPGRADE_POOL = 12;

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
