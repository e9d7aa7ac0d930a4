/**
 * The socket.io 0.9 packet framing ftrack's event hub speaks over its WebSocket, server side:
 * `type:id:endpoint:data`, e.g. `2::` (heartbeat), `1::` (connect), `5:::{"name":..,"args":[..]}`
 * (an event) or `5:1+::{..}` (an event whose sender wants an acknowledgement `6:::1+[..]`).
 * Written by hand: no maintained library serves this protocol version any more.
 */

export const PACKET = {
  disconnect: "0",
  connect: "1",
  heartbeat: "2",
  message: "3",
  json: "4",
  event: "5",
  ack: "6",
  error: "7",
  noop: "8",
} as const;

export interface Packet {
  type: string;
  /** Message id; set when the sender numbered the packet. */
  id?: string;
  /** The sender asked for an acknowledgement carrying data (`id+`). */
  wantsAck: boolean;
  data: string;
}

// Same shape as socket.io 0.9's own parser: type, optional id with "+", optional endpoint, data.
const PACKET_PATTERN = /^([0-8])(?::([0-9]*)(\+)?(?::([^:]*)(?::([\s\S]*))?)?)?$/;

/** The packet in `text`, or undefined when it is not one (the hub ignores such frames). */
export function parsePacket(text: string): Packet | undefined {
  const match = PACKET_PATTERN.exec(text);
  if (!match) return undefined;
  const [, type, id, plus, , data = ""] = match;
  return { type, id: id || undefined, wantsAck: plus === "+" && Boolean(id), data };
}

/** `{"name": .., "args": [..]}` of an event packet, or undefined when the data is not one. */
export function eventOf(packet: Packet): { name: string; args: unknown[] } | undefined {
  if (packet.type !== PACKET.event) return undefined;
  try {
    const parsed = JSON.parse(packet.data) as { name?: unknown; args?: unknown };
    if (typeof parsed?.name !== "string") return undefined;
    return { name: parsed.name, args: Array.isArray(parsed.args) ? parsed.args : [] };
  } catch {
    return undefined;
  }
}

export const encodeEvent = (name: string, arg: unknown) =>
  `${PACKET.event}:::${JSON.stringify({ name, args: [arg] })}`;

/** The acknowledgement of packet `id`, carrying `args` (ftrack's Python client reads `[{success}]`). */
export const encodeAck = (id: string, args: unknown[]) => `${PACKET.ack}:::${id}+${JSON.stringify(args)}`;

export const CONNECT_PACKET = `${PACKET.connect}::`;
export const HEARTBEAT_PACKET = `${PACKET.heartbeat}::`;
