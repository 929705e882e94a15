import type { Command } from "commander";
import { decisionTable, tableCsv, tableMarkdown } from "../../engine/table.ts";
import { resolveImplementation } from "../../impl/resolve-ref.ts";
import { emit, oneOf } from "../output.ts";

const FORMATS = ["markdown", "csv"] as const;

export function registerTable(program: Command): void {
  program
    .command("table")
    .description("the implementation's decision table, grouped into the fewest readable rows")
    .argument("<impl>", "implementation")
    .option("--format <format>", `table format: ${FORMATS.join("|")}`, "markdown")
    .option("--out <file>", "write the table to a file")
    .action(async (ref: string, flags: { format: string; out?: string }) => {
      const format = oneOf("format", flags.format, FORMATS);
      const impl = await resolveImplementation(ref);
      const rows = decisionTable(impl);
      emit(format === "csv" ? tableCsv(rows) : tableMarkdown(impl.ref, rows), flags.out);
    });
}
