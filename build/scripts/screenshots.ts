// README screenshots from the real app: builds nothing itself (run `npm run build` first), starts the
// browser shell on a throw-away data dir (sandbox simulator), signs the owner in, and photographs the till's amount
// screen and the customer display showing an active-pay QR. Output: build/screenshots/{till,customer}.png
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gotoTill, launchBrowser, startShell } from '../../test/e2e/harness.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'build', 'screenshots');
mkdirSync(outDir, { recursive: true });

const shell = await startShell();
const browser = await launchBrowser();
try {
  const till = await (await browser.newContext({ viewport: { width: 1200, height: 860 } })).newPage();
  const customer = await (await browser.newContext({ viewport: { width: 800, height: 900 } })).newPage();
  await gotoTill(till, shell); // a till opens on its lock screen: the sandbox owner signs in
  await customer.goto(shell.customerUrl);
  const amount = till.getByLabel('Amount', { exact: true });
  await amount.fill('48.50');
  const tipPreset = till.getByRole('button', { name: /%$/ }).first();
  if ((await tipPreset.count()) > 0) await tipPreset.click();
  await amount.focus();
  await till.screenshot({ path: join(outDir, 'till.png') });

  await till.getByRole('button', { name: 'WeChat Pay' }).click();
  await customer.getByTestId('qr').waitFor();
  await customer.screenshot({ path: join(outDir, 'customer.png') });
  await till.getByRole('button', { name: 'Cancel', exact: true }).click();
  console.log('wrote build/screenshots/till.png and build/screenshots/customer.png');
} finally {
  await browser.close();
  await shell.stop();
}
