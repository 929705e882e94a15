import { cellKey } from "../domain/cell-key.ts";
import { TRUSTED_PROXY_SETTINGS, requestOf, localityCellKey, type LocalityCell } from "../locality/locality-domain.ts";
import { TOPOLOGIES } from "../locality/topology.ts";
import type { TopologyContext } from "../topology/context.ts";
import type { TopologyProperty } from "../topology/property.ts";
import { connectionExemption, exceptionsFor, type ExceptionRule } from "./exceptions.ts";
import type { Counterexample, PropertyResult } from "./results.ts";

export const replayConnection = (ref: string, property: string, connection: string, cell?: string) =>
  `npx clawproof check ${ref} --property ${property} --connection ${connection}${cell ? ` --cell ${cell}` : ""}`;

/** Runs a ground-truth property over every topology; violations may be exempted per connection. */
export function checkTopologyProperty(p: TopologyProperty, ctx: TopologyContext, accepted: readonly ExceptionRule[]): PropertyResult {
  const exceptions = exceptionsFor(accepted, p.id, ctx.impl.version);
  const result: PropertyResult = { id: p.id, statement: p.statement, status: "holds", cells: 0, violations: 0, moreViolations: [], exempted: [], topologies: [] };
  const exempted = new Map<string, { why: string; cells: number; sample: string[] }>();
  const findings = p.evaluate(ctx);
  const plainest = findings
    .flatMap((f) => f.violations)
    .filter((v) => !connectionExemption(exceptions, v.locality))
    .sort((a, b) => oddity(a.locality) - oddity(b.locality))[0];
  for (const finding of findings) {
    let violations = 0;
    let connections = 0;
    let exemptedHere = 0;
    for (const v of finding.violations) {
      const exception = connectionExemption(exceptions, v.locality);
      if (exception) {
        const entry = exempted.get(exception.id) ?? { why: exception.why, cells: 0, sample: [] };
        entry.cells++;
        if (entry.sample.length < 3) entry.sample.push(localityCellKey(v.locality));
        exempted.set(exception.id, entry);
        exemptedHere++;
        continue;
      }
      violations += v.weight;
      connections++;
      if (v === plainest) result.counterexample = counterexample(ctx, p.id, v);
      else if (result.moreViolations.length < 5 && !result.moreViolations.some((m) => m.startsWith(`topo=${v.locality.topology},`))) {
        result.moreViolations.push(`${localityCellKey(v.locality)}${v.cell ? ` × ${cellKey(v.cell)}` : ""}`);
      }
    }
    result.cells += finding.cells;
    result.violations += violations;
    for (const u of finding.unchecked ?? []) {
      const entry = (result.unchecked ??= []).find((e) => e.reason === u.reason);
      if (entry) entry.cells += u.cells;
      else result.unchecked.push({ ...u });
    }
    const status = finding.cells === 0 ? "not-applicable" : violations ? "violated" : "holds";
    result.topologies!.push({ topology: finding.topology, status, cells: finding.cells, violations: connections, exempted: exemptedHere });
  }
  result.exempted = [...exempted].map(([exception, e]) => ({ exception, ...e }));
  if (result.violations > 0) result.status = "violated";
  // nothing checked but something unchecked: never a pass
  else if (result.cells === 0 && result.unchecked?.length) Object.assign(result, { status: "not-applicable", note: `unchecked: ${result.unchecked.map((u) => u.reason).join("; ")}` });
  return result;
}

/**
 * How far a connection is from a plainly configured deployment: a client adding headers of its own,
 * the X-Real-IP opt-in, a trustedProxies list other than the topology's own. The plainest violation
 * is the one shown first: it is the one nobody can call a misconfiguration.
 */
function oddity(c: LocalityCell): number {
  const intended = TOPOLOGIES[c.topology].trustedProxies.join(",");
  return (c.spoof !== "none" ? 1 : 0) + (c.realIp ? 1 : 0) + (TRUSTED_PROXY_SETTINGS[c.trusted].join(",") !== intended ? 1 : 0);
}

function counterexample(ctx: TopologyContext, property: string, v: ReturnType<TopologyProperty["evaluate"]>[number]["violations"][number]): Counterexample {
  const connection = localityCellKey(v.locality);
  return {
    ...(v.cell ? { cell: v.cell, key: cellKey(v.cell), verdict: ctx.verdict(v.cell) } : {}),
    topology: v.locality.topology,
    connection,
    request: requestOf(v.locality) as unknown as Record<string, unknown>,
    observed: `${v.observation.isLocalClient ? "local" : "remote"}${v.observation.ingressKind ? ` (${v.observation.ingressKind})` : ""} [${v.observation.trail.join(" > ")}]`,
    message: v.message,
    witnesses: [],
    replay: replayConnection(ctx.impl.ref, property, connection, v.cell ? cellKey(v.cell) : undefined),
  };
}
