import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { login, newPerson, shot, SHOT_DIR } from './support/browser';
import { demoInBrowser } from './support/demo-app';

const DOCS_SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

/** Issue 8: answer a survey on a phone, then read the figures, the chart and a CSV as the admin. */
describe('evaluation in a browser', () => {
  const suite = demoInBrowser();

  const keep = (name: string) => {
    mkdirSync(DOCS_SHOTS, { recursive: true });
    copyFileSync(join(SHOT_DIR, `${name}.png`), join(DOCS_SHOTS, `${name}.png`));
  };

  it("a member answers the open User's Voice on a phone, then sees it saved after a reload", async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url, { width: 375, height: 812 });
    await login(page, 'ane@energy.demo');
    // On a phone the top bar keeps only Home and Search; the account menu carries Surveys.
    await page.getByTestId('account-menu').click();
    await page.locator('.menu-links').getByRole('link', { name: 'Surveys' }).click();
    await page.getByTestId('open-survey').filter({ hasText: "User's Voice" }).click();
    await page.getByRole('radio', { name: '5 out of 5' }).click();
    await page.getByLabel('Funding advice').check();
    await page.getByLabel('Working groups').check();
    await page.getByRole('textbox').fill('Más visitas a las asociaciones, por favor');
    // Fits a 375 px phone: no horizontal scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByTestId('survey-saved').waitFor();
    await page.screenshot({ path: join(SHOT_DIR, 'survey-phone.png'), fullPage: true });
    keep('survey-phone');

    await page.reload();
    await page.getByTestId('already-answered').waitFor();
    expect(await page.getByRole('radio', { name: '5 out of 5' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('textbox').inputValue()).toBe('Más visitas a las asociaciones, por favor');
    await page.getByRole('button', { name: 'Update my answers' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a member gets a clear "not allowed" on the Evaluation page', async () => {
    const { page, context } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'ane@energy.demo');
    await page.goto('/evaluation');
    await page.getByTestId('not-allowed').first().waitFor();
    await context.close();
  });

  it("the admin sees the seed's figures and the heat map, and downloads CSVs with a BOM and accents", async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url);
    await login(page, 'admin@agency.demo');
    await page.getByRole('link', { name: 'Evaluation' }).click();
    const headlines = page.getByTestId('participation-headlines');
    await headlines.getByText('12 of 17 associations participate in Technology Watch').waitFor();
    await headlines.getByText('17 of 17 associations participate in Evaluation').waitFor();
    await page
      .getByTestId('satisfaction-headline')
      .filter({ hasText: /^90% rated Cluster Day/ })
      .waitFor();
    // The chart library drew the heat map (SVG renderer): rectangles with the numbers as labels.
    await page.locator('[data-testid=chart] svg').first().waitFor();
    expect(await page.locator('[data-testid=chart] svg path, [data-testid=chart] svg rect').count()).toBeGreaterThan(
      17,
    );
    await shot(page, 'evaluation');
    keep('evaluation');

    const download = async (link: ReturnType<typeof page.locator>) => {
      const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const chunks: Buffer[] = [];
      for await (const c of (await file.createReadStream())!) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    const groupsCsv = await download(page.getByTestId('csv-link').first());
    expect([...groupsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(groupsCsv.toString('utf8')).toContain('Technology Watch & Competitive Intelligence,17,12,');

    // The User's Voice wave Ane just answered: her accented free text survives the CSV.
    const usersVoice = page.locator('.survey-card', { hasText: "User's Voice" });
    await usersVoice.getByTestId('wave-link').last().click();
    await page.getByTestId('questions-table').waitFor();
    await page.locator('[data-testid=chart] svg').first().waitFor();
    const freeText = await download(
      page
        .locator('#free-title ~ [data-testid=csv-link], .chart-block-head:has(#free-title) [data-testid=csv-link]')
        .first(),
    );
    expect([...freeText.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(freeText.toString('utf8')).toContain('Más visitas a las asociaciones, por favor');
    await shot(page, 'evaluation-wave');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a member registers for the upcoming tech-watch meeting and cancels', async () => {
    const { page, context, errors } = await newPerson(suite.browser, suite.demo.url, { width: 375, height: 812 });
    await login(page, 'ane@energy.demo');
    await page.goto('/events');
    await page.getByTestId('event-link').filter({ hasText: 'radar review' }).click();
    await page.getByTestId('registration-state').filter({ hasText: 'You are not registered.' }).waitFor();
    await page.getByTestId('registration-toggle').click();
    await page.getByTestId('registration-state').filter({ hasText: 'You are registered.' }).waitFor();
    await page.getByTestId('registration-toggle').click();
    await page.getByTestId('registration-state').filter({ hasText: 'You are not registered.' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
