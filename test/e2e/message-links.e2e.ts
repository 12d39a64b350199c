import { Page } from 'playwright-core';
import type { ChannelView } from '../../src/contract';
import { Api } from '../support/http';
import { SocketClient } from '../support/socket';
import { DEMO_PASSWORD, login, newPerson, shot } from './support/browser';
import { api, demoInBrowser } from './support/demo-app';

/**
 * Links to a message (`…/channels/:id?seq=N`, as mention notifications and search hits make
 * them) open the channel at that message, even when it is older than the latest page; every
 * message has a "Copy link" that gives such a link.
 */
(api.channels ? describe : describe.skip)('links to a message', () => {
  const suite = demoInBrowser();
  let channel: ChannelView;
  let oldSeq = 0;
  const marker = `Linked decision ${Date.now()}`;

  beforeAll(async () => {
    const http = new Api(suite.demo.url);
    const login = await http.post<{ token: string }>('/api/auth/login', {
      email: 'ane@energy.demo',
      password: DEMO_PASSWORD,
    });
    const ane = http.as({ token: login.body.token });
    const channels = await ane.get<ChannelView[]>(`/api/groups/${suite.demo.groups.techWatch}/channels`);
    channel = channels.body.find((c) => c.name === 'ci-radar')!;
    // The linked message, then 120 more: it is far older than the page a channel opens with.
    const socket = await SocketClient.connect(suite.demo.url, login.body.token);
    oldSeq = (await socket.post(channel.id, marker)).seq;
    for (let i = 1; i <= 120; i++) {
      await socket.post(channel.id, `Filler ${i}`);
      await new Promise((r) => setTimeout(r, 40)); // under the socket's 30 events a second
    }
    socket.close();
  });

  const linked = (page: Page) => page.locator(`#msg-${oldSeq}`);

  const opensAtTheMessage = async (page: Page, name: string) => {
    await page.goto(`/groups/${suite.demo.groups.techWatch}/channels/${channel.id}?seq=${oldSeq}`);
    await linked(page).waitFor({ timeout: 10_000 });
    expect(await linked(page).locator('.message-body').textContent()).toContain(marker);
    await page.locator(`#msg-${oldSeq}.linked`).waitFor();
    // Scrolled into view inside the message list.
    const inView = await linked(page).evaluate((el) => {
      const list = el.closest('.message-list')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= list.top && r.bottom <= list.bottom;
    });
    expect(inView).toBe(true);
    await shot(page, name);
  };

  it('opens an old message from its link on a desktop, highlighted and in view', async () => {
    const ane = await newPerson(suite.browser, suite.demo.url);
    await login(ane.page, 'ane@energy.demo');
    await opensAtTheMessage(ane.page, 'message-link');
    // The newest messages are still reachable: the history between is loaded, with no gap.
    await ane.page.locator('.message-body', { hasText: 'Filler 120' }).waitFor({ state: 'attached' });
    expect(ane.errors).toEqual([]);
    await ane.context.close();
  });

  it('opens it on a phone too', async () => {
    const jon = await newPerson(suite.browser, suite.demo.url, { width: 375, height: 740 });
    await login(jon.page, 'jon@agency.demo');
    await opensAtTheMessage(jon.page, 'message-link-phone');
    expect(jon.errors).toEqual([]);
    await jon.context.close();
  });

  (api.search ? it : it.skip)('a message search hit opens the channel at that message', async () => {
    const ane = await newPerson(suite.browser, suite.demo.url);
    await login(ane.page, 'ane@energy.demo');
    const hit = ane.page.locator('.hit a');
    // The search index catches up through the outbox: ask again until the message is found.
    for (let i = 0; i < 15; i++) {
      await ane.page.goto(`/search?q=${encodeURIComponent(marker)}`);
      await ane.page.locator('.hits, .state-empty').first().waitFor();
      if (await ane.page.locator('.hit').count()) break;
      await ane.page.waitForTimeout(2000);
    }
    await hit.first().click();
    await ane.page.locator(`#msg-${oldSeq}.linked`).waitFor();
    expect(new URL(ane.page.url()).search).toBe(`?seq=${oldSeq}`);
    expect(ane.errors).toEqual([]);
    await ane.context.close();
  });

  it('copies a link to a message that opens it', async () => {
    const ane = await newPerson(suite.browser, suite.demo.url);
    await ane.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.demo.url });
    await login(ane.page, 'ane@energy.demo');
    await ane.page.goto(`/groups/${suite.demo.groups.techWatch}/channels/${channel.id}`);
    const last = ane.page.locator('.message-list article.message', { hasText: 'Filler 120' });
    await last.hover();
    await last.getByTestId('copy-link').click();
    await ane.page.getByText('Link copied').waitFor();
    const copied = await ane.page.evaluate<string>('navigator.clipboard.readText()');
    const seq = await last.getAttribute('data-seq');
    expect(copied).toBe(`${suite.demo.url}/groups/${suite.demo.groups.techWatch}/channels/${channel.id}?seq=${seq}`);
    expect(ane.errors).toEqual([]);
    await ane.context.close();
  });
});
