import { toActionItems, toDiff, toDocument, toMessage, toMessagePage, toSearchResult } from './normalize';

/** Payloads shaped as the realtime and knowledge branches document them (docs/REALTIME.md, docs/KNOWLEDGE.md). */
describe('reading server payloads', () => {
  it('reads a MessageView: flat author, tombstone flag, pin time', () => {
    const m = toMessage({
      id: 'm1',
      channelId: 'c1',
      groupId: 'g1',
      seq: '12',
      authorId: 'u1',
      authorName: 'Ane Etxeberria',
      clientMsgId: 'cm1',
      body: '',
      html: '',
      parentId: null,
      replyCount: 2,
      lastReplyAt: null,
      mentions: [],
      reactions: [{ emoji: '👍', count: 1, userIds: ['u2'] }],
      version: 2,
      editedAt: null,
      deleted: true,
      deletedAt: '2026-01-01T10:00:00Z',
      pinnedAt: '2026-01-01T09:00:00Z',
      pinnedBy: 'u3',
      createdAt: '2026-01-01T08:00:00Z',
    });
    expect(m).toMatchObject({
      seq: 12,
      author: { id: 'u1', displayName: 'Ane Etxeberria' },
      pinned: true,
      replyCount: 2,
    });
    expect(m.deletedAt).toBe('2026-01-01T10:00:00Z');
    expect(toMessagePage({ messages: [{ id: 'a', seq: 1 }], lastSeq: 1, hasMore: true })).toMatchObject({
      hasMore: true,
      messages: [{ seq: 1 }],
    });
  });

  it('reads a DocumentView: bodyHtml, person refs, owners as objects, the duplicate-source warning', () => {
    const d = toDocument({
      id: 'd1',
      groupId: 'g1',
      kind: 'meeting_summary',
      status: 'draft',
      title: 'Plenary',
      tags: ['radar'],
      version: 3,
      body: '# Plenary',
      bodyHtml: '<h1 id="md-plenary">Plenary</h1>',
      author: { id: 'u1', displayName: 'Jon', organisationId: 'o1' },
      attendees: {
        users: [{ id: 'u2', displayName: 'Ane', organisationId: 'o2' }],
        organisations: [{ id: 'o3', name: 'Maritime', shortName: 'Maritime' }],
      },
      actionItems: [
        {
          id: 'a1',
          description: 'Invite makers',
          owner: { type: 'organisation', id: 'o2', name: 'Energy', shortName: 'Energy' },
          dueDate: '2026-03-15',
          status: 'open',
        },
      ],
      can: { edit: true, delete: false, publish: true },
      publishedInGroupAt: null,
      warnings: [{ code: 'duplicate_source', message: 'seen', document: { id: 'd0', title: 'Older note', url: '/x' } }],
    });
    expect(d).toMatchObject({
      html: '<h1 id="md-plenary">Plenary</h1>',
      author: { id: 'u1', organisation: { id: 'o1' } },
      attendeeUserIds: ['u2'],
      attendeeOrganisationIds: ['o3'],
      actionItems: [
        { id: 'a1', ownerOrganisationId: 'o2', ownerUserId: null, ownerName: 'Energy', dueDate: '2026-03-15' },
      ],
      can: { edit: true, delete: false, publish: true },
      duplicateSource: { id: 'd0', title: 'Older note' },
    });
    expect(
      toActionItems({ items: [{ description: 'x', owner: { type: 'user', id: 'u9', displayName: 'Iker' } }] }),
    ).toMatchObject([{ ownerUserId: 'u9', ownerName: 'Iker', status: 'open' }]);
  });

  it("keeps a CI note's source date apart from the platform's publication time", () => {
    const d = toDocument({
      id: 'n',
      kind: 'ci_note',
      publishedAt: '2026-02-01',
      publishedInGroupAt: '2026-02-03T10:00:00Z',
    });
    expect(d.sourcePublishedAt).toBe('2026-02-01');
    expect(d.publishedAt).toBe('2026-02-03T10:00:00Z');
  });

  it('reads a line diff of chunks into one row per line', () => {
    const diff = toDiff({
      title: { from: 'a', to: 'b' },
      body: {
        chunks: [
          { op: 'equal', lines: ['same'] },
          { op: 'remove', lines: ['old'] },
          { op: 'add', lines: ['new', 'newer'] },
        ],
      },
    });
    expect(diff).toEqual([
      { op: 'same', text: 'same' },
      { op: 'remove', text: 'old' },
      { op: 'add', text: 'new' },
      { op: 'add', text: 'newer' },
    ]);
  });

  it('reads search facets given as arrays or as value→count maps', () => {
    const r = toSearchResult({
      hits: [{ type: 'ci_note', id: 'd', groupId: 'g', title: 'T', snippet: '<mark>h</mark>', score: 1 }],
      total: 1,
      facets: { kind: { ci_note: 1 }, tag: [{ value: 'hydrogen', count: 1 }] },
    });
    expect(r.facets).toEqual({ kind: [{ value: 'ci_note', count: 1 }], tag: [{ value: 'hydrogen', count: 1 }] });
  });
});
