import { Browser } from 'playwright-core';
import { launch, login, newPerson, shot } from './support/browser';
import { api, DemoApp } from './support/demo-app';

/**
 * Mentions by display name: the composer's autocomplete inserts a token the server resolves to
 * the member, shown to everyone as a highlighted chip with the name; the email never appears.
 */
(api.channels ? describe : describe.skip)('mentioning a member', () => {
  let demo: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([DemoApp.start(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (demo) expect(await demo.close()).toEqual([]);
  });

  it('counts one mention in the singular, in each language', async () => {
    // The demo mentions Ane once in tech-watch's general.
    for (const [locale, text] of [
      ['en-GB', '1 mention'],
      ['es-ES', '1 mención'],
      ['eu-ES', 'Aipamen 1'],
    ] as const) {
      const ane = await newPerson(browser, demo.url, { locale });
      await login(ane.page, 'ane@energy.demo');
      await ane.page.goto('/');
      const badge = ane.page.locator('.group-card .badge-alert').first();
      await badge.waitFor();
      expect([locale, await badge.textContent()]).toEqual([locale, text]);
      await ane.context.close();
    }
  });

  it('Jon mentions Ane by name; she and he see a chip with her name, never her email', async () => {
    const jon = await newPerson(browser, demo.url);
    const ane = await newPerson(browser, demo.url, { width: 375, height: 740 });
    await Promise.all([login(jon.page, 'jon@agency.demo'), login(ane.page, 'ane@energy.demo')]);
    const general = `/groups/${demo.groups.techWatch}/channels`;
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
