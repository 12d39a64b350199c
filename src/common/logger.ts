import { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import pino, { Bindings, ChildLoggerOptions, Logger as Pino } from 'pino';

/** pino's levels, as LOG_LEVEL names them (config.ts checks the value). */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** One pino instance for Fastify's request logs and Nest's own logs: JSON lines on stdout. */
export function createPino(level: LogLevel): Pino {
  return pino({ level, base: { service: 'auzolan' }, timestamp: pino.stdTimeFunctions.isoTime });
}

const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof params[0] === 'string') fields.stack = params[0];
    if (typeof message === 'object' && message !== null) {
      const msg = typeof params[0] === 'string' && level !== 'error' ? params[0] : undefined;
      this.pino[level]({ ...fields, ...(message as object) }, msg);
    } else {
      this.pino[level](fields, String(message));
    }
  }

  log(message: unknown, ...params: unknown[]): void {
    // Nest's start-up chatter (modules loaded, routes mapped) is debug detail, not news.
    const context = params.at(-1);
    this.write(typeof context === 'string' && QUIET_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
}

type RequestLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Fastify gives every request a child logger bound to its request id. Building a pino child
 * (which serialises its bindings) costs a noticeable share of a cached read, and at
 * LOG_LEVEL=warn it is almost never written to. This factory hands out a stand-in that builds
 * the real child, with the same `reqId` binding, on the first line actually written.
 */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  // Per-route levels or serialisers change the child itself: build it as Fastify would.
  if (options.level !== undefined || options.serializers !== undefined) return logger.child(bindings, options);
  return new LazyChildLogger(logger as Pino, bindings);
}

class LazyChildLogger implements FastifyBaseLogger {
  private real: Pino | null = null;

  constructor(
    private readonly parent: Pino,
    private readonly bindings: Bindings,
  ) {}

  get level(): string {
    return (this.real ?? this.parent).level;
  }
  set level(level: string) {
    this.logger().level = level;
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger().child(bindings, options);
  }

  private write(level: RequestLogLevel, args: unknown[]): void {
    if (!(this.real ?? this.parent).isLevelEnabled(level)) return;
    const logger = this.logger();
    (logger[level] as (...a: unknown[]) => void).apply(logger, args);
  }

  private logger(): Pino {
    return (this.real ??= this.parent.child(this.bindings));
  }
}
