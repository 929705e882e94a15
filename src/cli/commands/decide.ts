import type { Command } from "commander";
import { cellKey, matchesPattern, type CellPattern } from "../../domain/cell-key.ts";
import type { Cell } from "../../domain/cell.ts";
import { cellsAt } from "../../domain/enumerate.ts";
import { EXIT } from "../../domain/errors.ts";
import { showVerdict } from "../../domain/verdict.ts";
import type { Implementation } from "../../impl/implementation.ts";
import { resolveImplementation } from "../../impl/resolve-ref.ts";
import { loadLiveImplementation } from "../../live/index.ts";
import { cellFilter, noCellAt } from "../filters.ts";
import { emit, oneOf } from "../output.ts";
import { progressReporter } from "../progress.ts";

const FORMATS = ["text", "jsonl"] as const;

interface DecideFlags {
  cell?: string;
  format: string;
  out?: string;
  localOnly?: boolean;
}

/**
 * `decide <impl>`: the verdict of every matching cell, as the implementation answers it. For a
 * live gateway only the selected cells are observed (one real handshake for a full key), or
 * read from the live cache. A cell the implementation cannot realise is printed with its reason;
 * when no selected cell could be decided the run could not check anything (exit 2).
 */
export function registerDecide(program: Command, setExit: (code: number) => void): void {
  program
    .command("decide")
    .description("the verdict of each matching cell (every cell with no --cell), for any implementation")
    .argument("<impl>", "model:<version|candidate>, openclaw@<version>, path:<dir>, live:<version>")
    .option("--cell <key>", "only cells matching this key (a full key selects one cell)")
    .option("--format <format>", `output format: ${FORMATS.join("|")}`, "text")
    .option("--local-only", "live: run no remote cells (no network namespace needed)")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (ref: string, flags: DecideFlags) => {
      const format = oneOf("format", flags.format, FORMATS);
      const pattern: CellPattern = flags.cell !== undefined ? cellFilter(flags.cell) : {};
      const onProgress = progressReporter();
      const impl = ref.startsWith("live:")
        ? await loadLiveImplementation(ref.slice("live:".length), { cells: pattern, compare: false, ...(flags.localOnly ? { localOnly: true } : {}), ...(onProgress ? { onProgress } : {}) })
        : await resolveImplementation(ref, onProgress ? { onProgress } : {});
      const atVersion = cellsAt(impl.version);
      const cells = atVersion.filter((c) => matchesPattern(c, pattern));
      if (!cells.length) throw noCellAt(flags.cell ?? "", pattern, atVersion, impl.ref);
      const lines = cells.map((cell) => decided(impl, cell, format));
      emit(lines.map((l) => l.text).join("\n") + "\n", flags.out);
      setExit(lines.some((l) => l.decided) ? EXIT.holds : EXIT.cannotCheck);
      if (!lines.some((l) => l.decided)) process.stderr.write(`clawproof: ${impl.ref} could not decide any selected cell\n`);
    });
}

function decided(impl: Implementation, cell: Cell, format: (typeof FORMATS)[number]): { text: string; decided: boolean } {
  const key = cellKey(cell);
  const reason = impl.unrealised?.(cell);
  if (reason !== undefined) {
    return { decided: false, text: format === "jsonl" ? JSON.stringify({ cell: key, unrealised: reason }) : `? ${key}  not realised: ${reason}` };
  }
  const v = impl.decide(cell);
  if (format === "jsonl") return { decided: true, text: JSON.stringify({ cell: key, outcome: v.outcome, reason: v.reason, scopes: v.scopes, pairing: v.pairing, rules: v.rules }) };
  return { decided: true, text: `${key}  ${showVerdict(v)}` };
}
