import { CannotCheckError } from "../../domain/errors.ts";

/** A checkout's TypeScript sources transpiled into a folder the slicer reads like a dist. */
export interface TranspiledCheckout {
  /** folder of transpiled ES modules, laid out like the checkout's sources. */
  distDir: string;
  /** content hash of every file read: keys the slice cache. */
  fingerprint: string;
}

/** Transpiles `root/src` (and workspace packages) on the fly; being built. */
export async function transpileCheckout(root: string): Promise<TranspiledCheckout> {
  throw new CannotCheckError(`path:${root} has no dist/ and reading TypeScript sources is not available yet`);
}
