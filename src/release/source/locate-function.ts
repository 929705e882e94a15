/**
 * The source line of a policy function in a checkout, for SARIF and annotations: the slicer's own
 * choice of declaration (so the line is the code that was checked, not a look-alike), its region
 * marker for the file, and the declaration's head in that file for the line.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Dist } from "../slice/dist.ts";
import { locateRoot } from "../slice/locate.ts";
import { transpileCheckout } from "./index.ts";
import { sourceLocation, type SourceLocation } from "./locations.ts";

export type { SourceLocation } from "./locations.ts";

/** Locates each of `names` in the checkout at `dir` (built or not); names it cannot place are left out. */
export async function locateFunctions(dir: string, names: readonly string[]): Promise<Map<string, SourceLocation>> {
  const root = resolve(dir);
  const built = join(root, "dist");
  const dist = new Dist(existsSync(built) ? built : (await transpileCheckout(root)).distDir);
  const out = new Map<string, SourceLocation>();
  for (const name of names) {
    const choice = locateRoot(dist, name);
    const location = choice && sourceLocation(root, choice.unit.region, name);
    if (location) out.set(name, location);
  }
  return out;
}
