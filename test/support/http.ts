import { request } from 'node:http';
import { contractOf } from './openapi';

/**
 * A tiny HTTP client that speaks to the app the way the web client and scripts do. Every JSON
 * body the server accepts (2xx) is also checked against the route's OpenAPI request schema,
 * so the description cannot drift from what the server takes: a mismatch throws.
 */
export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ErrorReply {
  error: { code: string; message: string; details?: Array<Record<string, unknown>> };
}

export type Auth = { token: string } | { cookie: string; csrf?: boolean } | null;

export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly auth: Auth = null,
  ) {}

  as(auth: Auth): Api {
    return new Api(this.baseUrl, auth);
  }

  get<T = unknown>(path: string): Promise<Reply<T>> {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown): Promise<Reply<T>> {
    return this.request<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body?: unknown): Promise<Reply<T>> {
    return this.request<T>('PUT', path, body);
  }
  patch<T = unknown>(path: string, body?: unknown): Promise<Reply<T>> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = unknown>(path: string): Promise<Reply<T>> {
    return this.request<T>('DELETE', path);
  }

  /** Sends a raw body (malformed JSON, huge payloads) with the caller's content type. */
  raw<T = unknown>(
    method: string,
    path: string,
    body: string | Buffer,
    contentType = 'application/json',
  ): Promise<Reply<T>> {
    return this.send<T>(method, path, body, { 'content-type': contentType });
  }

  request<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return this.send<T>(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? {} : { 'content-type': 'application/json' },
    );
  }

  private async send<T>(
    method: string,
    path: string,
    body: string | Buffer | undefined,
    headers: Record<string, string>,
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.auth && 'token' in this.auth) h.authorization = `Bearer ${this.auth.token}`;
    if (this.auth && 'cookie' in this.auth) {
      h.cookie = this.auth.cookie;
      if (this.auth.csrf !== false) h['x-requested-with'] = 'auzolan';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    if (res.ok && body !== undefined && headers['content-type']?.startsWith('application/json')) {
      await this.checkDescribed(method, path, body);
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  private async checkDescribed(method: string, path: string, body: string | Buffer): Promise<void> {
    let sent: unknown;
    try {
      sent = JSON.parse(body.toString());
    } catch {
      return; // not JSON, so the server did not take it as JSON either
    }
    const refusal = (await contractOf(this.baseUrl))?.refusal(method, path, sent);
    if (refusal) {
      throw new Error(
        `${refusal.route}: the server accepted a body that its OpenAPI description refuses (${refusal.errors})\n` +
          `body: ${JSON.stringify(sent).slice(0, 500)}`,
      );
    }
  }
}

/**
 * Announces an oversized body (Content-Length) and starts sending it, then waits for the
 * server's answer without finishing the upload: a server that enforces its limit answers
 * 413 straight away. (Finishing a multi-megabyte write races the server closing the socket,
 * which clients report as EPIPE instead of the response.)
 */
export function postOversized(
  url: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<Reply<ErrorReply>> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as ErrorReply,
            headers: new Headers(res.headers as Record<string, string>),
          });
          req.destroy();
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    req.write(bytes.subarray(0, 64 * 1024));
  });
}
