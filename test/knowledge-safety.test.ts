import { Group, Person, World } from './factories';
import { findHtmlDangers } from './support/html-safety';
import { createDoc, filesEnv, PDF, upload, uploadRaw } from './support/knowledge';
import { XSS_CORPUS } from './support/xss-corpus';

/**
 * Hostile input through every field the knowledge store renders or serves: markdown bodies,
 * decisions, wiki-link titles, the preview, tags, titles, display names and file names;
 * pathological markdown; and dangerous uploads.
 */
describe('knowledge store safety', () => {
  let world: World;
  let group: Group;
  let facilitator: Person;
  let member: Person;
  let other: Person;

  beforeAll(async () => {
    world = await World.start(filesEnv());
    facilitator = await world.createPerson();
    member = await world.createPerson();
    other = await world.createPerson();
    group = await world.createGroup();
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, member, 'member');
    await world.addMember(group, other, 'member');
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  /** Titles and tags are single-line text: control characters are refused there, so strip them. */
  const oneLine = (s: string): string => s.replace(/[\u0000-\u001f]/g, ' ').trim();

  it.each(XSS_CORPUS)('renders nothing dangerous from %j in any field', async (input) => {
    const title = oneLine(input).slice(0, 200);
    const page = await createDoc(member, group, {
      title,
      body: `${input}\n\n> ${input}\n\n- [ ] ${input}\n\n| ${input} |\n|---|\n| ${input} |\n\n[[${title}]]`,
      tags: [oneLine(input).slice(0, 40)],
    });
    expect(findHtmlDangers(page.bodyHtml)).toEqual([]);
    // Titles and tags are plain text: returned exactly, never as markup.
    expect(page.title).toBe(title);
    expect(page.tags).toEqual([oneLine(input).slice(0, 40).trim().toLowerCase().replace(/\s+/g, ' ')]);

    const linking = await createDoc(member, group, { title: `Links to ${Math.random()}`, body: `See [[${title}]]` });
    // Brackets cannot be part of a wiki-link title; every other title resolves.
    if (!/[[\]]/.test(title)) expect(linking.bodyHtml).toContain('class="wikilink"');
    expect(findHtmlDangers(linking.bodyHtml)).toEqual([]);

    const summary = await createDoc(facilitator, group, {
      kind: 'meeting_summary',
      title,
      decisions: [input],
      actionItems: [{ description: input, ownerUserId: member.id }],
    });
    for (const html of summary.decisionsHtml!) expect(findHtmlDangers(html)).toEqual([]);
    expect(summary.actionItems![0].description).toBe(input.trim());

    const preview = await member.api.post<{ html: string }>('/api/markdown/preview', {
      source: `${input}\n\n[[${title}]]`,
      groupId: group.id,
    });
    expect(findHtmlDangers(preview.body.html)).toEqual([]);
  });

  it('returns hostile display names as plain text only', async () => {
    for (const input of XSS_CORPUS.slice(0, 6)) {
      const person = await world.createPerson({ displayName: oneLine(input).slice(0, 100) });
      await world.addMember(group, person, 'member');
      const page = await createDoc(person, group, { title: 'By a hostile name', body: 'x' });
      expect((page.author as { displayName: string }).displayName).toBe(oneLine(input).slice(0, 100));
      expect(findHtmlDangers(page.bodyHtml)).toEqual([]);
    }
  });

  it('renders the markdown-it ReDoS pattern (CVE-2022-21670) and 10,000 nested quotes through the API', async () => {
    const inputs = [
      '>'.repeat(10_000) + ' deep',
      '_'.repeat(50_000) + '\n' + '*'.repeat(50_000),
      'a' + ' '.repeat(100_000) + 'b\n',
      '[['.repeat(20_000),
    ];
    for (const body of inputs) {
      // Timing lives in bench/render.ts; here the server must answer, and answer safely.
      const doc = await createDoc(member, group, { title: 'Pathological', body });
      expect(findHtmlDangers(doc.bodyHtml)).toEqual([]);
      const preview = await member.api.post<{ html: string }>('/api/markdown/preview', { source: body });
      expect(preview.status).toBe(200);
    }
  });

  describe('uploads and downloads', () => {
    it('stores the sniffed type, not the claimed one, and serves files as nosniff attachments', async () => {
      const file = await upload(
        member,
        world.app.url,
        group.id,
        "Informe hidrógeno 2026 (l'última).pdf",
        PDF,
        'text/html',
      );
      expect(file.status).toBe(201);
      expect(file.body).toMatchObject({
        contentType: 'application/pdf',
        fileName: "Informe hidrógeno 2026 (l'última).pdf",
      });
      await createDoc(member, group, { kind: 'resource', title: 'Hydrogen report', fileId: file.body.id });
      const res = await fetch(`${world.app.url}/api/files/${file.body.id}`, {
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
      expect(decodeURIComponent(disposition.split("''")[1])).toBe("Informe hidrógeno 2026 (l'última).pdf");
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    });

    it('does not serve a file attached to someone else’s draft', async () => {
      const file = await upload(member, world.app.url, group.id, 'draft.pdf', PDF);
      await createDoc(member, group, {
        kind: 'resource',
        title: 'Draft resource',
        fileId: file.body.id,
        status: 'draft',
      });
      expect((await other.api.get(`/api/files/${file.body.id}`)).status).toBe(404);
      expect((await member.api.get(`/api/files/${file.body.id}`)).status).toBe(200);
      expect((await facilitator.api.get(`/api/files/${file.body.id}`)).status).toBe(200);
      const stolen = await other.api.post(`/api/groups/${group.id}/documents`, {
        kind: 'resource',
        title: 'Borrowed',
        fileId: file.body.id,
      });
      expect(stolen.status).toBe(400);
    });

    it.each([
      [
        'an SVG (script-capable image)',
        'logo.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        415,
      ],
      ['HTML', 'page.html', Buffer.from('<!doctype html><script>alert(1)</script>'), 415],
      ['a PDF named .html', 'report.html', PDF, 415],
      ['a plain zip', 'archive.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]), 415],
      ['an empty file', 'empty.pdf', Buffer.alloc(0), 415],
      ['a path', '../../etc/passwd.pdf', PDF, 400],
      ['a Windows path', '..\\secret.pdf', PDF, 400],
      ['a hidden file', '.htaccess', PDF, 400],
      ['a bidi override', 'evil\u202Efdp.pdf', PDF, 400],
    ])('refuses %s with a clear 4xx', async (_name, fileName, bytes, status) => {
      const res = await upload(member, world.app.url, group.id, fileName, bytes);
      expect(res.status).toBe(status);
      expect((res.body as unknown as { error: { message: string } }).error.message).toBeTruthy();
    });

    it.each([
      ['NUL', 'a\u0000b.pdf'],
      ['a control character', 'a\u0007b.pdf'],
      ['an escape sequence', 'a\u001b[31mb.pdf'],
    ])('refuses a file name with %s, sent byte for byte', async (_name, fileName) => {
      const res = await uploadRaw(member, world.app.url, group.id, fileName, PDF);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it('refuses a file over 25 MB with 413 and keeps nothing', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024 + 1 - PDF.length)]);
      const res = await upload(member, world.app.url, group.id, 'huge.pdf', big);
      expect(res.status).toBe(413);
    });

    it('refuses a request that is not multipart', async () => {
      const res = await member.api.post(`/api/groups/${group.id}/files`, { file: 'x' });
      expect(res.status).toBe(415);
    });
  });
});
