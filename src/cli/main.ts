import { Command, CommanderError } from "commander";
import { EXIT } from "../domain/errors.ts";
import { endProgress } from "./progress.ts";
import { reportFailure } from "./output.ts";
import { VERSION } from "./version.ts";

type Register = (program: Command, setExit: (code: number) => void) => void;

/**
 * Every command, in the order help lists them, with the module that registers it. A command's
 * module pulls in everything it runs (a release's slicer, the live runner, the gate), so each is
 * imported only when it is the one invoked: a warm `check` does not pay for `decide`'s live
 * gateways or `releases`' registry client. Help, `--version` and anything that names no known
 * command load them all, so what commander prints is the same either way.
 */
const COMMANDS: readonly (readonly [names: readonly string[], load: () => Promise<Register>])[] = [
  [["check"], async () => (await import("./commands/check.ts")).registerCheck],
  [["diff"], async () => (await import("./commands/diff.ts")).registerDiff],
  [["gate"], async () => (await import("./commands/gate.ts")).registerGate],
  [["table"], async () => (await import("./commands/table.ts")).registerTable],
  [["models", "properties"], async () => (await import("./commands/catalogue.ts")).registerCatalogue],
  [["rules"], async () => (await import("./commands/rules.ts")).registerRules],
  [["call"], async () => (await import("./commands/call.ts")).registerCall],
  [["bisect"], async () => (await import("./commands/bisect.ts")).registerBisect],
  [["releases"], async () => (await import("./commands/releases.ts")).registerReleases],
  [["decide"], async () => (await import("./commands/decide.ts")).registerDecide],
  [["boundaries"], async () => (await import("./commands/boundaries.ts")).registerBoundaries],
];

/** The registrations `argv` needs: only the invoked command's, or all of them (help, version, a typo). */
async function registrations(argv: readonly string[]): Promise<Register[]> {
  const invoked = COMMANDS.find(([names]) => names.includes(argv[2] ?? ""));
  return Promise.all((invoked ? [invoked] : COMMANDS).map(([, load]) => load()));
}

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
  for (const register of await registrations(argv)) register(program, setExit);
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
