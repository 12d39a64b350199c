import { login, newPerson, shot } from './support/browser';
import { demoInBrowser } from './support/demo-app';

/** A page expression (the test's tsconfig has no DOM types): the select shows this value. */
const selectShows = (selector: string, value: string): string =>
  `document.querySelector(${JSON.stringify(selector)})?.value === ${JSON.stringify(value)}`;

/**
 * The admin area as an administrator uses it: organisations, people and working groups, each
 * listed and created from its own form; a member is told the page is not for them.
 */
describe('The admin area in a browser', () => {
  const suite = demoInBrowser();

  it('lets the admin add an organisation, invite a person into it and change their role and status', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'admin@agency.demo');
    await page.goto('/admin');
    await page.waitForURL('**/admin/organisations');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Energy' }).first().waitFor();

    await page.selectOption('#org-kind', 'academia');
    await page.fill('#org-name', 'Mondragon Goi Eskola Politeknikoa');
    await page.fill('#org-short', 'MGEP');
    await page.fill('#org-sector', 'Engineering');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created.').waitFor();
    const org = page.getByRole('row').filter({ hasText: 'Mondragon Goi Eskola Politeknikoa' });
    await org.waitFor();
    expect(await org.textContent()).toContain('Academia');
    expect(await org.textContent()).toContain('Engineering');
    // The form is emptied for the next one, keeping the kind chosen.
    expect(await page.inputValue('#org-name')).toBe('');
    expect(await page.inputValue('#org-kind')).toBe('academia');
    await shot(page, 'admin-organisations');

    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL('**/admin/people');
    await page.fill('#p-email', 'miren@mgep.demo');
    await page.fill('#p-name', 'Miren Arrieta');
    await page.fill('#p-password', 'miren-password');
    await page.locator('#p-org').selectOption({ label: 'MGEP' });
    await page.selectOption('#p-locale', 'en');
    await page.locator('form.form-card').getByRole('button', { name: 'Invite a person' }).click();
    const miren = page.getByRole('row').filter({ hasText: 'Miren Arrieta' });
    await miren.waitFor();
    expect(await miren.textContent()).toContain('MGEP');
    expect(await page.inputValue('#p-email')).toBe('');

    // The select shows the server's value: it reads "admin" once the list is fetched again.
    const role = 'select[aria-label="Platform role: Miren Arrieta"]';
    await page.selectOption(role, 'admin');
    await page.waitForFunction(selectShows(role, 'admin'));
    await miren.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await miren.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect(await miren.getAttribute('class')).toBe('inactive');
    await miren.getByRole('button', { name: 'Activate', exact: true }).click();
    await miren.getByRole('button', { name: 'Deactivate', exact: true }).waitFor();
    expect(await page.inputValue(role)).toBe('admin');
    expect(errors).toEqual([]);
    await context.close();

    // The invited person signs in with the initial password, in the language chosen for her.
    const miren2 = await newPerson(suite.browser, suite.demo.url);
    await login(miren2.page, 'miren@mgep.demo', 'miren-password');
    await miren2.page.getByRole('link', { name: 'Admin', exact: true }).waitFor();
    expect(miren2.errors).toEqual([]);
    await miren2.context.close();
  });

  it('lets the admin create a working group, change its visibility and reach its members', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'admin@agency.demo');
    await page.goto('/admin/groups');
    await page.getByRole('row').filter({ hasText: 'Technology Watch' }).waitFor();
    await page.fill('#g-name', 'Circular Economy');
    await page.fill('#g-slug', 'circular-economy');
    await page.selectOption('#g-vis', 'private');
    await page.fill('#g-desc', 'Shared work on circularity.');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Circular Economy' });
    await row.waitFor();
    expect(await page.inputValue('select[aria-label="Visibility: Circular Economy"]')).toBe('private');
    expect(await page.inputValue('#g-name')).toBe('');

    const visibility = 'select[aria-label="Visibility: Technology Watch & Competitive Intelligence"]';
    await page.selectOption(visibility, 'private');
    await page.waitForFunction(selectShows(visibility, 'private'));
    await shot(page, 'admin-groups');

    await page
      .getByRole('row')
      .filter({ hasText: 'Technology Watch' })
      .getByRole('link', { name: /^Members/ })
      .click();
    await page.waitForURL(`**/groups/${suite.demo.groups.techWatch}/members`);
    await page.getByRole('row').filter({ hasText: 'Jon Goikoetxea' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells a member the page is for administrators only', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'ane@energy.demo');
    await page.goto('/admin/people');
    await page.getByText('Only administrators can see this page.').waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
