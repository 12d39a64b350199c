/** Search's REST path and route. */
export const searchApi = {
  search: '/api/search',
} as const;

export const searchPaths = {
  search: '/search',
  query: (q: string) => `/search?q=${encodeURIComponent(q)}`,
};
