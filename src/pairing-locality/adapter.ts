import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { objectParam, type Adapter } from "../differential/adapter.ts";
import { signatureOf, type Signature } from "../differential/signature.ts";
import { PAIRING_LOCALITY_KINDS, pairingLocalityArgs, type PairingLocalityCell, type PairingLocalityKind } from "./domain.ts";

export const PAIRING_LOCALITY_FN = "resolvePairingLocality";

export type PairingLocalityAdapter = Adapter<PairingLocalityCell, PairingLocalityKind>;

const BASE = ["connectParams", "isLocalClient", "requestHost", "remoteAddress", "hasProxyHeaders", "hasBrowserOriginHeader", "sharedAuthOk", "authMethod"];
const WITH_ORIGIN = [...BASE, "requestOrigin"];

function fromResult(value: unknown): PairingLocalityKind {
  if (typeof value === "string" && (PAIRING_LOCALITY_KINDS as readonly string[]).includes(value)) return value as PairingLocalityKind;
  throw new Error(`${PAIRING_LOCALITY_FN} returned ${JSON.stringify(value)}, expected a pairing locality kind`);
}

type Node = acorn.Node & Record<string, any>;

/**
 * The fields the sliced function reads, as one params object: its own, plus those of every helper
 * it hands its whole params object to (8.1+ pass `params` straight to the container checks, so
 * the root's own reads are only connectParams and isLocalClient).
 */
export function pairingLocalityReads(source: string): Signature | undefined {
  const root = signatureOf(source, PAIRING_LOCALITY_FN);
  if (!root || root.params.length !== 1) return root;
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
  return { params: root.params, reads: [[...reads].sort()] };
}


/**
 * The parameter shapes of `resolvePairingLocality`. Every release takes one params object; the
 * shapes differ in whether the Origin's value is read (4.7+) or only its presence (4.5). Both get
 * the same object: a release ignores fields it does not read.
 */
export const PAIRING_LOCALITY_ADAPTERS: readonly PairingLocalityAdapter[] = [
  {
    real: PAIRING_LOCALITY_FN,
    shape: `params{${WITH_ORIGIN.join(",")}} → kind`,
    releases: { since: "2026.4.7" },
    read: pairingLocalityReads,
    matches: objectParam(WITH_ORIGIN, ["requestOrigin"]),
    toArgs: (cell) => [pairingLocalityArgs(cell)],
    fromResult,
  },
  {
    real: PAIRING_LOCALITY_FN,
    shape: `params{${BASE.join(",")}} → kind (Origin presence only)`,
    releases: { since: "2026.4.5", until: "2026.4.7" },
    read: pairingLocalityReads,
    matches: objectParam(BASE),
    toArgs: (cell) => [pairingLocalityArgs(cell)],
    fromResult,
  },
];
