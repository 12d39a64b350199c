import { MemoryState } from './shared-state';

describe('in-process shared state', () => {
  it('counts a user online while any of their sockets is live, and not after it expires or leaves', async () => {
    const state = new MemoryState();
    await state.touch('ane', 's1', 60_000);
    await state.touch('ane', 's2', 60_000);
    await state.touch('jon', 's3', -1); // already expired: a process that stopped refreshing
    expect(await state.onlineAmong(['ane', 'jon', 'iker'])).toEqual(['ane']);
    await state.remove('ane', 's1');
    expect(await state.onlineAmong(['ane'])).toEqual(['ane']);
    await state.remove('ane', 's2');
    expect(await state.onlineAmong(['ane'])).toEqual([]);
  });

  it('counts hits per key within a window', async () => {
    const state = new MemoryState();
    expect([await state.hit('k', 60_000), await state.hit('k', 60_000), await state.hit('other', 60_000)]).toEqual([
      1, 2, 1,
    ]);
  });
});
