import type { Command } from "commander";
import { EXIT } from "../../domain/errors.ts";
import { DiffReportSchema, diffImplementations } from "../../engine/diff.ts";
import { resolveImplementation } from "../../impl/resolve-ref.ts";
import { diffMarkdown, diffText } from "../../report/diff-report.ts";
import { emit, oneOf } from "../output.ts";

const FORMATS = ["text", "json", "markdown"] as const;

export function registerDiff(program: Command, setExit: (code: number) => void): void {
  program
    .command("diff")
    .description("every cell whose decision differs between two implementations, grouped into readable rules")
    .argument("<base>", "implementation to compare from")
    .argument("<head>", "implementation to compare to")
    .option("--format <format>", `report format: ${FORMATS.join("|")}`, "text")
    .option("--out <file>", "write the report to a file")
    .action(async (baseRef: string, headRef: string, flags: { format: string; out?: string }) => {
      const format = oneOf("format", flags.format, FORMATS);
      const [base, head] = await Promise.all([resolveImplementation(baseRef), resolveImplementation(headRef)]);
      const report = DiffReportSchema.parse(diffImplementations(base, head));
      const render = { text: diffText, markdown: diffMarkdown, json: (r: typeof report) => JSON.stringify(r, null, 2) + "\n" }[format];
      emit(render(report), flags.out);
      // a diff is a report, not a verdict: finding changes is not a failure
      setExit(EXIT.holds);
    });
}
