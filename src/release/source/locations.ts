/**
 * Where a sliced function is written in a checkout, for reports that point at a line (SARIF,
 * GitHub annotations). The slicer knows the source file from its region marker; the line is
 * found in that file by the declaration's head, the same heads the slicer itself recognises.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface SourceLocation {
  /** checkout-relative path, e.g. `src/gateway/server/ws-connection/connect-policy.ts`. */
  file: string;
  /** 1-based line of the declaration. */
  line: number;
}

const escape = (s: string): string => s.replace(/[$]/g, "\\$");

/** The 1-based line declaring `name` in `text`, or undefined. */
export function declarationLine(text: string, name: string): number | undefined {
  const head = new RegExp(
    `^[ \\t]*(?:export\\s+)?(?:default\\s+)?(?:async\\s+)?(?:function\\*?\\s*|class\\s+|(?:const|let|var)\\s+)${escape(name)}(?![\\w$])`,
    "m",
  );
  const m = head.exec(text);
  return m ? text.slice(0, m.index).split("\n").length : undefined;
}

/** The location of `name` in `root/file` when that file exists and declares it. */
export function sourceLocation(root: string, file: string | undefined, name: string): SourceLocation | undefined {
  if (!file || file.includes("..")) return undefined;
  const path = join(root, file);
  if (!existsSync(path)) return undefined;
  const line = declarationLine(readFileSync(path, "utf8"), name);
  return line === undefined ? undefined : { file, line };
}
