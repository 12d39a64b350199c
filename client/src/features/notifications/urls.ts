/** The bell's REST paths and the notifications page. */
export const notificationsApi = {
  list: '/api/notifications',
  /** Marks the given ids read, or all of them. */
  read: '/api/notifications/read',
} as const;

export const notificationPaths = {
  list: '/notifications',
} as const;
