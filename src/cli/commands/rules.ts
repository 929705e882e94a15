import type { Command } from "commander";
import { CannotCheckError } from "../../domain/errors.ts";
import { resolveModel } from "../../impl/resolve-ref.ts";
import { eraOf } from "../../model/eras/index.ts";
import { findCandidate } from "../../model/candidates/index.ts";
import { patchedEra } from "../../model/patch.ts";
import { HANDSHAKE_LISTS } from "../../model/era.ts";
import { modelAt } from "../../model/model-at.ts";
import type { RuleList } from "../../model/rule.ts";

/** The condition as written in the model, without the parameter boilerplate. */
const conditionText = (when: (...args: never[]) => boolean) =>
  when
    .toString()
    .replace(/^\(?\w*\)?\s*=>\s*/, "")
    .replace(/\b[ic]\./g, "")
    .replace(/\s*&&\s*/g, " and ")
    .replace(/\s*\|\|\s*/g, " or ")
    .replace(/\s*!==\s*/g, " ≠ ")
    .replace(/\s*===\s*/g, " = ")
    .replace(/\s+/g, " ");

const outcomeText = (then: unknown) => (typeof then === "function" ? "(computed)" : JSON.stringify(then));

/** `rules model:<version|candidate>`: an era's rule lists in handshake order, as they stand at that release. */
export function registerRules(program: Command): void {
  program
    .command("rules")
    .description("print the model's rule lists at a release (id, condition, outcome, why), in handshake order")
    .argument("<model>", "model:<version> or model:<candidate>")
    .action((ref: string) => {
      if (!ref.startsWith("model:")) throw new CannotCheckError(`rules needs a model (model:<version|candidate>), got "${ref}"`);
      const spec = ref.slice("model:".length);
      const impl = resolveModel(spec);
      const candidate = findCandidate(spec);
      const era = patchedEra(candidate?.patch, eraOf(impl.version));
      const model = modelAt(era, impl.version);
      console.log(`${impl.ref}: ${impl.title}\n`);
      for (const key of HANDSHAKE_LISTS) {
        const list = model[key] as RuleList<unknown, unknown>;
        console.log(`${list.name}`);
        for (const rule of list.rules) {
          const dated = rule.since || rule.until ? ` [${rule.since ?? ""}…${rule.until ?? ""})` : "";
          console.log(`  ${rule.id}${dated}\n    when ${conditionText(rule.when as never)}  →  ${outcomeText(rule.then)}\n    why: ${rule.why}${rule.unreachable ? `\n    unreachable: ${rule.unreachable}` : ""}${rule.unmeasured ? `\n    unmeasured: ${rule.unmeasured}` : ""}`);
        }
        console.log("");
      }
    });
}
