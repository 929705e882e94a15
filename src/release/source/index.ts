/**
 * A checkout's TypeScript sources, transpiled file by file with esbuild into a folder the slicer
 * reads exactly like a release's dist: each emitted file is wrapped in `//#region <source path>`
 * (as rolldown marks bundled modules), so root ranking and reports name the source file.
 * Nothing is bundled or type-checked; a contributor needs neither `pnpm install` nor a build.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { transform, version as esbuildVersion } from "esbuild";
import { CannotCheckError } from "../../domain/errors.ts";
import { cacheRoot } from "../cache.ts";
import { listSources, workspacePackages } from "./files.ts";
import { emittedPath, resolveRelative, resolveWorkspace, rewriteSpecifiers, specifierBetween } from "./specifiers.ts";

/** A checkout's TypeScript sources transpiled into a folder the slicer reads like a dist. */
export interface TranspiledCheckout {
  /** folder of transpiled ES modules, laid out like the checkout's sources. */
  distDir: string;
  /** content hash of every file read: keys the slice cache. */
  fingerprint: string;
  /** emitted file (dist-relative) → the checkout-relative source file it came from. */
  sources: Record<string, string>;
  /** how many files were transpiled in this call (0 when the cache already held them). */
  transpiled: number;
}

/** Bumped when the emitted layout changes, so old cache entries are not reused. */
const LAYOUT = "source-checkout-1";
const MARKER = "sources.json";

export async function transpileCheckout(root: string): Promise<TranspiledCheckout> {
  const abs = resolve(root);
  const packages = workspacePackages(abs);
  const files = listSources(abs, packages);
  if (!files.some((f) => f.startsWith("src/"))) throw new CannotCheckError(`${root} has neither dist/ nor TypeScript sources under src/`);

  const texts = new Map<string, string>();
  const hash = createHash("sha256").update(`${LAYOUT}\0esbuild ${esbuildVersion}\0`);
  for (const p of packages) hash.update(`${p.dir}\0${JSON.stringify(p.manifest)}\0`);
  for (const f of files) {
    const text = readFileSync(join(abs, f), "utf8");
    texts.set(f, text);
    hash.update(`${f}\0${text.length}\0`).update(text);
  }
  const digest = hash.digest("hex").slice(0, 32);
  const fingerprint = `source-${digest}`;
  const dir = join(cacheRoot(), "checkouts", digest);
  const distDir = join(dir, "dist");

  const cached = readMarker(dir);
  if (cached) return { distDir, fingerprint, sources: cached, transpiled: 0 };

  const sourceSet = new Set(files);
  const mapSpecifier = (from: string) => (spec: string): string | undefined => {
    const to = spec.startsWith(".") ? resolveRelative(from, spec, sourceSet) : resolveWorkspace(spec, packages, sourceSet);
    return to ? specifierBetween(from, to) : undefined;
  };
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const sources: Record<string, string> = {};
  try {
    await Promise.all(
      files.map(async (f) => {
        const code = await transpile(f, texts.get(f)!);
        const out = emittedPath(f);
        sources[out] = f;
        const body = rewriteSpecifiers(code, mapSpecifier(f));
        await mkdir(dirname(join(tmp, "dist", out)), { recursive: true });
        await writeFile(join(tmp, "dist", out), `//#region ${f}\n${body}${body.endsWith("\n") ? "" : "\n"}//#endregion\n`);
      }),
    );
    await writeFile(join(tmp, MARKER), JSON.stringify(sortKeys(sources), null, 1) + "\n");
    await mkdir(dirname(dir), { recursive: true });
    await rename(tmp, dir).catch(async (error: NodeJS.ErrnoException) => {
      // another process finished the same content first: its folder is as good as ours
      if (!readMarker(dir)) throw error;
      await rm(tmp, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  return { distDir, fingerprint, sources: sortKeys(sources), transpiled: files.length };
}

async function transpile(file: string, text: string): Promise<string> {
  try {
    const result = await transform(text, {
      loader: file.endsWith(".tsx") ? "tsx" : "ts",
      format: "esm",
      target: "node20",
      sourcefile: file,
      // the checkout's own tsconfig is not read: these are the settings the slicer's input needs
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false, experimentalDecorators: true } },
    });
    return result.code;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number } }[] }).errors?.[0];
    throw new CannotCheckError(`cannot transpile ${file}${first ? `:${first.location?.line ?? "?"}: ${first.text}` : ""}`);
  }
}

/** The source map of a complete cache entry (the marker is written last), or undefined. */
function readMarker(dir: string): Record<string, string> | undefined {
  const path = join(dir, MARKER);
  if (!existsSync(path) || !existsSync(join(dir, "dist"))) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

function sortKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

