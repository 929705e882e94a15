import type { Implementation } from "../impl/implementation.ts";
import { resolveImplementation } from "../impl/resolve-ref.ts";
import { newestRelease } from "../model/releases.ts";

/** What `clawproof check` with no implementation checks: the newest release's model. */
export async function defaultImplementations(): Promise<Implementation[]> {
  return [await resolveImplementation(`model:${newestRelease()}`)];
}
