/**
 * Stable error codes. Clients act on the code; people read the message.
 * Pure module (no Nest imports) so services, gateways and tests share it.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  field: string;
  reason: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown[] };
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You may not do this'): AppError => new AppError('forbidden', message);
export const conflict = (message: string, details?: unknown[]): AppError => new AppError('conflict', message, details);
export const invalid = (field: string, reason: string): AppError =>
  new AppError('validation_failed', `${field}: ${reason}`, [{ field, reason } satisfies ErrorDetail]);
