import { Page } from 'playwright-core';
import { login, newPerson, shot } from './support/browser';
import { api, demoInBrowser } from './support/demo-app';

const PHONE = { width: 375, height: 740 };

/** A same-origin JSON request from the signed-in page (the test's tsconfig has no DOM types). */
function request<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-requested-with': 'auzolan' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    [method, path, body] as const,
  ) as Promise<{ status: number; body: T }>;
}

/**
 * Issue 14, the everyday flows that broke in the first week: the first member of a new group,
 * notifications that stay read, templates that keep what was typed, the duplicate-source warning.
 */
describe('everyday flows in a browser', () => {
  const suite = demoInBrowser();

  it('lets the admin add the first member to a new, empty group', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'admin@agency.demo');
    const created = await request<{ id: string }>(page, 'POST', '/api/groups', {
      slug: 'first-member',
      name: 'First Member Group',
      visibility: 'private',
    });
    expect(created.status).toBe(201);
    await page.goto(`/groups/${created.body.id}/members`);
    await page.getByText('No members yet.').waitFor();
    const person = page.locator('#add-member-user');
    await person.waitFor();
    const ane = await person.locator('option', { hasText: 'Ane' }).first().getAttribute('value');
    await person.selectOption(ane!);
    await page.selectOption('#add-member-role', 'facilitator');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Ane' });
    await row.waitFor();
    expect(await row.getByRole('combobox').inputValue()).toBe('facilitator');
    await shot(page, 'members-first');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [name, size] of [
    ['desktop', {}],
    ['phone', PHONE],
  ] as const) {
    it(`keeps notifications read after "Mark all read" and a reload (${name})`, async () => {
      const { page, context, errors } = await newPerson(suite.browser, suite.demo.url, size);
      // Ane is mentioned in the demo's conversations; the phone leg gets a fresh one to read.
      await login(page, 'ane@energy.demo');
      if (name === 'phone') {
        const jon = await newPerson(suite.browser, suite.demo.url);
        await login(jon.page, 'jon@agency.demo');
        const doc = await request<{ id: string }>(
          jon.page,
          'POST',
          `/api/groups/${suite.demo.groups.techWatch}/documents`,
          {
            kind: 'page',
            title: 'Radar for the phone',
            body: 'Signals.',
            status: 'published',
          },
        );
        expect(doc.status).toBe(201);
        await jon.context.close();
        await page.reload();
      }
      const before = await request<{ unreadCount: number }>(page, 'GET', '/api/notifications');
      expect(before.body.unreadCount).toBeGreaterThan(0);
      await page.getByTestId('bell-count').waitFor();
      await page.getByTestId('bell').click();
      await page.locator('.notification.unread').first().waitFor();
      // The panel fits the screen (on a phone it used to run off the left edge).
      const box = (await page.locator('.menu-panel-wide').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size === PHONE ? PHONE.width : 1280);
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByTestId('bell-count').waitFor({ state: 'detached' });
      expect(await page.locator('.notification.unread').count()).toBe(0);

      await page.reload();
      await page.getByTestId('bell').click();
      await page.locator('.notification').first().waitFor();
      expect(await page.getByTestId('bell-count').count()).toBe(0);
      expect(await page.locator('.notification.unread').count()).toBe(0);
      await shot(page, `notifications-read-${name}`);
      await page.goto('/notifications');
      await page.locator('.notification').first().waitFor();
      expect(await page.locator('.notification.unread').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  (api.documents ? describe : describe.skip)('the knowledge editor', () => {
    for (const [name, size] of [
      ['desktop', {}],
      ['phone', PHONE],
    ] as const) {
      it(`asks before a template replaces what was typed, and can insert it below (${name})`, async () => {
        const { page, context, errors } = await newPerson(suite.browser, suite.demo.url, size);
        await login(page, 'ane@energy.demo');
        await page.goto(`/groups/${suite.demo.groups.techWatch}/knowledge/new?kind=page&fresh=${name}`);
        await page.locator('#doc-template option', { hasText: 'CI note template' }).waitFor({ state: 'attached' });
        await page.fill('#doc-body', 'My own notes from the fair.');

        await page.selectOption('#doc-template', { label: 'CI note template' });
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await shot(page, `template-confirm-${name}`);
        // The keyboard reaches the choices: focus is in the dialog, Escape cancels and keeps the text.
        expect(await page.evaluate("document.activeElement?.closest('dialog')?.open === true")).toBe(true);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await page.inputValue('#doc-body')).toBe('My own notes from the fair.');

        await page.selectOption('#doc-template', { label: 'CI note template' });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Insert below' }).focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'detached' });
        const inserted = await page.inputValue('#doc-body');
        expect(inserted.startsWith('My own notes from the fair.')).toBe(true);
        expect(inserted).toContain('## Signal');
        expect(await page.inputValue('#doc-tags')).toContain('ci');

        await page.selectOption('#doc-template', { label: 'Meeting notes template' });
        await dialog.getByRole('button', { name: 'Replace' }).click();
        await dialog.waitFor({ state: 'detached' });
        const replaced = await page.inputValue('#doc-body');
        expect(replaced).toContain('## Agenda');
        expect(replaced).not.toContain('My own notes');
        expect(errors).toEqual([]);
        await context.close();
      });
    }

    it('shows the duplicate-source warning, with its link, on the page the person lands on', async () => {
      const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
      await login(page, 'ane@energy.demo');
      const first = await request<{ id: string }>(
        page,
        'POST',
        `/api/groups/${suite.demo.groups.techWatch}/documents`,
        {
          kind: 'ci_note',
          title: 'Basque port automation tender',
          body: 'A tender.',
          sourceUrl: 'https://example.org/news/port-tender',
          status: 'published',
        },
      );
      expect(first.status).toBe(201);

      await page.goto(`/groups/${suite.demo.groups.techWatch}/knowledge/new?kind=ci_note`);
      await page.fill('#doc-title', 'Port of Bilbao automates its cranes');
      await page.fill('#ci-url', 'https://example.org/news/port-tender');
      await page.fill('#doc-body', 'The same tender, seen in another newsletter.');
      await page.click('form.editor button[type=submit]');
      await page.getByRole('heading', { name: 'Port of Bilbao automates its cranes' }).waitFor();
      const warning = page.locator('.notice', { hasText: 'Basque port automation tender' });
      await warning.waitFor();
      await shot(page, 'duplicate-warning');
      await warning.getByRole('link', { name: 'Basque port automation tender' }).click();
      await page.getByRole('heading', { name: 'Basque port automation tender' }).waitFor();
      expect(page.url()).toContain(first.body.id);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
