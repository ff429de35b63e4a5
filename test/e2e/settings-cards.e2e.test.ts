// The settings cards that save on their own with the supervisor PIN (customer side, updates, POS API,
// store sync) all answer the same way: a wrong PIN stays in the dialog to try again, a value the core
// refuses closes it and is said on the card, a save that went through says so on the card.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { OWNER_PIN, openTillSession, type TillSession } from './harness.ts';

async function confirmPin(page: Page, pin: string): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Supervisor PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  return dialog;
}

describe('settings cards saved with the supervisor PIN', () => {
  let session: TillSession | undefined;
  let till: Page;

  before(async () => {
    session = await openTillSession({ tillHeight: 860 });
    till = session.till;
    await till.getByRole('button', { name: 'Settings', exact: true }).click();
    await till.getByRole('heading', { name: 'Settings' }).waitFor();
  });

  after(async () => {
    await session?.close();
  });

  it('customer side: a wrong PIN stays in the dialog; the right one says saved; a change clears it', async () => {
    const card = till.getByTestId('customer-side-settings');
    const speak = card.getByRole('checkbox', { name: 'Say “paid” aloud (and refunds)' });
    const before = await speak.isChecked();
    await speak.click();
    await card.getByRole('button', { name: 'Save customer side' }).click();
    const dialog = await confirmPin(till, '9999');
    await dialog.getByRole('alert').filter({ hasText: 'Wrong supervisor PIN' }).waitFor();
    assert.equal(await dialog.getByLabel('Supervisor PIN').inputValue(), '', 'the wrong PIN is cleared');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await card.getByRole('status').count(), 0);
    assert.equal(await card.getByRole('alert').count(), 0, 'a wrong PIN is the dialog’s, not the card’s');

    await card.getByRole('button', { name: 'Save customer side' }).click();
    await confirmPin(till, OWNER_PIN);
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    assert.equal(await card.getByRole('alert').count(), 0);

    await speak.click();
    assert.equal(await speak.isChecked(), before);
    await card.getByRole('status').waitFor({ state: 'detached' });
  });

  it('updates: a feed URL the core refuses closes the dialog and is said on the card', async () => {
    const card = till.getByTestId('about-updates');
    await card.getByLabel('Update feed', { exact: false }).fill('not a web address');
    await card.getByRole('button', { name: 'Save update settings' }).click();
    const dialog = await confirmPin(till, OWNER_PIN);
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('alert').waitFor();
    assert.equal(await card.getByRole('status').count(), 0);

    await card.getByLabel('Update feed', { exact: false }).fill('https://updates.example.com/till/');
    await card.getByRole('button', { name: 'Save update settings' }).click();
    await confirmPin(till, OWNER_PIN);
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    assert.equal(await card.getByRole('alert').count(), 0, 'a save that went through clears the refusal');
  });

  it('POS API: the key is taken with the PIN, said on the card, and the field emptied', async () => {
    const card = till.locator('fieldset.pos-api-settings');
    const key = card.getByLabel('New POS API key (16 characters or more)');
    await key.fill('a-pos-api-key-of-enough-length');
    await card.getByRole('button', { name: 'Set POS API key' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Set POS API key' }).waitFor();
    await confirmPin(till, OWNER_PIN);
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('status').filter({ hasText: 'POS API key saved' }).waitFor();
    assert.equal(await key.inputValue(), '');
  });

  it('store sync: a refused URL closes the dialog and is said on the card', async () => {
    const card = till.locator('fieldset.store-sync');
    await card.getByLabel('PostgreSQL URL (without the password)').fill('http://not-postgres.example/');
    await card.getByRole('button', { name: 'Save store sync' }).click();
    const dialog = await confirmPin(till, OWNER_PIN);
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('alert').waitFor();
    assert.equal(await card.getByRole('status').count(), 0);
  });
});
