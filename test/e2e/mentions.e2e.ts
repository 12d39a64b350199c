import { login, newPerson, shot } from './support/browser';
import { api, demoInBrowser } from './support/demo-app';

/**
 * Mentions by display name: the composer's autocomplete inserts a token the server resolves to
 * the member, shown to everyone as a highlighted chip with the name; the email never appears.
 */
(api.channels ? describe : describe.skip)('mentioning a member', () => {
  const suite = demoInBrowser();

  it('counts one mention in the singular, in each language', async () => {
    // The demo mentions Ane once in tech-watch's general. The language is the person's own.
    const ane = await newPerson(suite.browser, suite.demo.url);
    await login(ane.page, 'ane@energy.demo');
    const setLocale = (locale: string) =>
      ane.page.evaluate<number>(
        `fetch('/api/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'auzolan' }, body: JSON.stringify({ locale: '${locale}' }) }).then((r) => r.status)`,
      );
    const own = await ane.page.evaluate<string>("fetch('/api/me').then((r) => r.json()).then((b) => b.user.locale)");
    for (const [locale, text] of [
      ['en', '1 mention'],
      ['es', '1 mención'],
      ['eu', 'Aipamen 1'],
    ] as const) {
      expect(await setLocale(locale)).toBe(200);
      await ane.page.goto('/');
      const badge = ane.page.locator('.group-card .badge-alert').first();
      await badge.waitFor();
      expect([locale, await badge.textContent()]).toEqual([locale, text]);
    }
    expect(await setLocale(own)).toBe(200);
    expect(ane.errors).toEqual([]);
    await ane.context.close();
  });

  it('Jon mentions Ane by name; she and he see a chip with her name, never her email', async () => {
    const jon = await newPerson(suite.browser, suite.demo.url);
    const ane = await newPerson(suite.browser, suite.demo.url, { width: 375, height: 740 });
    await Promise.all([login(jon.page, 'jon@agency.demo'), login(ane.page, 'ane@energy.demo')]);
    const general = `/groups/${suite.demo.groups.techWatch}/channels`;
    await Promise.all([jon.page.goto(general), ane.page.goto(general)]);
    const composer = jon.page.getByTestId('composer');
    await composer.waitFor();
    await composer.fill('Thanks @An');
    await jon.page.locator('.mention-list [role=option]', { hasText: 'Ane Etxeberria' }).waitFor();
    await composer.press('Enter'); // picks the first suggestion
    expect(await composer.inputValue()).not.toContain('energy.demo');
    await composer.pressSequentially('for the tender summary');
    await composer.press('Enter');

    for (const page of [jon.page, ane.page]) {
      const message = page.locator('.message-list article.message', { hasText: 'for the tender summary' });
      await message.waitFor();
      const chip = message.locator('.message-body .mention');
      await chip.waitFor();
      expect(await chip.textContent()).toBe('@Ane Etxeberria');
      expect(await chip.getAttribute('data-user-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await message.locator('.message-body').textContent()).not.toContain('energy.demo');
    }
    await shot(jon.page, 'mention');
    await shot(ane.page, 'mention-phone');
    expect([...jon.errors, ...ane.errors]).toEqual([]);
    await Promise.all([jon.context.close(), ane.context.close()]);
  });
});
