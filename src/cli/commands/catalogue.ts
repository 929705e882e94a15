import type { Command } from "commander";
import { CANDIDATES } from "../../model/candidates/index.ts";
import { ERAS } from "../../model/eras/index.ts";
import { publishedReleases } from "../../model/releases.ts";
import { inVersionRange } from "../../domain/versions.ts";
import { PROPERTIES } from "../../../properties/index.ts";
import { ACCEPTED_EXCEPTIONS } from "../../../properties/accepted-exceptions.ts";
import { appliesTo } from "../../engine/exceptions.ts";

/** `models` and `properties`: what clawproof knows, for people choosing what to check. */
export function registerCatalogue(program: Command): void {
  program
    .command("models")
    .description("the reference models (eras) with the published releases each covers, and the candidates")
    .action(() => {
      const releases = publishedReleases().map((r) => r.version);
      for (const era of ERAS) {
        const covered = releases.filter((v) => inVersionRange(v, era));
        const span = covered.length ? `${covered[0]} … ${covered[covered.length - 1]} (${covered.length} releases)` : "no releases";
        console.log(`${era.id}  ${span}\n    ${era.title}`);
      }
      for (const c of CANDIDATES) console.log(`model:${c.id}  candidate on model:${c.base}\n    ${c.title} — ${c.source}`);
      console.log(`\nName a model by release: model:<version> (e.g. model:2026.3.13), model:latest, or model:<candidate>.`);
    });
  program
    .command("properties")
    .description("the security properties and their accepted exceptions")
    .action(() => {
      for (const p of PROPERTIES) {
        console.log(`${p.id}${p.since ? ` (from ${p.since})` : ""}${p.kind === "relational" ? " [relational]" : p.kind === "topology" ? " [ground truth, per topology]" : ""}\n    ${p.statement}\n    why: ${p.why}`);
        for (const e of ACCEPTED_EXCEPTIONS.filter((x) => appliesTo(x, p.id))) {
          console.log(`    exception ${e.id} (${e.since ?? "always"}${e.until ? ` until ${e.until}` : ""}): ${e.why}`);
        }
      }
    });
}
