import { CannotCheckError } from "../domain/errors.ts";
import type { Implementation } from "../impl/implementation.ts";

export interface LiveLoadOptions {
  onProgress?: (message: string) => void;
}

/** `live:<version>`: a real gateway of that release answering real handshakes (being built). */
export async function loadLiveImplementation(spec: string, _options: LiveLoadOptions = {}): Promise<Implementation> {
  throw new CannotCheckError(`live:${spec} is not available yet`);
}
