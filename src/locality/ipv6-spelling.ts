/**
 * Writes eight hextets as one of the many texts that denote them: per-group zero padding, letter
 * case, `::` over any run of zero groups (not only the longest, which parsers must also accept),
 * and optionally the last 32 bits as a dotted IPv4 tail. Loopback checks that compare strings
 * break on exactly these variations.
 */
export interface Ipv6Spelling {
  /** extra leading zeros per group (clipped so a group never exceeds four digits). */
  pads: readonly number[];
  upper: boolean;
  compress: boolean;
  /** picks a zero run and a sub-run of it; any natural number is fine, it is reduced modulo. */
  compressAt: number;
  compressLength: number;
  dottedTail: boolean;
}

export function spellIpv6(hextets: readonly number[], how: Ipv6Spelling): string {
  if (hextets.length !== 8) throw new Error(`spellIpv6: need 8 hextets, got ${hextets.length}`);
  const hexCount = how.dottedTail ? 6 : 8;
  const groups = hextets.slice(0, hexCount).map((value, i) => {
    const digits = value.toString(16);
    const padded = digits.padStart(Math.min(4, digits.length + (how.pads[i] ?? 0)), "0");
    return how.upper ? padded.toUpperCase() : padded;
  });
  const tail = how.dottedTail ? [dotted(hextets[6]!, hextets[7]!)] : [];
  const run = how.compress ? pickZeroRun(hextets.slice(0, hexCount), how.compressAt, how.compressLength) : undefined;
  if (!run) return [...groups, ...tail].join(":");
  const before = groups.slice(0, run.start).join(":");
  const after = [...groups.slice(run.start + run.length), ...tail].join(":");
  return `${before}::${after}`;
}

function dotted(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function pickZeroRun(groups: readonly number[], at: number, length: number): { start: number; length: number } | undefined {
  const runs: { start: number; length: number }[] = [];
  groups.forEach((value, i) => {
    if (value !== 0) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === i) last.length++;
    else runs.push({ start: i, length: 1 });
  });
  if (runs.length === 0) return undefined;
  const run = runs[at % runs.length]!;
  const take = 1 + (length % run.length);
  const offset = at % (run.length - take + 1);
  return { start: run.start + offset, length: take };
}
