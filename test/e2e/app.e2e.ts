import { login, newPerson, shot } from './support/browser';
import { api, demoInBrowser } from './support/demo-app';

/**
 * The web client as people use it today: sign-in, home, a group and its members, roles
 * (observer, non-member), language and a phone. Demo logins (see src/demo).
 */
describe('Auzolan in a browser', () => {
  const suite = demoInBrowser();

  it('refuses a wrong password with a clear message, then signs in and shows my groups', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await page.goto('/');
    await page.waitForURL('**/login');
    await shot(page, 'login');
    await page.fill('#login-email', 'ane@energy.demo');
    await page.fill('#login-password', 'not-the-password');
    await page.click('form.login-card button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

    await page.fill('#login-password', 'auzolan-demo');
    await page.click('form.login-card button[type=submit]');
    await page.getByRole('heading', { name: 'My working groups' }).waitFor();
    const cards = page.locator('.group-card h3');
    await cards.first().waitFor();
    // Ane (Energy) takes part in Technology Watch and Evaluation, not in Talent.
    expect((await cards.allTextContents()).sort()).toEqual([
      'Evaluation',
      'Technology Watch & Competitive Intelligence',
    ]);
    await shot(page, 'home');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a working group with its tabs, and lists members with organisation and role', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'ane@energy.demo');
    await page.click('.group-card a:has-text("Technology Watch")');
    await page.waitForURL(`**/groups/${suite.demo.groups.techWatch}/channels**`);
    for (const tab of ['Channels', 'Knowledge', 'Action items', 'Members']) {
      await page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: tab }).waitFor();
    }
    await page.getByRole('link', { name: 'Members' }).click();
    const jon = page.getByRole('row').filter({ hasText: 'Jon Goikoetxea' });
    await jon.waitFor();
    expect(await jon.textContent()).toContain('Facilitator');
    expect(await page.getByRole('row').filter({ hasText: 'Ane Etxeberria' }).textContent()).toContain('Energy');
    // A member cannot change roles: no role selects, no remove buttons.
    expect(await page.locator('table select').count()).toBe(0);
    await shot(page, 'members');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives an observer no composer in a channel', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'nerea@agency.demo');
    await page.goto(`/groups/${suite.demo.groups.techWatch}/channels`);
    await page.getByTestId('observer-note').waitFor();
    if (api.channels) await page.locator('.message-list').waitFor();
    expect(await page.getByTestId('composer').count()).toBe(0);
    expect(await page.locator('textarea').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers Join only where the server allows it: a newcomer of an open group joins, an observer is not offered it', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'ane@energy.demo'); // not in Talent, an open group
    await page.goto(`/groups/${suite.demo.groups.talent}/members`);
    const join = page.getByRole('button', { name: 'Join as a member' });
    await join.click();
    await page
      .locator('.group-head .chip')
      .filter({ hasText: /^Member$/ })
      .waitFor();
    await join.waitFor({ state: 'detached' });
    await context.close();

    const observer = await newPerson(suite.browser, suite.demo.url);
    await login(observer.page, 'nerea@agency.demo'); // observer in every group: roles come from facilitators
    await observer.page.goto(`/groups/${suite.demo.groups.talent}/members`);
    await observer.page.locator('.group-head h1').waitFor(); // in Basque, her language: no text to match
    expect(await observer.page.getByTestId('join-group').count()).toBe(0);
    expect([...errors, ...observer.errors]).toEqual([]);
    await observer.context.close();
  });

  it("shows a not-found page to a non-member who opens a private group's URL", async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'jon@agency.demo'); // facilitator of Technology Watch, not in Evaluation
    await page.goto(`/groups/${suite.demo.groups.evaluation}`);
    await page.locator('.not-found h1').waitFor();
    expect(await page.locator('h1').allTextContents()).not.toContain('Evaluation');
    expect(await page.locator('.tabs').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the interface to Basque from the menu, and keeps it after a reload', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'unai@aerospace.demo'); // English by default; the choice is saved on his profile
    await page.getByRole('link', { name: 'Home', exact: true }).waitFor();
    await page.getByTestId('account-menu').click();
    await page.selectOption('#menu-language', 'eu');
    await page.getByRole('link', { name: 'Hasiera', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Nire lan-taldeak' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('eu');
    await shot(page, 'home-basque');
    await page.reload();
    await page.getByRole('heading', { name: 'Nire lan-taldeak' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable on a 375 px phone: the channel view fits the width', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url, { width: 375, height: 740 });
    await login(page, 'jon@agency.demo');
    await page.goto(`/groups/${suite.demo.groups.techWatch}/channels`);
    await page.locator('.channel-sidebar').waitFor();
    if (api.channels) {
      await page.getByTestId('composer').waitFor();
      await page.getByTestId('composer').fill('Kaixo from my phone');
      await page.keyboard.press('Enter');
      await page.locator('.message-body', { hasText: 'Kaixo from my phone' }).waitFor();
    }
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'phone-channel');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps what I was writing when the session expires, and signs me back in where I was', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'ane@energy.demo');
    await page.goto(`/groups/${suite.demo.groups.techWatch}/knowledge/new?kind=page`);
    await page.fill('#doc-title', 'Hydrogen valleys: who is doing what');
    await page.fill('#doc-body', 'A draft that must survive an expired session.');
    // The session ends behind the page's back (as when it expires or is revoked elsewhere);
    // the next request the page makes finds out.
    await page.evaluate(() =>
      fetch('/api/auth/logout', { method: 'POST', headers: { 'x-requested-with': 'auzolan' } }),
    );
    await page.evaluate(`document.querySelector('.tabs a[href$="/members"]')?.click()`);
    await page.waitForURL('**/login?expired=1**');
    await page.getByText('Your session has expired').waitFor();
    await page.fill('#login-email', 'ane@energy.demo');
    await page.fill('#login-password', 'auzolan-demo');
    await page.click('form.login-card button[type=submit]');
    // Back where the session ended.
    await page.waitForURL(`**/groups/${suite.demo.groups.techWatch}/**`);
    await page.goto(`/groups/${suite.demo.groups.techWatch}/knowledge/new?kind=page`);
    expect(await page.inputValue('#doc-title')).toBe('Hydrogen valleys: who is doing what');
    expect(await page.inputValue('#doc-body')).toBe('A draft that must survive an expired session.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs out from the account menu', async () => {
    const { page, context } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'ane@energy.demo');
    await page.getByTestId('account-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto('/');
    await page.waitForURL('**/login');
    await context.close();
  });
});
