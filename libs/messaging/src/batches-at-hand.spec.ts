import { batchesAtHand } from './event.consumer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T>(source: AsyncIterable<T>, max: number): Promise<T[][]> {
  const batches: T[][] = [];
  for await (const batch of batchesAtHand(source, max)) batches.push(batch);
  return batches;
}

describe('batchesAtHand', () => {
  it('should group what is already at hand and start a new batch for what comes later', async () => {
    async function* pulls() {
      yield* [1, 2, 3];
      await sleep(20);
      yield 4;
      await sleep(20);
      yield* [5, 6];
    }
    expect(await collect(pulls(), 64)).toEqual([[1, 2, 3], [4], [5, 6]]);
  });

  it('should never make a batch larger than its maximum', async () => {
    async function* pull() {
      yield* Array.from({ length: 10 }, (_, i) => i);
    }
    expect((await collect(pull(), 4)).map((batch) => batch.length)).toEqual([4, 4, 2]);
  });

  it('should give the last batch when the source ends while one is being gathered, and nothing for an empty source', async () => {
    async function* ends() {
      yield* ['a', 'b'];
    }
    async function* empty() {
      // nothing pulled
    }
    expect(await collect(ends(), 64)).toEqual([['a', 'b']]);
    expect(await collect(empty(), 64)).toEqual([]);
  });
});
