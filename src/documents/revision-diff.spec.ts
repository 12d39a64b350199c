import { changedFields, lineDiff } from './revision-diff';

describe('line diffs between revisions', () => {
  it('lists removed and added lines between unchanged ones', () => {
    const diff = lineDiff('agenda\nold decision\nactions\n', 'agenda\nnew decision\nactions\nnext steps\n');
    expect(diff.chunks).toEqual([
      { op: 'equal', lines: ['agenda'] },
      { op: 'remove', lines: ['old decision'] },
      { op: 'add', lines: ['new decision'] },
      { op: 'equal', lines: ['actions'] },
      { op: 'add', lines: ['next steps'] },
    ]);
    expect([diff.added, diff.removed]).toEqual([2, 1]);
  });

  it('does not report a change for a missing final newline', () => {
    expect(lineDiff('a\nb', 'a\nb\n').chunks).toEqual([{ op: 'equal', lines: ['a', 'b'] }]);
  });

  it('names the other fields that changed', () => {
    expect(changedFields({ tags: ['a'], relevance: 3 }, { tags: ['a', 'b'], relevance: 3 })).toEqual(['tags']);
  });
});
