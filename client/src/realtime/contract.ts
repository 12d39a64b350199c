/**
 * The realtime contract, straight from the server's typed event maps (src/realtime/events.ts,
 * type-only), so an event's name or shape cannot drift between server and client.
 */
export type {
  Ack,
  AccessRevokedPayload,
  ChannelActivityPayload,
  ChannelReadPayload,
  ClientToServerEvents,
  DocumentPublishedPayload,
  MessageDeletedPayload,
  NotificationPayload,
  PresencePayload,
  ReactionUpdatedPayload,
  ServerToClientEvents,
  TypingPayload,
} from '@server-realtime/events';
export type { ChannelJoinResult as JoinAck } from '@server-realtime/events';
