import type { Command } from "commander";
import { eraOf } from "../../model/eras/index.ts";
import { publishedReleases } from "../../model/releases.ts";
import { releaseMetaState } from "../../release/cache.ts";
import { DEFAULT_STUBS } from "../../release/load.ts";
import { readCachedSlice } from "../../release/slice-cache.ts";
import { refreshReleaseList } from "../../release/release-list.ts";
import { REAL_FUNCTIONS } from "../../impl/release/adapters/index.ts";
import { isPrerelease } from "../../domain/versions.ts";

/** `releases`: every published version, its era, what slices out of it, and what is cached. */
export function registerReleases(program: Command): void {
  program
    .command("releases")
    .description("each published release with its era, the functions that slice, and cache state")
    .option("--refresh", "re-read the list of published versions from the npm registry first")
    .option("--include-prereleases", "list betas too")
    .action(async (flags: { refresh?: boolean; includePrereleases?: boolean }) => {
      if (flags.refresh) {
        const list = await refreshReleaseList();
        console.log(`refreshed data/releases.json: ${list.releases.length} releases`);
      }
      for (const { version } of publishedReleases()) {
        if (!flags.includePrereleases && isPrerelease(version)) continue;
        const found = await releaseMetaState(version);
        const meta = found.state === "ok" ? found.meta : undefined;
        // a damaged folder is said so here; it is fetched again (or refused offline) when used
        let state = found.state === "damaged" ? `cached but damaged (${found.why})` : "not cached";
        if (meta) {
          const sliced: string[] = [];
          const missing: string[] = [];
          for (const fn of REAL_FUNCTIONS) {
            const slice = await readCachedSlice(meta.integrity, fn, [...DEFAULT_STUBS]);
            if (slice?.manifest.missing.includes(fn)) missing.push(fn);
            else if (slice) sliced.push(fn);
          }
          state = `cached; slices: ${sliced.join(", ") || "none yet"}${missing.length ? `; not in release: ${missing.join(", ")}` : ""}`;
        }
        console.log(`${version.padEnd(18)} ${eraOf(version).id}  ${state}`);
      }
    });
}
