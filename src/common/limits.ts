/** Named limits, so tests and docs can refer to the same numbers. */
export const LIMITS = {
  /** Largest JSON request body: a 1 MB document plus room for its other fields. */
  httpBodyBytes: 1_310_720,
  messageBodyChars: 10_000,
  documentBodyBytes: 1_048_576,
  titleChars: 200,
} as const;
