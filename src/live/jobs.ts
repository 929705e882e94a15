/**
 * Which gateway runs which cells: one job per gateway configuration, the jobs a running gateway can
 * become without a restart, and the order jobs start in. Planning only; run.ts starts the gateways.
 */
import type { Cell } from "../domain/cell.ts";
import type { LiveProfile } from "./profile.ts";
import { gatewayId, planCell, type CellPlan, type GatewayKey } from "./realise.ts";

export interface Job {
  key: GatewayKey;
  cells: { cell: Cell; plan: CellPlan }[];
  /**
   * The same configuration without `allowInsecureAuth`, where the release removes that retired
   * knob from its config at start (9.6): its cells ride on this gateway, given the knob, once the
   * gateway's config file shows it gone; otherwise they get a gateway of their own.
   */
  riders?: Job;
}

export function groupJobs(cells: readonly Cell[], profile: LiveProfile): Job[] {
  const jobs = new Map<string, Job>();
  for (const cell of cells) {
    const plan = planCell(cell, profile);
    const id = gatewayId(plan.gateway);
    const job = jobs.get(id) ?? { key: plan.gateway, cells: [] };
    job.cells.push({ cell, plan });
    jobs.set(id, job);
  }
  if (profile.stripsRetiredAllowInsecureAuth) {
    for (const [id, job] of jobs) {
      const given = job.key.allowInsecureAuth ? undefined : jobs.get(gatewayId({ ...job.key, allowInsecureAuth: true }));
      if (!given) continue;
      given.riders = job;
      jobs.delete(id);
    }
  }
  // the jobs that need no paired device first: they start while the pairing gateway pairs
  const needsPaired = (j: Job) => ([...j.cells, ...(j.riders?.cells ?? [])].some((c) => c.cell.device === "paired") ? 1 : 0);
  return [...jobs.values()].sort((a, b) => needsPaired(a) - needsPaired(b));
}

/**
 * `to` differs from the running `from` only by a setting its release applies without a restart:
 * from 9.6 `gateway.auth.allowTailscale` (token ↔ tailscale). Read from 9.6 itself: its reload
 * plan lists that path as hot, and its connect handler resolves the auth config afresh for every
 * connect; the gateway's log line saying the hot reload was applied is awaited each time.
 */
export function hotReloadFrom(from: GatewayKey, to: GatewayKey, profile: LiveProfile): { path: string; applied: RegExp } | undefined {
  const modes = new Set([from.authMode, to.authMode]);
  if (!profile.hotReloadsAllowTailscale || modes.size !== 2 || !modes.has("token") || !modes.has("tailscale")) return undefined;
  if (gatewayId({ ...to, authMode: from.authMode }) !== gatewayId(from)) return undefined;
  return { path: "gateway.auth.allowTailscale", applied: /config hot reload applied \(gateway\.auth\.allowTailscale\)/ };
}
