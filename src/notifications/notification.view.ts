/** Notifications as `GET /notifications` and the `notification:new` event show them (dates are ISO strings). */
export interface NotificationView {
  id: string;
  kind: string;
  groupId: string | null;
  subjectId: string | null;
  title: string;
  body: string;
  url: string | null;
  createdAt: string;
  /** When its reader marked it read (opened it, or "Mark all read"); null while unread. */
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationView[];
  unreadCount: number;
}

/** `POST /notifications/read`. */
export interface NotificationsReadResult {
  unreadCount: number;
}

declare module '../realtime/events' {
  interface ServerToClientEvents {
    'notification:new': (payload: NotificationView) => void;
  }
}
