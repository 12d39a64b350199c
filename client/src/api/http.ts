/**
 * The one way the client talks REST: same-origin cookie session, `X-Requested-With` on
 * every request (writes by cookie must carry it), errors as `ApiError` with the server's code.
 * A 401 on anything but the login call tells the session layer the session has expired.
 *
 * `T` is the server's view type (from `@contract`); what arrives is its JSON, `Json<T>` (dates
 * as ISO strings). The payload is trusted as the contract says, not re-parsed.
 */
import type { Json } from '@contract';

export interface ErrorDetail {
  field?: string;
  reason?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when any request answers 401 (session expired or revoked). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as an expired session (the login form). */
  anonymous?: boolean;
  /** Extra request headers (e.g. `X-Edit-Token` for anonymous survey responses). */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<Json<T>> {
  const headers: Record<string, string> = {
    ...opts.headers,
    'x-requested-with': 'auzolan',
    accept: 'application/json',
  };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'network');
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!res.ok) {
    const err = (parsed as { error?: { code?: string; message?: string; details?: unknown[] } } | null)?.error;
    if (res.status === 401 && !opts.anonymous) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? res.statusText,
      err?.details ?? [],
      parsed,
    );
  }
  return parsed as Json<T>;
}

export const get = <T>(path: string, signal?: AbortSignal): Promise<Json<T>> => api<T>(path, { signal });
export const post = <T>(path: string, body?: unknown): Promise<Json<T>> => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body?: unknown): Promise<Json<T>> => api<T>(path, { method: 'PUT', body });
export const patch = <T>(path: string, body?: unknown): Promise<Json<T>> => api<T>(path, { method: 'PATCH', body });
export const del = (path: string): Promise<void> => api<void>(path, { method: 'DELETE' });

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Upload with progress (fetch has no upload progress): XMLHttpRequest, same headers and errors. */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<Json<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('x-requested-with', 'auzolan');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as Json<T>);
      const err = (parsed as { error?: { code?: string; message?: string; details?: unknown[] } } | null)?.error;
      if (xhr.status === 401) unauthorizedListeners.forEach((l) => l());
      reject(
        new ApiError(xhr.status, err?.code ?? `http_${xhr.status}`, err?.message ?? xhr.statusText, err?.details ?? []),
      );
    };
    xhr.send(form);
  });
}
