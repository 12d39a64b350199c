import { resolve } from 'node:path';
import type { LogLevel } from '../common/logger';
import { PASSWORD_MAX, PASSWORD_MIN, passwordLengthOk } from '../common/password-rules';

/**
 * Typed configuration, read once from the environment at boot.
 * Pure (no Nest imports) so it can be unit-tested and used by CLI scripts.
 */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  /** `null` means the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | null;
  readonly databasePoolSize: number;
  readonly dataDir: string;
  readonly redisUrl: string | null;
  readonly meiliHost: string | null;
  readonly meiliApiKey: string | null;
  readonly admin: { email: string; password: string } | null;
  readonly seedDemo: boolean;
  readonly logLevel: LogLevel;
  readonly cookieSecure: boolean;
  readonly allowedOrigins: readonly string[];
  readonly sessionTtlHours: number;
  readonly trustProxy: boolean;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerAddress: number;
  readonly loginWindowMinutes: number;
  readonly clientDir: string;
  /** How long one markdown render may take on a worker before it is stopped and refused (413). */
  readonly markdownRenderTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly got: string | undefined,
  ) {
    super(`${variable} must be ${expected}` + (got === undefined ? '' : ` (got ${JSON.stringify(got)})`));
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function present(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const v = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

function url(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = present(env, name);
  if (raw === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `a ${protocols.join(' or ')} URL`, raw);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, '')) || !parsed.hostname) {
    throw new ConfigError(name, `a ${protocols.join(' or ')} URL`, raw);
  }
  return raw;
}

function origins(env: Env, name: string): string[] {
  const raw = present(env, name);
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        const u = new URL(o);
        if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin === o.replace(/\/$/, '')) {
          return u.origin;
        }
      } catch {
        // fall through to the error below
      }
      throw new ConfigError(name, 'a comma-separated list of origins like https://example.org', o);
    });
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres', 'postgresql']);

  const adminEmail = present(env, 'ADMIN_EMAIL');
  const adminPassword = env.ADMIN_PASSWORD === '' ? undefined : env.ADMIN_PASSWORD;
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'set together with the other ADMIN_ variable',
      undefined,
    );
  }
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'an email address', adminEmail);
  }
  if (adminPassword !== undefined && !passwordLengthOk(adminPassword)) {
    throw new ConfigError('ADMIN_PASSWORD', `${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`, undefined);
  }

  const logLevel = (present(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, logLevel);
  }

  const host = present(env, 'HOST') ?? 'localhost';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) {
    throw new ConfigError('HOST', 'a host name or IP address', host);
  }

  const config = Object.assign(new AppConfig(), {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    dataDir: resolve(cwd, present(env, 'DATA_DIR') ?? 'data'),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    meiliHost: url(env, 'MEILI_HOST', ['http', 'https']),
    meiliApiKey: present(env, 'MEILI_API_KEY') ?? null,
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : null,
    seedDemo: boolean(env, 'SEED_DEMO', databaseUrl === null),
    logLevel: logLevel as LogLevel,
    cookieSecure: boolean(env, 'COOKIE_SECURE', false),
    allowedOrigins: origins(env, 'ALLOWED_ORIGINS'),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 24 * 30, 1, 24 * 365),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100000),
    loginWindowMinutes: integer(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    clientDir: resolve(cwd, present(env, 'CLIENT_DIR') ?? 'client/dist'),
    markdownRenderTimeoutMs: integer(env, 'MARKDOWN_RENDER_TIMEOUT_MS', 5000, 10, 60_000),
  });
  return config;
}
