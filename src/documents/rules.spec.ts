import {
  decideDocument,
  DocumentFacts,
  handlesFile,
  initialStatus,
  normaliseSourceUrl,
  normaliseTags,
  seesDeleted,
  seesDraft,
  titleKey,
  visibleDraftsSql,
} from './rules';

const member = { id: 'm', role: 'member' as const };
const author = { id: 'a', role: 'member' as const };
const admin = { id: 'x', role: 'admin' as const };
const open = { visibility: 'open' as const };
const closed = { visibility: 'private' as const };

const doc = (over: Partial<DocumentFacts> = {}): DocumentFacts => ({
  kind: 'page',
  status: 'published',
  authorId: 'a',
  deletedAt: null,
  ...over,
});

describe('who may do what with a document', () => {
  it('hides everything in a private group from non-members, even published pages', () => {
    for (const action of ['read', 'edit', 'delete', 'publish', 'restore'] as const) {
      expect(decideDocument(member, closed, null, doc(), action)).toBe('hidden');
    }
  });

  it('lets members edit published pages wiki-style, and observers only read', () => {
    expect(decideDocument(member, open, 'member', doc(), 'edit')).toBe('allow');
    expect(decideDocument(member, open, 'observer', doc(), 'read')).toBe('allow');
    expect(decideDocument(member, open, 'observer', doc(), 'edit')).toBe('denied');
    expect(decideDocument(member, open, null, doc(), 'edit')).toBe('denied');
  });

  it('shows drafts to their author and facilitators only', () => {
    const draft = doc({ status: 'draft' });
    expect(decideDocument(author, open, 'member', draft, 'read')).toBe('allow');
    expect(decideDocument(member, open, 'member', draft, 'read')).toBe('hidden');
    expect(decideDocument(member, open, 'observer', draft, 'read')).toBe('hidden');
    expect(decideDocument(member, open, 'facilitator', draft, 'read')).toBe('allow');
  });

  it('lets only facilitators publish meeting summaries or edit published ones', () => {
    const summary = doc({ kind: 'meeting_summary', status: 'draft' });
    expect(decideDocument(author, open, 'member', summary, 'publish')).toBe('denied');
    expect(decideDocument(author, open, 'member', summary, 'edit')).toBe('allow');
    expect(decideDocument(member, open, 'facilitator', summary, 'publish')).toBe('allow');
    const published = doc({ kind: 'meeting_summary' });
    expect(decideDocument(author, open, 'member', published, 'edit')).toBe('denied');
    expect(decideDocument(member, open, 'facilitator', published, 'edit')).toBe('allow');
    expect(decideDocument(author, open, 'member', doc({ status: 'draft' }), 'publish')).toBe('allow');
  });

  it('keeps deleted documents for admins, who alone may restore them', () => {
    const gone = doc({ deletedAt: new Date() });
    expect(decideDocument(author, open, 'facilitator', gone, 'read')).toBe('hidden');
    expect(decideDocument(admin, open, null, gone, 'read')).toBe('allow');
    expect(decideDocument(admin, open, null, gone, 'restore')).toBe('allow');
    expect(decideDocument(admin, open, null, gone, 'edit')).toBe('denied');
    expect(decideDocument(admin, open, null, doc(), 'restore')).toBe('denied');
  });

  it('lets the author or a facilitator delete, not other members', () => {
    expect(decideDocument(author, open, 'member', doc(), 'delete')).toBe('allow');
    expect(decideDocument(member, open, 'member', doc(), 'delete')).toBe('denied');
    expect(decideDocument(member, open, 'facilitator', doc(), 'delete')).toBe('allow');
  });
});

describe('initial status', () => {
  it('publishes pages at once unless saved as draft; summaries start as drafts', () => {
    expect(initialStatus('page', undefined, false)).toBe('published');
    expect(initialStatus('ci_note', 'draft', false)).toBe('draft');
    expect(initialStatus('meeting_summary', undefined, true)).toBe('draft');
    expect(initialStatus('meeting_summary', 'published', true)).toBe('published');
    expect(initialStatus('meeting_summary', 'published', false)).toBe('denied');
  });
});

describe('normalisation', () => {
  it.each([
    ['https://www.Example.org/news/h2/?utm_source=x&b=2&a=1#top', 'example.org/news/h2?a=1&b=2'],
    ['http://example.org/news/h2?a=1&b=2', 'example.org/news/h2?a=1&b=2'],
    ['https://example.org:443/news/h2', 'example.org/news/h2'],
    ['https://example.org:8443/x', 'example.org:8443/x'],
    ['https://example.org/', 'example.org'],
  ])('normalises the source %s', (raw, key) => {
    expect(normaliseSourceUrl(raw)).toBe(key);
  });

  it('refuses anything but http(s) sources', () => {
    expect(normaliseSourceUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseSourceUrl('ftp://example.org/x')).toBeNull();
    expect(normaliseSourceUrl('not a url')).toBeNull();
  });

  it('folds tags and titles', () => {
    expect(normaliseTags([' Hidrógeno ', 'hidrógeno', 'Battery  Recycling', ''])).toEqual([
      'hidrógeno',
      'battery recycling',
    ]);
    expect(titleKey('  Hydrogen   Roadmap ')).toBe('hydrogen roadmap');
  });
});

describe('drafts, deleted documents and files', () => {
  it('shows a draft to its author and to who manages the group, not to other members', () => {
    expect(seesDraft(author, 'member', 'a')).toBe(true);
    expect(seesDraft(member, 'facilitator', 'a')).toBe(true);
    expect(seesDraft(admin, null, 'a')).toBe(true);
    expect(seesDraft(member, 'member', 'a')).toBe(false);
    expect(seesDraft(member, 'observer', null)).toBe(false);
  });

  it('agrees with decideDocument on reading a draft', () => {
    for (const actor of [member, author, admin]) {
      for (const role of ['facilitator', 'member', 'observer'] as const) {
        const read = decideDocument(actor, open, role, doc({ status: 'draft' }), 'read') === 'allow';
        expect(seesDraft(actor, role, 'a')).toBe(read);
      }
    }
  });

  it('filters drafts in SQL for readers who do not see them all, with the reader as a parameter', () => {
    expect(visibleDraftsSql(admin, null)).toBeNull();
    expect(visibleDraftsSql(member, 'facilitator')).toBeNull();
    const c = visibleDraftsSql(member, 'member', 'doc');
    expect(c).toEqual({
      sql: `(doc.status = 'published' OR doc.author_id = :draftReader)`,
      params: { draftReader: 'm' },
    });
  });

  it('shows deleted documents to admins only', () => {
    expect(seesDeleted(admin)).toBe(true);
    expect(seesDeleted(member)).toBe(false);
    expect(decideDocument(member, open, 'facilitator', doc({ deletedAt: new Date() }), 'read')).toBe('hidden');
  });

  it('lets the uploader and who manages the group handle a file; others go through a document', () => {
    expect(handlesFile(author, 'member', 'a')).toBe(true);
    expect(handlesFile(member, 'facilitator', 'a')).toBe(true);
    expect(handlesFile(admin, null, 'a')).toBe(true);
    expect(handlesFile(member, 'member', 'a')).toBe(false);
    expect(handlesFile(member, 'member', null)).toBe(false);
  });
});
