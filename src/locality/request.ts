import { z } from "zod";

/**
 * What the gateway sees of one WebSocket upgrade request, and the two settings that decide how it
 * reads it. Everything the locality functions of any release look at is here and nothing else, so
 * a model and a sliced OpenClaw function can be fed the same value.
 */

/** How the listener the request arrived on was set up; only 2026.8.1+ looks at it. */
export const LISTENERS = ["ordinary", "tailscale-serve", "tailscale-funnel"] as const;
export type Listener = (typeof LISTENERS)[number];

/** Header names as Node delivers them: lower case. */
export const HEADER = {
  xForwardedFor: "x-forwarded-for",
  xForwardedProto: "x-forwarded-proto",
  xForwardedHost: "x-forwarded-host",
  xRealIp: "x-real-ip",
  forwarded: "forwarded",
  tailscaleUserLogin: "tailscale-user-login",
  tailscaleUserName: "tailscale-user-name",
  tailscaleUserProfilePic: "tailscale-user-profile-pic",
  tailscaleFunnelRequest: "tailscale-funnel-request",
} as const;

const headerName = z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, "header names are lower-case tokens, as Node delivers them");

export const ConcreteRequestSchema = z
  .object({
    /** `req.socket.remoteAddress`; absent when the socket is already gone. */
    socketAddress: z.string().optional(),
    /** the Host header; kept apart from `headers` because the eras disagree most about it. */
    host: z.string().optional(),
    origin: z.string().optional(),
    /** every other header; a present-but-empty header is `""`, which some releases count and some do not. */
    headers: z.record(headerName, z.string()).default({}),
    /** `gateway.trustedProxies`: exact addresses or CIDRs; empty means no proxy is trusted. */
    trustedProxies: z.array(z.string()).default([]),
    /** `gateway.allowRealIpFallback`. */
    allowRealIpFallback: z.boolean().default(false),
    listener: z.enum(LISTENERS).default("ordinary"),
  })
  .refine((r) => !("host" in r.headers) && !("origin" in r.headers), {
    message: "put Host and Origin in `host`/`origin`, not in `headers`",
  });

export type ConcreteRequest = z.output<typeof ConcreteRequestSchema>;
export type ConcreteRequestInput = z.input<typeof ConcreteRequestSchema>;

export function concreteRequest(input: ConcreteRequestInput): ConcreteRequest {
  return ConcreteRequestSchema.parse(input);
}

/** A header's raw value: `undefined` when absent, `""` when present but empty. */
export function headerOf(req: ConcreteRequest, name: string): string | undefined {
  if (name === "host") return req.host;
  if (name === "origin") return req.origin;
  return req.headers[name];
}

/** Whether a header carries a value; the test most releases apply (a JavaScript truthiness check). */
export function hasValue(req: ConcreteRequest, name: string): boolean {
  return Boolean(headerOf(req, name));
}

/** The shape OpenClaw's functions read from Node's `IncomingMessage`, for feeding sliced code. */
export interface IncomingMessageLike {
  socket: { remoteAddress: string | undefined };
  headers: Record<string, string>;
}

export function toIncomingMessage(req: ConcreteRequest): IncomingMessageLike {
  const headers: Record<string, string> = { ...req.headers };
  if (req.host !== undefined) headers.host = req.host;
  if (req.origin !== undefined) headers.origin = req.origin;
  return { socket: { remoteAddress: req.socketAddress }, headers };
}
