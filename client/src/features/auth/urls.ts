/**
 * The session's URLs: the REST paths it calls and the login route. Every feature keeps its URLs
 * in one module like this one, so a path changes in one line and `grep /api/` finds them all.
 */
export const authApi = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  /** Who I am (GET) and my profile's settings (PATCH). */
  me: '/api/me',
} as const;

export const authPaths = {
  login: '/login',
  /** After a 401: the login page says the session ended and leads back to `next`. */
  expired: (next: string) => `/login?expired=1&next=${encodeURIComponent(next)}`,
  /** The login page with the given query (`expired`, `next`), or none. */
  loginWith: (params: URLSearchParams) => `/login${params.size ? `?${params}` : ''}`,
};
