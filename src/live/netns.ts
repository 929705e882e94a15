/**
 * A real non-loopback peer: a network namespace with a veth pair that clawproof creates and
 * deletes itself. The gateway binds the host end; clients inside the namespace connect from the
 * other end, so the gateway sees a genuine remote socket. No other address is ever used.
 */
import { registerCleanup, system } from "./processes.ts";

export interface Netns {
  name: string;
  /** host end of the veth pair: the gateway binds it. */
  hostAddress: string;
  /** namespace end: the remote client's source address. */
  peerAddress: string;
  remove(): void;
}

let counter = 0;

/** Why a remote peer cannot be made here, or undefined when it can (root and `ip` are needed). */
export function netnsUnavailable(): string | undefined {
  if (process.platform !== "linux") return "remote cells need a Linux network namespace";
  if (process.getuid?.() !== 0) return "remote cells need root to create a network namespace (run as root, or pass --local-only)";
  try {
    system("ip", ["-V"]);
  } catch {
    return "remote cells need the `ip` command (iproute2) to create a network namespace (or pass --local-only)";
  }
  return undefined;
}

/** A /30 in 10.77.0.0/16 that overlaps no address this machine already has. */
function freeSubnet(): number {
  const taken = system("ip", ["-o", "-4", "addr", "show"]);
  const used = new Set([...taken.matchAll(/inet 10\.77\.(\d+)\.(\d+)/g)].map((m) => Number(m[1]) * 64 + Math.floor(Number(m[2]) / 4)));
  if (/inet 10\.(?:0|77)\.\d+\.\d+\/(?:[0-9]|1[0-5])\b/.test(taken)) throw new Error("10.77.0.0/16 overlaps a route of this machine");
  for (let i = 0; i < 16384; i++) {
    const slot = ((process.pid * 7 + counter * 13 + i) % 16383) + 1;
    if (!used.has(slot)) return slot;
  }
  throw new Error("no free /30 in 10.77.0.0/16");
}

export function createNetns(): Netns {
  const n = counter++;
  const tag = `${process.pid % 100000}${String.fromCharCode(97 + (n % 26))}`;
  const name = `clawproof-${tag}`;
  const host = `cph${tag}`;
  const peer = `cpn${tag}`;
  const slot = freeSubnet();
  const base = `10.77.${Math.floor(slot / 64)}.`;
  const hostAddress = `${base}${(slot % 64) * 4 + 1}`;
  const peerAddress = `${base}${(slot % 64) * 4 + 2}`;
  const removeSync = () => {
    try { system("ip", ["netns", "del", name]); } catch { /* already gone */ }
    try { system("ip", ["link", "del", host]); } catch { /* went with the netns */ }
  };
  const unregister = registerCleanup(`netns:${name}`, async () => removeSync(), removeSync);
  try {
    system("ip", ["netns", "add", name]);
    system("ip", ["link", "add", host, "type", "veth", "peer", "name", peer]);
    system("ip", ["link", "set", peer, "netns", name]);
    system("ip", ["addr", "add", `${hostAddress}/30`, "dev", host]);
    system("ip", ["link", "set", host, "up"]);
    system("ip", ["netns", "exec", name, "ip", "addr", "add", `${peerAddress}/30`, "dev", peer]);
    system("ip", ["netns", "exec", name, "ip", "link", "set", peer, "up"]);
    system("ip", ["netns", "exec", name, "ip", "link", "set", "lo", "up"]);
  } catch (error) {
    removeSync();
    unregister();
    throw error;
  }
  return { name, hostAddress, peerAddress, remove: () => { removeSync(); unregister(); } };
}
