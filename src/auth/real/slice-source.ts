import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CannotCheckError } from "../../domain/errors.ts";
import { DEFAULT_STUBS, type ReleaseSlice } from "../../release/load.ts";
import { readCachedSlice } from "../../release/slice-cache.ts";

/** The emitted source of one sliced root, for reading its parameter shape (cached by loadRelease). */
export async function sliceSource(slice: ReleaseSlice, name: string): Promise<string> {
  const cached = await readCachedSlice(slice.integrity, name, [...DEFAULT_STUBS]);
  return cached?.url ? readFileSync(fileURLToPath(cached.url), "utf8") : "";
}

/** Throws "cannot check" unless the root loaded; false when the release has no such function. */
export function ensureLoaded(slice: ReleaseSlice, name: string): boolean {
  if (slice.missing.includes(name)) return false;
  const failed = slice.failed.find((f) => f.name === name);
  if (failed) throw new CannotCheckError(`${name} of openclaw@${slice.version} cannot run: ${failed.error}`);
  return true;
}
