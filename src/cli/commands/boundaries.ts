import type { Command } from "commander";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { showVerdict } from "../../domain/verdict.ts";
import { LIVE_BOUNDARIES } from "../../live/boundaries.ts";
import { boundaryCells } from "../../live/boundary-cells.ts";
import { BOUNDARY_EXIT, measureBoundary, type BoundaryResult } from "../../live/boundary-live.ts";
import { ruleBoundaries, type RuleBoundary } from "../../live/boundary-list.ts";
import { emit } from "../output.ts";
import { progressReporter } from "../progress.ts";

interface BoundariesFlags {
  live?: boolean;
  rule?: string;
  localOnly?: boolean;
}

/**
 * `boundaries`: every dated rule boundary of the model with how it is measured. `--live` runs
 * every registered live boundary (or those of `--rule`) on real gateways of both releases:
 * exit 0 when each agrees with the model, 1 on a mismatch (the cells are printed), 2 when one
 * could not be checked (a release that would not install or start, cells not realised).
 */
export function registerBoundaries(program: Command, setExit: (code: number) => void): void {
  program
    .command("boundaries")
    .description("every dated rule boundary and how it is measured; --live runs the registered live boundaries on both releases")
    .option("--live", "run live: on the releases either side of each registered boundary and compare with the model")
    .option("--rule <id>", "only the boundaries of this rule")
    .option("--local-only", "live: run no remote cells (no network namespace needed)")
    .action(async (flags: BoundariesFlags) => {
      const all = ruleBoundaries();
      const listed = flags.rule ? all.filter((b) => b.rule === flags.rule) : all;
      if (!listed.length) throw new CannotCheckError(`--rule ${flags.rule}: no dated rule of the model has that id`);
      if (!flags.live) {
        emit(listed.map(listLine).join("\n") + `\n${summary(listed)}\n`);
        return;
      }
      const registered = LIVE_BOUNDARIES.filter((b) => !flags.rule || b.rules.includes(flags.rule));
      if (!registered.length) throw new CannotCheckError(`--rule ${flags.rule}: no live boundary is registered for it (${listed.map((b) => b.how).join(", ")})`);
      const onProgress = progressReporter();
      const results: BoundaryResult[] = [];
      for (const b of registered) results.push(await measureBoundary(b, { ...(onProgress ? { onProgress } : {}), ...(flags.localOnly ? { localOnly: true } : {}) }));
      emit(results.map(resultText).join("\n") + "\n");
      const statuses = new Set(results.map((r) => r.status));
      setExit(statuses.has("mismatch") ? EXIT.violated : statuses.has("cannot-check") ? EXIT.cannotCheck : EXIT.holds);
    });
}

function listLine(b: RuleBoundary): string {
  const around = `${b.before ?? "(none)"} → ${b.after ?? "(none)"}`;
  return `${b.at.padEnd(12)} ${b.rule} (${b.side}, ${b.list})  ${around}\n    ${b.how}: ${b.detail}`;
}

function summary(list: readonly RuleBoundary[]): string {
  const count = (how: RuleBoundary["how"]) => list.filter((b) => b.how === how).length;
  return `${list.length} rule boundaries: ${count("sliced")} sliced on both sides, ${count("live")} live, ${count("unmeasured")} read only (unmeasured), ${count("other")} dated otherwise (see each why)`;
}

const MARK = { agrees: "✓", mismatch: "✗", "cannot-check": "?" } as const;

function resultText(r: BoundaryResult): string {
  const b = r.boundary;
  const lines = [`${MARK[r.status]} ${b.id}  ${b.before} → ${b.after}  [${b.rules.join(", ")}]  --cell ${b.cells}`,
    `    ${b.what}`,
    `    ${r.status}${r.why ? `: ${r.why}` : ""} (${r.telling} of ${boundaryCells(b).cells.length} cells tell the sides apart, ${r.realisable} of them realisable; exit ${BOUNDARY_EXIT[r.status]})`,
    ...r.unchecked.map((u) => `    ? unchecked: ${u.cells} telling cells not realisable live: ${u.reason}`)];
  for (const s of r.sides) {
    lines.push(`    live:${s.version}  ${s.seconds.toFixed(1)} s  ${s.error ? `could not run: ${s.error}` : `${s.realised} realised, ${s.unrealised.length} not realised, ${s.mismatches.length} disagree with model:${s.version}`}`);
    for (const n of s.notes) lines.push(`      note: ${n}`);
    for (const m of s.mismatches) lines.push(`      ✗ ${m.cell}\n          live:  ${showVerdict(m.live)}\n          model: ${showVerdict(m.model)}`);
  }
  return lines.join("\n");
}
