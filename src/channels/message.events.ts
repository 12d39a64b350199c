import type { Message } from './message.entity';

/** Where a message was posted, as those who react to it need to name it. */
export interface MessagePlace {
  id: string;
  groupId: string;
  name: string;
}

/**
 * People were mentioned in a message for the first time (a new message, or an edit that adds
 * them), in the transaction that stored the message and its mentions.
 */
export interface MessageMentioned {
  author: { id: string; displayName: string };
  channel: MessagePlace;
  message: Message;
  userIds: string[];
}

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    'message.mentioned': MessageMentioned;
  }
}
