import { ArrivalOrder } from './arrival-order';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('arrival order', () => {
  it('lets a later turn pass only once every earlier one is done, whatever order the work finishes in', async () => {
    const line = new ArrivalOrder();
    const passed: number[] = [];
    const turns = [1, 2, 3].map((k) => ({ k, turn: line.take() }));
    const waiting = turns.map(({ k, turn }) => turn.wait().then(() => passed.push(k)));
    await tick();
    expect(passed).toEqual([1]); // the first has nobody before it
    turns[2].turn.done(); // the third finishing early frees nobody
    await tick();
    expect(passed).toEqual([1]);
    turns[0].turn.done();
    await tick();
    expect(passed).toEqual([1, 2]);
    turns[1].turn.done();
    await Promise.all(waiting);
    expect(passed).toEqual([1, 2, 3]);
  });

  it('treats done as idempotent, so a failure path may call it again', async () => {
    const line = new ArrivalOrder();
    const first = line.take();
    const second = line.take();
    first.done();
    first.done();
    await second.wait();
    second.done();
    await line.take().wait();
  });
});
