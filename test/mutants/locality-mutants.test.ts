import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { releaseModel } from "../../src/impl/model-impl.ts";
import { LOCALITY_ORIGINS, requestOf, type LocalityCell } from "../../src/locality/locality-domain.ts";
import { modelLocalityObserver, type LocalityObserver } from "../../src/topology/observer.ts";
import { checkImpl } from "../helpers/check.ts";

const VERSION = "2026.9.6";
const loopback = (address: string | undefined) => {
  try {
    return !!address && ipaddr.process(address.trim()).range() === "loopback";
  } catch {
    return false;
  }
};
const honest = modelLocalityObserver(VERSION);
const local = (cell: LocalityCell, isLocalClient: boolean) => ({ ...honest(cell), isLocalClient });

/** Locality faults of the kind upstream has shipped or been asked to ship, each killed by a ground-truth property. */
const MUTANTS: { name: string; killedBy: string; observe: LocalityObserver }[] = [
  { name: "a loopback socket is local, forwarding headers or not", killedBy: "proxied-never-local",
    observe: (c) => local(c, loopback(requestOf(c).socketAddress)) },
  { name: "believe the left-most X-Forwarded-For hop", killedBy: "spoofed-headers-never-raise-locality",
    observe: (c) => {
      const first = requestOf(c).headers["x-forwarded-for"]?.split(",")[0];
      return first !== undefined && first.trim() !== "" ? local(c, loopback(first)) : honest(c);
    } },
  { name: "class the tailnet range as local", killedBy: "remote-direct-never-local",
    observe: (c) => (LOCALITY_ORIGINS[c.origin].addressClass === "cgnat-tailnet" && c.topology === "direct" ? local(c, true) : honest(c)) },
  { name: "let the Host header decide", killedBy: "remote-direct-never-local",
    observe: (c) => (c.host === "loopback" || c.host === "localhost" ? local(c, true) : honest(c)) },
];

describe("property strength: locality mutants are killed by the ground-truth properties", () => {
  for (const mutant of MUTANTS) {
    it(`${mutant.name} — killed by ${mutant.killedBy}`, () => {
      const mutated = checkImpl({ ...releaseModel(VERSION), observeLocality: mutant.observe }, [mutant.killedBy]);
      expect(mutated.properties[0]!.status).toBe("violated");
      const unmutated = checkImpl(releaseModel(VERSION), [mutant.killedBy]);
      expect(unmutated.properties[0]!.status).toBe("holds");
    });
  }
});
