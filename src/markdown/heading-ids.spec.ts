import { renderMarkdown } from './markdown';
import { slugify, UniqueIds } from './heading-ids';

/** markdown-it-anchor's uniqueSlug, which gave the ids that exist today (quadratic, fine for a spec). */
function anchorIds(bases: string[]): string[] {
  const taken = new Set<string>();
  return bases.map((base) => {
    let id = base;
    for (let i = 1; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    return id;
  });
}

describe('heading ids', () => {
  it('are prefixed slugs of the heading text', () => {
    expect(slugify('Hidrógeno verde')).toBe('md-hidrogeno-verde');
    expect(slugify('¿?')).toBe('md-section');
    expect(slugify('x'.repeat(200))).toBe(`md-${'x'.repeat(80)}`);
  });

  it('number repeated headings from -1, skipping ids a heading already has', () => {
    const html = renderMarkdown('# h\n# h-1\n# h\n## h\n### `h` 1\n# h');
    expect([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'md-h',
      'md-h-1',
      'md-h-2',
      'md-h-3',
      'md-h-1-1',
      'md-h-4',
    ]);
  });

  it('are the ids markdown-it-anchor gave, on 200,000 headings drawn from colliding names', () => {
    // Deterministic PRNG (mulberry32), so a failure names a reproducible sequence.
    let state = 0x1d5;
    const random = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const names = ['md-h', 'md-h-1', 'md-h-2', 'md-h-1-1', 'md-h-10', 'md-h-01', 'md-h-1-2', 'md-section'];
    for (let round = 0; round < 200; round++) {
      const bases = Array.from({ length: 1000 }, () => names[Math.floor(random() ** 2 * names.length)]);
      const ids = new UniqueIds();
      expect(bases.map((b) => ids.claim(b))).toEqual(anchorIds(bases));
    }
  });

  it('look at each id a bounded number of times however many headings repeat', () => {
    const ids = new UniqueIds();
    let probes = 0;
    const has = Set.prototype.has;
    const taken = (ids as unknown as { taken: Set<string> }).taken;
    taken.has = function (this: Set<string>, id: string): boolean {
      probes++;
      return has.call(this, id);
    };
    for (let i = 0; i < 50_000; i++) ids.claim(i % 2 ? 'md-h' : 'md-h-1');
    expect(probes).toBeLessThan(4 * 50_000);
  });
});
