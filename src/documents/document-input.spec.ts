import { AppError } from '../common/errors';
import { LIMITS } from '../common/limits';
import { checkBodySize, checkKindFields, checkState, emptyState, mergeState } from './document-input';

const base = emptyState('g', 'Title');

describe('document input', () => {
  it('refuses a field that belongs to another kind, naming it', () => {
    expect(() => checkKindFields('page', { sourceUrl: 'https://example.org' })).toThrow('sourceUrl');
    expect(() => checkKindFields('ci_note', { sourceUrl: 'https://example.org' })).not.toThrow();
  });

  it('answers 413 for a body over the cap counted in bytes', () => {
    const e = (() => {
      try {
        checkBodySize('é'.repeat(LIMITS.documentBodyBytes / 2 + 1));
      } catch (err) {
        return err as AppError;
      }
      return null;
    })();
    expect(e?.status).toBe(413);
    expect(() => checkBodySize('a'.repeat(LIMITS.documentBodyBytes))).not.toThrow();
  });

  it('keeps omitted fields and normalises tags', () => {
    const next = mergeState({ ...base, body: 'kept' }, { title: 'New', tags: ['A', 'a'] });
    expect(next).toMatchObject({ title: 'New', body: 'kept', tags: ['a'] });
  });

  it('keeps known action item ids, replaces unknown ones, and needs exactly one owner', () => {
    const current = [
      {
        id: 'known',
        description: 'x',
        ownerUserId: 'u',
        ownerOrganisationId: null,
        dueDate: null,
        status: 'done' as const,
      },
    ];
    const next = mergeState(
      { ...base, actionItems: current },
      {
        actionItems: [
          { id: 'known', description: 'y', ownerUserId: 'u' },
          { id: 'foreign', description: 'z', ownerOrganisationId: 'o' },
        ],
      },
    );
    expect(next.actionItems[0]).toMatchObject({ id: 'known', status: 'done', description: 'y' });
    expect(next.actionItems[1].id).not.toBe('foreign');
    expect(() => mergeState(base, { actionItems: [{ description: 'no owner' }] })).toThrow('owner');
    expect(() =>
      mergeState(base, { actionItems: [{ description: 'two', ownerUserId: 'u', ownerOrganisationId: 'o' }] }),
    ).toThrow('owner');
  });

  it('makes a resource either a link or a file', () => {
    expect(() => checkState('resource', base)).toThrow('linkUrl');
    expect(() => checkState('resource', { ...base, linkUrl: 'https://x.org', fileId: 'f' })).toThrow();
    expect(() => checkState('resource', { ...base, linkUrl: 'https://x.org' })).not.toThrow();
  });

  it('refuses non-http source URLs that slipped past the pattern', () => {
    expect(() => mergeState(base, { sourceUrl: 'https://' })).toThrow('sourceUrl');
  });
});
