/** The channels' REST paths and routes. Messages are sent over the socket; REST reads history and threads. */
export const channelsApi = {
  /** GET lists a group's channels (with unread counts), POST creates one. */
  list: (groupId: string) => `/api/groups/${groupId}/channels`,
  /** Paged by `beforeSeq` / `afterSeq` and `limit`; `aroundSeq` gives the page around one message. */
  messages: (channelId: string) => `/api/channels/${channelId}/messages`,
  thread: (rootId: string) => `/api/messages/${rootId}/thread`,
};

export const channelPaths = {
  channel: (groupId: string, channelId: string) => `/groups/${groupId}/channels/${channelId}`,
  /** A link to one message, the form the server's notifications and search hits use too. */
  message: (groupId: string, channelId: string, seq: number) => `/groups/${groupId}/channels/${channelId}?seq=${seq}`,
};
