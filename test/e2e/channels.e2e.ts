import { login, newPerson, shot } from './support/browser';
import { api, demoInBrowser } from './support/demo-app';

/** Needs the channels API and socket gateway (issue 3); skipped on a build without them. */
(api.channels ? describe : describe.skip)('chatting in a channel, in two browsers', () => {
  const suite = demoInBrowser();

  it('two members chat in realtime, reply in a thread and react', async () => {
    const ane = await newPerson(suite.browser, suite.demo.url);
    const jon = await newPerson(suite.browser, suite.demo.url);
    await Promise.all([login(ane.page, 'ane@energy.demo'), login(jon.page, 'jon@agency.demo')]);
    const general = `/groups/${suite.demo.groups.techWatch}/channels`;
    await Promise.all([ane.page.goto(general), jon.page.goto(general)]);
    await Promise.all([ane.page.getByTestId('composer').waitFor(), jon.page.getByTestId('composer').waitFor()]);

    // Ane writes; the message shows at once for her and arrives live for Jon.
    const text = `Kaixo! Has anyone seen the new electrolyser tender? ${Date.now()}`;
    await ane.page.getByTestId('composer').fill(text);
    await ane.page.keyboard.press('Enter');
    await ane.page.locator('.message-body', { hasText: text }).waitFor();
    const onJon = jon.page.locator('.message-list article.message', { hasText: text });
    await onJon.waitFor();
    expect(await onJon.locator('.org').textContent()).toBe('Energy');

    // Shift+Enter makes a new line instead of sending.
    await jon.page.getByTestId('composer').fill('line one');
    await jon.page.keyboard.press('Shift+Enter');
    await jon.page.keyboard.type('line two');
    expect(await jon.page.getByTestId('composer').inputValue()).toBe('line one\nline two');
    await jon.page.getByTestId('composer').fill('');

    // Jon replies in a thread; Ane sees the reply count on the root.
    await onJon.hover();
    await onJon.getByTestId('reply').click();
    const thread = jon.page.locator('.thread-panel');
    await thread.getByTestId('composer').fill('Yes, deadline is next month.');
    await thread.getByTestId('composer').press('Enter');
    await thread.locator('.message-body', { hasText: 'deadline is next month' }).waitFor();
    await ane.page.locator('.message-list article.message', { hasText: text }).getByTestId('replies').waitFor();

    // Jon reacts; Ane sees the reaction with its count.
    await onJon.hover();
    await onJon.getByTestId('react').click();
    await onJon.getByTestId('react-👍').click();
    const reaction = ane.page.locator('.message-list article.message', { hasText: text }).getByTestId('reaction');
    await reaction.waitFor();
    expect(await reaction.textContent()).toContain('1');

    await shot(ane.page, 'channel');
    await shot(jon.page, 'thread');
    expect([...ane.errors, ...jon.errors]).toEqual([]);
    await Promise.all([ane.context.close(), jon.context.close()]);
  });

  it('shows an offline banner, then fills the gap after reconnecting', async () => {
    const ane = await newPerson(suite.browser, suite.demo.url);
    const jon = await newPerson(suite.browser, suite.demo.url);
    await Promise.all([login(ane.page, 'ane@energy.demo'), login(jon.page, 'jon@agency.demo')]);
    const ciRadar = async (page: typeof ane.page) => {
      await page.goto(`/groups/${suite.demo.groups.techWatch}/channels`);
      await page.locator('.channel-list a', { hasText: 'ci-radar' }).click();
      await page.getByTestId('composer').waitFor();
    };
    await ciRadar(ane.page);
    await ciRadar(jon.page);

    await ane.context.setOffline(true);
    await ane.page.locator('.offline-banner').waitFor();
    for (const n of [1, 2, 3]) {
      await jon.page.getByTestId('composer').fill(`Signal ${n} while Ane is away`);
      await jon.page.keyboard.press('Enter');
      await jon.page.locator('.message-list .message-body', { hasText: `Signal ${n} while Ane is away` }).waitFor();
    }
    await ane.context.setOffline(false);
    await ane.page.locator('.offline-banner').waitFor({ state: 'detached' });
    for (const n of [1, 2, 3]) {
      await ane.page.locator('.message-list .message-body', { hasText: `Signal ${n} while Ane is away` }).waitFor();
    }
    const seqs = await ane.page
      .locator('.message-list article.message')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...ane.errors, ...jon.errors]).toEqual([]);
    await Promise.all([ane.context.close(), jon.context.close()]);
  });
});
