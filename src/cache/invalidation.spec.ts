import { decodeMessage, encodeMessage, Invalidation } from './invalidation';

const A = '6f1c1f4e-3c4b-4a8e-9d2a-0a1b2c3d4e5f';
const B = '0b9f4c2a-7e61-4f3d-8c5b-1a2b3c4d5e6f';

describe('cache invalidation messages', () => {
  it('round-trip every kind', () => {
    const invalidations: Invalidation[] = [
      { kind: 'session', sessionId: A },
      { kind: 'user', userId: A },
      { kind: 'organisation', organisationId: B },
      { kind: 'group', groupId: B },
      { kind: 'membership', groupId: B, userId: A },
      { kind: 'all' },
    ];
    expect(decodeMessage(encodeMessage({ origin: 'p1', invalidations }))).toEqual({ origin: 'p1', invalidations });
  });

  it('stays under the NOTIFY payload limit by saying "all" instead', () => {
    const many: Invalidation[] = Array.from({ length: 500 }, () => ({ kind: 'user', userId: A }));
    const text = encodeMessage({ origin: 'p1', invalidations: many });
    expect(text.length).toBeLessThan(8000);
    expect(decodeMessage(text).invalidations).toEqual([{ kind: 'all' }]);
  });

  it.each([
    'not json',
    '{"o":"p2"}',
    '{"o":"p2","i":[{"kind":"user","userId":"not-a-uuid"}]}',
    '{"o":"p2","i":[{"kind":"unknown"}]}',
    '{"o":"p2","i":[null]}',
  ])('treats the malformed payload %j as "all" (safe, only slower)', (payload) => {
    expect(decodeMessage(payload).invalidations).toEqual([{ kind: 'all' }]);
  });
});
