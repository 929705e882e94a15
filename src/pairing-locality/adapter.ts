import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { CannotCheckError } from "../domain/errors.ts";
import { signatureOf } from "../impl/release/signature.ts";
import { PAIRING_LOCALITY_KINDS, pairingLocalityArgs, type PairingLocalityCell, type PairingLocalityKind } from "./domain.ts";

export const PAIRING_LOCALITY_FN = "resolvePairingLocality";

/**
 * How one parameter shape of `resolvePairingLocality` is fed a cell. Every release takes one
 * params object; the shapes differ in whether the Origin's value is read (4.7+) or only its
 * presence (4.5). Both get the same object: a release ignores fields it does not read.
 */
export interface PairingLocalityAdapter {
  shape: string;
  matches(reads: readonly string[]): boolean;
  toArgs(cell: PairingLocalityCell): unknown[];
  fromResult(value: unknown): PairingLocalityKind;
}

const BASE = ["connectParams", "isLocalClient", "requestHost", "remoteAddress", "hasProxyHeaders", "hasBrowserOriginHeader", "sharedAuthOk", "authMethod"];
const WITH_ORIGIN = [...BASE, "requestOrigin"];

function fromResult(value: unknown): PairingLocalityKind {
  if (typeof value === "string" && (PAIRING_LOCALITY_KINDS as readonly string[]).includes(value)) return value as PairingLocalityKind;
  throw new Error(`${PAIRING_LOCALITY_FN} returned ${JSON.stringify(value)}, expected a pairing locality kind`);
}

export const PAIRING_LOCALITY_ADAPTERS: readonly PairingLocalityAdapter[] = [
  {
    shape: `params{${WITH_ORIGIN.join(",")}} → kind`,
    matches: (reads) => reads.includes("requestOrigin") && reads.every((f) => WITH_ORIGIN.includes(f)),
    toArgs: (cell) => [pairingLocalityArgs(cell)],
    fromResult,
  },
  {
    shape: `params{${BASE.join(",")}} → kind (Origin presence only)`,
    matches: (reads) => reads.every((f) => BASE.includes(f)),
    toArgs: (cell) => [pairingLocalityArgs(cell)],
    fromResult,
  },
];

type Node = acorn.Node & Record<string, any>;

/**
 * The fields the sliced function reads: its own, plus those of every helper it hands its whole
 * params object to (8.1+ pass `params` straight to the container checks, so the root's own
 * reads are only connectParams and isLocalClient).
 */
export function pairingLocalityReads(source: string): string[] | undefined {
  const root = signatureOf(source, PAIRING_LOCALITY_FN);
  if (!root) return undefined;
  if (root.params.length !== 1) return [`${root.params.length} positional parameters`];
  const reads = new Set(root.reads[0]);
  const param = root.params[0]!;
  const program = acorn.parse(source, { ecmaVersion: "latest", sourceType: "module" }) as Node;
  walk.simple(program, {
    FunctionDeclaration(fn: Node) {
      if (fn.id?.name !== PAIRING_LOCALITY_FN) return;
      walk.simple(fn.body, {
        CallExpression(call: Node) {
          const handsParams = call.arguments.some((a: Node) => a.type === "Identifier" && a.name === param);
          if (handsParams && call.callee.type === "Identifier") {
            for (const f of signatureOf(source, call.callee.name)?.reads[0] ?? []) reads.add(f);
          }
        },
      });
    },
  });
  return [...reads].sort();
}

/** The adapter for a slice's shape; an unknown shape is "cannot check", never a guess. */
export function pairingLocalityAdapterFor(source: string, where: string): PairingLocalityAdapter {
  const reads = pairingLocalityReads(source);
  const adapter = reads && PAIRING_LOCALITY_ADAPTERS.find((a) => a.matches(reads));
  if (!adapter) {
    throw new CannotCheckError(`unsupported shape: ${PAIRING_LOCALITY_FN} reads ${reads ? reads.join(",") : "(no declaration found)"} in ${where}`);
  }
  return adapter;
}
