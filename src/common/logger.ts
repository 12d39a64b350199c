import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import { LogLevel } from '../config/config';

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
