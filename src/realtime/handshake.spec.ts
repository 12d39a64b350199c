import { cookieValue, originAllowed, payloadBytes, TokenBucket } from './handshake';

describe('socket handshake origin rule', () => {
  it('allows same-origin, listed origins and clients that send no Origin', () => {
    expect(originAllowed('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(originAllowed('https://app.example.org', 'internal:8080', ['https://app.example.org'])).toBe(true);
    expect(originAllowed(undefined, 'localhost:3000', [])).toBe(true);
  });
  it('refuses other sites, other ports, null and odd schemes', () => {
    expect(originAllowed('https://evil.example', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('http://localhost:3001', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('null', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('file://', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('http://localhost:3000.evil.example', 'localhost:3000', [])).toBe(false);
  });
});

describe('cookie parsing', () => {
  it('finds the session cookie among others', () => {
    expect(cookieValue('a=1; auzolan_session=abc%2Fd; b=2', 'auzolan_session')).toBe('abc/d');
    expect(cookieValue('a=1', 'auzolan_session')).toBeNull();
    expect(cookieValue(undefined, 'auzolan_session')).toBeNull();
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills over time', () => {
    const bucket = new TokenBucket(3, 1, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(1000)).toBe(false);
  });
});

describe('payload size', () => {
  it('measures JSON bytes and refuses what cannot be serialised', () => {
    expect(payloadBytes({ a: 'é' })).toBe(10);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(payloadBytes(cyclic)).toBe(Number.POSITIVE_INFINITY);
  });
});
