import type { SearchEngine } from './search-engine';
import type { SearchSources } from './search-sources';

export interface ReindexProgress {
  done: number;
  total: number;
  perSecond: number;
  secondsLeft: number | null;
  finished: boolean;
}

/** Rebuilds the engine's index from the source tables, online, reporting progress. */
export async function reindex(
  engine: SearchEngine,
  sources: SearchSources,
  onProgress: (p: ReindexProgress) => void,
  batchSize = 500,
): Promise<ReindexProgress> {
  const started = Date.now();
  let total = 0;
  for (const s of sources.all()) total += await s.count();
  let done = 0;
  const progress = (finished: boolean): ReindexProgress => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const perSecond = Math.round(done / seconds);
    return {
      done,
      total,
      perSecond,
      secondsLeft: perSecond > 0 ? Math.max(0, Math.round((total - done) / perSecond)) : null,
      finished,
    };
  };
  async function* everything() {
    for (const source of sources.all()) yield* source.batches(batchSize);
  }
  await engine.rebuild(everything(), (count) => {
    done += count;
    onProgress(progress(false));
  });
  const final = progress(true);
  onProgress(final);
  return final;
}
