/**
 * The integrity record of an extracted release: a sha256 per kept file, taken at extraction
 * from the tarball pacote checked against the registry's SRI. A folder is used only when every
 * listed file is there with its hash and nothing else was added: a deleted chunk would
 * otherwise read as "not in this release" and a replaced one as the release's own code.
 */
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { releaseDir, scratchRoot, sha256, type ReleaseMeta } from "./cache.ts";

/** sha256 of every file under `root` except meta.json, by `/`-separated relative path, sorted. */
export async function hashTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else {
        const rel = relative(root, path).split(sep).join("/");
        if (rel !== "meta.json") out[rel] = sha256(await readFile(path));
      }
    }
  };
  await walk(root);
  return out;
}

/** What differs between a release folder and its hash list, as a short phrase; undefined when they match. */
export async function releaseDamage(meta: ReleaseMeta): Promise<string | undefined> {
  if (!meta.hashes) return "its meta.json has no hash list (written by an older clawproof), so its files cannot be checked";
  let actual: Record<string, string>;
  try {
    actual = await hashTree(releaseDir(meta.version));
  } catch (err) {
    return `its files cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  const missing = Object.keys(meta.hashes).filter((f) => !(f in actual));
  const changed = Object.keys(meta.hashes).filter((f) => f in actual && actual[f] !== meta.hashes![f]);
  const added = Object.keys(actual).filter((f) => !(f in meta.hashes!));
  if (!missing.length && !changed.length && !added.length) return undefined;
  const part = (n: number, what: string, files: string[]) => (n ? [`${n} ${what} (e.g. ${files[0]})`] : []);
  return [...part(missing.length, "missing", missing), ...part(changed.length, "changed", changed), ...part(added.length, "unlisted", added)].join(", ") +
    ` against the hash list in meta.json`;
}

const verified = new Map<string, Promise<string | undefined>>();

/** releaseDamage, once per process and meta digest: a check reads the folder many times. */
export function releaseDamageOnce(meta: ReleaseMeta): Promise<string | undefined> {
  const key = `${meta.version}\u0000${meta.digest ?? ""}`;
  let found = verified.get(key);
  if (!found) verified.set(key, (found = releaseDamage(meta)));
  return found;
}

export function forgetVerified(version: string): void {
  for (const key of verified.keys()) if (key.startsWith(`${version}\u0000`)) verified.delete(key);
}

/** Scratch folders are named `pacote-<pid>-…`; a process that is gone left its folder behind. */
export const scratchPrefix = (): string => `pacote-${process.pid}-`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Leftovers older than this with no owner we can identify (older naming) are removed too. */
const STALE_MS = 60 * 60 * 1000;

/** Removes what killed runs left: scratch folders of downloads (a ~95 MB tarball each), replaced release folders, temp files. */
export async function cleanLeftovers(): Promise<void> {
  const root = scratchRoot();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const owner = /^pacote-(\d+)-/.exec(name);
    const stale = owner ? !alive(Number(owner[1])) : await olderThan(join(root, name), STALE_MS);
    if (stale) await rm(join(root, name), { recursive: true, force: true });
  }
  const releases = join(root, "..", "releases");
  for (const name of await readdir(releases).catch(() => [] as string[])) {
    const owner = /\.replaced-(\d+)-/.exec(name);
    if (owner && !alive(Number(owner[1]))) await rm(join(releases, name), { recursive: true, force: true });
  }
  // half-written files of writeFileAtomic (`<name>.<pid>.<random>.tmp`), one folder level down
  for (const area of ["slices", "derived"]) {
    const top = join(root, "..", area);
    for (const dir of await readdir(top).catch(() => [] as string[])) {
      for (const name of await readdir(join(top, dir)).catch(() => [] as string[])) {
        const owner = /\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name);
        if (owner && !alive(Number(owner[1]))) await rm(join(top, dir, name), { force: true });
      }
    }
  }
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  const s = await stat(path).catch(() => undefined);
  return !!s && Date.now() - s.mtimeMs > ms;
}
