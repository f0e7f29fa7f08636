import type { Page } from 'playwright-core';
import type { Group } from '../../../shared/domain/roles.ts';
import { givenStaff, TEST_USER_PASSWORD, type TestUser } from '../../support/local-stack.ts';

/**
 * Back-office people for the browser tests: a fresh staff member (Cognito user in `groups` and an entry
 * in the staff directory, so the intake can assign them), who signs in with TEST_USER_PASSWORD.
 */
export function givenStaffMember(groups: Group[], name = groups.join('-')): Promise<TestUser> {
  return givenStaff(groups, name);
}

/**
 * Signs a staff member in on the sign-in page (German UI). Without `path` they land where staff land
 * after signing in (/backoffice); with `path` the page is opened first and sign-in returns to it.
 */
export async function signInAsStaff(page: Page, user: { email: string }, path?: string): Promise<void> {
  await page.goto(path ?? '/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel(/^E-Mail-Adresse/).fill(user.email);
  await page.getByLabel(/^Passwort/).fill(TEST_USER_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const expected = path ?? '/backoffice';
  await page.waitForURL((url) => url.pathname + url.search === expected);
}
