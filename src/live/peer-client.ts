/** The host side of the remote peer: starts it inside the netns and sends it handshakes. */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { HandshakeRequest, Observation } from "./handshake.ts";
import type { Netns } from "./netns.ts";
import { stopProcess, track } from "./processes.ts";

export interface Peer {
  handshake(request: HandshakeRequest): Promise<Observation>;
  stop(): Promise<void>;
}

export async function startPeer(netns: Netns): Promise<Peer> {
  const entry = fileURLToPath(new URL("./peer-main.mjs", import.meta.url));
  const child = spawn("ip", ["netns", "exec", netns.name, process.execPath, entry], { stdio: ["pipe", "pipe", "pipe"], detached: true, cwd: fileURLToPath(new URL("../..", import.meta.url)) });
  const untrack = track(child);
  const waiting = new Map<number, (o: Observation) => void>();
  let next = 0;
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the netns peer exited (${code}): ${stderr.trim()}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const msg = JSON.parse(line) as { ready?: boolean; id?: number; observation?: Observation };
      if (msg.ready) return resolve();
      const done = waiting.get(msg.id!);
      waiting.delete(msg.id!);
      done?.(msg.observation!);
    });
  });
  await ready;
  // once the peer is gone (stopped on Ctrl-C while handshakes are in flight), a write to it must not
  // throw EPIPE out of the run: every handshake still waiting, or sent later, reads as a socket error
  let gone = false;
  const lost = (): Observation => ({ kind: "socket-error", detail: `the netns peer has stopped: ${stderr.trim()}` });
  child.stdin!.on("error", () => undefined);
  child.once("exit", () => {
    gone = true;
    for (const done of waiting.values()) done(lost());
    waiting.clear();
  });
  return {
    handshake: (request) =>
      new Promise((resolve) => {
        if (gone) return resolve(lost());
        const id = next++;
        waiting.set(id, resolve);
        child.stdin!.write(JSON.stringify({ id, request }) + "\n");
      }),
    stop: async () => {
      child.stdin!.end();
      await stopProcess(child, 3000);
      untrack();
    },
  };
}
