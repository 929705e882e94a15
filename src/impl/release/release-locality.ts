import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { localityCellKey, localityCells } from "../../locality/locality-domain.ts";
import { realLocality } from "../../locality/real/observe.ts";
import { cacheRoot } from "../../release/cache.ts";
import type { LocalityObserver, Observation } from "../../topology/observer.ts";
import type { Agreement } from "./agreement.ts";

interface Stored {
  observations: Record<string, { isLocalClient: boolean; ingressKind?: string }>;
  agreement: Agreement[];
}

export interface ReleaseLocality {
  observe: LocalityObserver;
  agreement: Agreement[];
}

/**
 * The release's own locality functions, tabulated over every concrete connection once and kept
 * on disk: the table only changes with the release (its integrity) or with the locality domain
 * and adapters (the fingerprint of their sources), so a warm check reads one file.
 */
export async function releaseLocality(version: string, integrity: string): Promise<ReleaseLocality> {
  const file = join(cacheRoot(), "locality", `${createHash("sha256").update(integrity).digest("hex").slice(0, 24)}-${sourceFingerprint()}.json`);
  let stored: Stored;
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
  else {
    const real = await realLocality(version);
    const observations: Stored["observations"] = {};
    for (const cell of localityCells()) observations[localityCellKey(cell)] = real.observe(cell);
    stored = { observations, agreement: real.agreement };
    await real.close();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored));
  }
  const decider = stored.agreement.some((a) => a.function === "ingressAttribution" && a.status !== "not-in-release") ? "ingress attribution" : "isLocalDirectRequest";
  return {
    agreement: stored.agreement,
    observe: (cell): Observation => {
      const seen = stored.observations[localityCellKey(cell)]!;
      return { ...seen, trail: [`openclaw:${decider}=${seen.ingressKind ?? seen.isLocalClient}`] };
    },
  };
}

let fingerprint: string | undefined;
/** Digest of the locality domain, topologies and real adapters: editing them invalidates stored tables. */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  const locality = fileURLToPath(new URL("../../locality/", import.meta.url));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith(".ts")) hash.update(name.name).update(readFileSync(path));
    }
  };
  walk(locality);
  return (fingerprint = hash.digest("hex").slice(0, 16));
}
