import type { Command } from "commander";
import { decisionTable, tableCsv, tableMarkdown } from "../../engine/table.ts";
import { resolveImplementation } from "../../impl/resolve-ref.ts";
import { localityTable } from "../../topology/locality-table.ts";
import { emit, oneOf } from "../output.ts";

const FORMATS = ["markdown", "csv"] as const;
/** connect: the whole connect policy; locality: how concrete connections are classed local or remote. */
const LAYERS = ["connect", "locality"] as const;

export function registerTable(program: Command): void {
  program
    .command("table")
    .description("the implementation's decision table, grouped into the fewest readable rows")
    .argument("<impl>", "implementation")
    .option("--format <format>", `table format: ${FORMATS.join("|")}`, "markdown")
    .option("--layer <layer>", `which decision: ${LAYERS.join("|")}`, "connect")
    .option("--out <file>", "write the table to a file")
    .action(async (ref: string, flags: { format: string; layer: string; out?: string }) => {
      const format = oneOf("format", flags.format, FORMATS);
      const layer = oneOf("layer", flags.layer, LAYERS);
      const impl = await resolveImplementation(ref);
      const table = layer === "locality" ? localityTable(impl) : decisionTable(impl);
      emit(format === "csv" ? tableCsv(table) : tableMarkdown(table), flags.out);
    });
}
