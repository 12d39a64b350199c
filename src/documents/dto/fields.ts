/** An http(s) URL: no whitespace; SingleLineText refuses control characters and lone surrogates. */
export const HTTP_URL = /^https?:\/\/[^\s]+$/i;
