import { AppError, ERROR_STATUS, ErrorCode } from './errors';

interface ErrorLike {
  name?: string;
  cause?: unknown;
  code?: string;
  status?: number;
  statusCode?: number;
  message?: string;
  driverError?: { code?: string; detail?: string; constraint?: string };
  getStatus?: () => number;
  getResponse?: () => unknown;
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

/**
 * Postgres data exceptions caused by a value: 22P02 invalid text representation, 22021 NUL or
 * bad encoding, 22P05 untranslatable character, 22001 too long, 22003 numeric out of range,
 * 22007 invalid datetime format, 22008 datetime field overflow.
 */
const DATA_EXCEPTIONS = new Set(['22P02', '22021', '22P05', '22001', '22003', '22007', '22008']);

function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'validation_failed');
}

/**
 * Turns any thrown value into an AppError with a stable code. Errors that are not
 * the client's fault become `internal` (500) and are logged by the caller.
 */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) return thrown;
  const err = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as ErrorLike;
  // Nest wraps Fastify's parsing errors in an HttpException; the original carries the code.
  const cause = err.cause as ErrorLike | undefined;
  if (cause?.code?.startsWith('FST_')) return toAppError(cause);

  // Fastify's own request-parsing errors happen before any handler runs.
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than the limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('validation_failed', 'The body is not valid JSON', [
        { field: 'body', reason: 'malformed JSON' },
      ]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation_failed', 'The JSON body is empty', [{ field: 'body', reason: 'empty' }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('validation_failed', 'Content-Length does not match the body');
  }
  if (err.name === 'SyntaxError' && (err.statusCode === 400 || err.status === 400)) {
    return new AppError('validation_failed', 'The body is not valid JSON', [
      { field: 'body', reason: 'malformed JSON' },
    ]);
  }

  // Database constraint errors that reach here are races the services could not pre-check.
  const pg = err.name === 'QueryFailedError' ? err.driverError : undefined;
  if (pg?.code === '23505') return new AppError('conflict', 'This already exists', [{ constraint: pg.constraint }]);
  if (pg?.code === '23503') return new AppError('validation_failed', 'A referenced record does not exist');
  if (pg?.code === '23514') return new AppError('validation_failed', 'A value is outside what is allowed');
  // The last line of defence for input the DTOs should have refused already (each such
  // input gets its own DTO rule and test); a database that refuses a value is not a 5xx.
  if (pg?.code === '23502') return new AppError('validation_failed', 'A required value is missing');
  if (pg?.code && DATA_EXCEPTIONS.has(pg.code)) {
    return new AppError('validation_failed', 'A value has the wrong form or length');
  }

  // Nest HttpExceptions (unknown routes, etc.) and other errors carrying a 4xx status.
  const status = typeof err.getStatus === 'function' ? err.getStatus() : (err.statusCode ?? err.status);
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeForStatus(status);
    const message = status === 404 ? 'Not found' : (err.message ?? code);
    return new AppError(code, message);
  }
  return new AppError('internal', 'Something went wrong on our side; it has been logged');
}
