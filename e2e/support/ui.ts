import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The element with this data-testid, or the input inside it (antd puts some test ids on wrappers). */
export function inputByTestId(page: Page, testId: string): Locator {
  return page.locator(`[data-testid="${testId}"]`).locator('xpath=self::input | self::textarea | .//input | .//textarea').first();
}

export async function fillByTestId(page: Page, testId: string, value: string) {
  const input = inputByTestId(page, testId);
  await input.click();
  await input.fill(value);
}

/**
 * Type into a search box and press Enter in it. Not `page.keyboard`: a drawer that has just closed
 * hands focus back to the button that opened it when its animation ends, and a slow machine can end
 * it after the fill — the Enter would then open the drawer again.
 */
export async function searchByTestId(page: Page, testId: string, value: string) {
  await fillByTestId(page, testId, value);
  await inputByTestId(page, testId).press('Enter');
}

/** Pick a department in a DepartmentTreeSelect by typing its name and clicking the match. */
export async function pickDepartment(page: Page, testId: string, name: string) {
  const select = page.locator(`[data-testid="${testId}"]`).first();
  const chosen = page.locator(`[data-testid="${testId}"]`, { hasText: name }).first();
  // The tree's data may still be refetching right after a department was created: retry the pick
  // until the select shows it, instead of sleeping.
  for (let attempt = 1; ; attempt++) {
    await select.click({ timeout: 5_000, force: attempt > 1 });
    await inputByTestId(page, testId).fill(name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: name }).first();
    await option
      .locator('.ant-select-tree-node-content-wrapper')
      .click({ timeout: 5_000 })
      .catch(() => {});
    if (
      await chosen.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (attempt === 4) throw new Error(`could not pick department "${name}" in ${testId}`);
    await page.keyboard.press('Escape');
  }
}

/** Wait until `locator` has some text containing `text` (polls; no fixed sleeps). */
export async function expectText(locator: Locator, text: string, timeout = 15_000) {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  expect(await locator.first().innerText()).toContain(text);
}

/** Let queries settle and antd animations finish before a screenshot. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(300);
}

/** 中文 / English from the header or the login page; waits for the menu to close. */
export async function switchLanguage(page: Page, lang: 'zh' | 'en') {
  await page.getByTestId('lang-switch').click();
  await page.getByTestId(`lang-${lang}`).click();
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
  if (await menu.count()) await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
}
