/**
 * The remote peer: runs inside the network namespace (started with `ip netns exec`), reads one
 * handshake request per line on stdin and answers with one observation per line, tagged by id.
 */
import { createInterface } from "node:readline";
import { handshake, type HandshakeRequest } from "./handshake.ts";

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { id, request } = JSON.parse(line) as { id: number; request: HandshakeRequest };
  void handshake(request).then((observation) => process.stdout.write(JSON.stringify({ id, observation }) + "\n"));
});
lines.on("close", () => process.exit(0));
process.stdout.write(JSON.stringify({ ready: true }) + "\n");
