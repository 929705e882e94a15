import { CannotCheckError } from "../domain/errors.ts";
import { shapeOf, type Adapter } from "./adapter.ts";
import type { Release } from "./release.ts";
import { showSignature, type Signature } from "./signature.ts";

/**
 * The adapter for a function, chosen by the sliced export's own signature: the first candidate
 * whose export the release has and whose shape (and that of every export it also calls) it
 * matches. Undefined when the release has none of the candidates' exports; an export in a shape
 * no adapter knows is "cannot check", never a guess.
 */
export function chooseAdapter<A extends Adapter>(candidates: readonly A[], release: Release): A | undefined {
  const present = candidates.find((a) => release.present(a.real));
  if (!present) return undefined;
  const sameExport = candidates.filter((a) => a.real === present.real);
  const fits = sameExport.filter((a) => {
    const sig = shapeOf(a, release);
    return sig !== undefined && a.matches(sig);
  });
  if (!fits.length) {
    throw new CannotCheckError(`unsupported shape: ${present.real} reads ${show(shapeOf(present, release))} in ${release.ref}`);
  }
  let unmet: string | undefined;
  for (const adapter of fits) {
    unmet = unmetNeeds(adapter, release);
    if (!unmet) return adapter;
  }
  throw new CannotCheckError(`unsupported shape: ${present.real} in ${release.ref} needs ${unmet}`);
}

function unmetNeeds(adapter: Adapter, release: Release): string | undefined {
  for (const [name, matches] of Object.entries(adapter.needs ?? {})) {
    if (!release.present(name)) return `${name}, which is not in this release`;
    const sig = release.signature(name);
    if (!sig || !matches(sig)) return `${name}, which reads ${show(sig)}`;
  }
  return undefined;
}

const show = (sig: Signature | undefined) => (sig ? showSignature(sig) : "(no declaration found)");
