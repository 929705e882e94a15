import { Command, CommanderError } from "commander";
import { EXIT } from "../domain/errors.ts";
import { registerCatalogue } from "./commands/catalogue.ts";
import { registerCheck } from "./commands/check.ts";
import { registerDiff } from "./commands/diff.ts";
import { registerTable } from "./commands/table.ts";
import { registerCall } from "./commands/call.ts";
import { registerGate } from "./commands/gate.ts";
import { registerRules } from "./commands/rules.ts";
import { registerBisect } from "./commands/bisect.ts";
import { registerReleases } from "./commands/releases.ts";
import { registerDecide } from "./commands/decide.ts";
import { endProgress } from "./progress.ts";
import { reportFailure } from "./output.ts";
import { VERSION } from "./version.ts";

/** Runs the CLI and returns the exit code: 0 holds, 1 violated or mismatch, 2 could not check. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.holds;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command("clawproof")
    .description("property-based verification of OpenClaw's gateway connect policy")
    .version(VERSION, "-V, --version", "print clawproof's version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCheck(program, setExit);
  registerDiff(program, setExit);
  registerGate(program, setExit);
  registerTable(program);
  registerCatalogue(program);
  registerRules(program);
  registerCall(program, setExit);
  registerBisect(program, setExit);
  registerReleases(program);
  registerDecide(program, setExit);
  try {
    await program.parseAsync(argv as string[]);
    endProgress();
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are successful exits; every other usage error could not check anything
      return error.exitCode === 0 ? EXIT.holds : EXIT.cannotCheck;
    }
    endProgress();
    return reportFailure(error);
  }
}
