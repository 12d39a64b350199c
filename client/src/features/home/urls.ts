/** The home page's route; the data it shows comes from the groups, channels and knowledge APIs. */
export const homePaths = {
  home: '/',
} as const;
