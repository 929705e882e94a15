import type { CallResult } from "../release/runner.ts";
import type { Signature } from "./signature.ts";

/** What decided an answer: code sliced from a bundle or a built checkout, or a checkout's transpiled sources. */
export type RealDecider = "sliced" | "source";

/**
 * One release (an npm tarball, a built checkout, a source checkout), loaded once and handed to
 * every layer. A layer never loads code itself: it asks the handle what is present, reads the
 * signature of what it would call, and calls it.
 */
export interface Release {
  /** how reports and replay commands name it: `openclaw@2026.9.6`, `path:../openclaw`. */
  ref: string;
  /** the calendar version whose era applies. */
  version: string;
  /** keys derived tables: the tarball integrity or a fingerprint of the checkout. */
  integrity: string;
  decider: RealDecider;
  /**
   * false when the handle holds separate functions (fromFunctions), not the code of the handlers
   * inline glue is cut from; absent: it does (bundles, checkouts).
   */
  holdsHandlers?: boolean;
  /** every export it was asked for that sliced and runs. */
  sliced: readonly string[];
  /**
   * true: sliced and callable; false: the code has no declaration of that name. Anything else
   * (the slicer or the import failed) throws: a layer must never read a broken function as absent.
   */
  present(name: string): boolean;
  /** the emitted module source of a sliced export (its declaration and what it closes over). */
  source(name: string): string;
  /** the export's parameters and the fields it reads; undefined when it has no declaration. */
  signature(name: string): Signature | undefined;
  /** `//#region` path the export was sliced from, when the bundle marks one. */
  region(name: string): string | undefined;
  /** the `node:` and bare imports the slices pulled in. */
  imports: { bare: string[]; node: string[] };
  call(fn: string, argsList: unknown[][]): Promise<CallResult[]>;
  close(): Promise<void>;
}
