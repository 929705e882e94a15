/**
 * OpenClaw publishes calendar versions `YYYY.M.D`, sometimes with `-N` republish or
 * `-beta.N` prerelease suffixes. Comparison follows semver: a suffixed version sorts before
 * its plain one.
 */
export interface VersionRange {
  /** first version the thing applies to (inclusive). */
  since?: string;
  /** first version it no longer applies to (exclusive). */
  until?: string;
}

interface Parsed {
  parts: number[];
  pre: string[];
}

function parse(version: string): Parsed {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(version.trim());
  if (!match) throw new Error(`not a version: "${version}"`);
  return { parts: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ? match[4].split(".") : [] };
}

export function isVersion(text: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(text.trim());
}

export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = pa.parts[i]! - pb.parts[i]!;
    if (d !== 0) return Math.sign(d);
  }
  if (pa.pre.length === 0 || pb.pre.length === 0) return pa.pre.length === 0 ? (pb.pre.length === 0 ? 0 : 1) : -1;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return Math.sign(nx - ny);
    if (Number.isNaN(nx) !== Number.isNaN(ny)) return Number.isNaN(nx) ? 1 : -1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A `-beta.N`/`-alpha`/`-rc` build; numeric `-N` suffixes are republished releases, not prereleases. */
export function isPrerelease(version: string): boolean {
  return /-(alpha|beta|rc)/i.test(version);
}

export function inVersionRange(version: string, range: VersionRange): boolean {
  if (range.since && compareVersions(version, range.since) < 0) return false;
  if (range.until && compareVersions(version, range.until) >= 0) return false;
  return true;
}
