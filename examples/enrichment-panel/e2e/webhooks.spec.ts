import { findsNoData } from '../server/provider';
import { records } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const workEmail = column('work_email');
// Rows the provider has an email for: no refund moves the balance back up between the crossings.
const rows = records.filter((record) => !findsNoData(workEmail, record.id)).slice(0, 6);

test('settings: an alert and an auto top-up crossed by a run reach the host by signed webhook, once each, through an outage (R25–R27)', async ({
  page,
  demo,
  step,
}) => {
  const workbook = workbookPage(page);
  const { credits: cost } = await demo.credits.actions.retrieve(workEmail.actionId);
  const { spendable } = await demo.credits.balance.retrieve();
  // The run takes 6 rows: the alert is crossed by the 2nd, the top-up's threshold by the 4th.
  const alertAt = spendable - 2 * cost;
  const topUpBelow = spendable - 4 * cost + cost / 2;
  const settings = page.getByRole('main');
  const received = page.getByRole('table', { name: "Received by this demo's server" });
  const log = page.getByRole('table', { name: 'Delivery log of the Credit API' });

  await step('an admin adds a balance alert and turns auto top-up on', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(settings.getByText("This demo's server receives the workspace's events")).toBeVisible();
    await settings.getByRole('button', { name: 'Add alert' }).click();
    await settings.getByRole('textbox', { name: 'Threshold (Credits left)' }).fill(String(alertAt));
    await page.keyboard.press('Enter');
    await expect(settings.getByRole('list', { name: 'Alerts' })).toContainText('Balance at or below');

    await settings.getByRole('checkbox', { name: 'Top up automatically' }).check();
    await settings.getByRole('textbox', { name: 'When the balance falls below (credits)' }).fill(String(topUpBelow));
    await settings.getByRole('textbox', { name: 'Add (credits)' }).fill('100');
    await settings.getByRole('textbox', { name: 'At most per month (credits)' }).fill('100');
    await settings.getByRole('button', { name: 'Save auto top-up' }).click();
    await expect(settings.getByText('Auto top-up saved')).toBeVisible();
  });

  await step('a run of 6 rows crosses both', async () => {
    await page.getByRole('link', { name: 'Workbook' }).click();
    await workbook.selectRows(rows.map((record) => record.id));
    await workbook.run(workEmail);
    await expect(page.getByRole('complementary', { name: 'Credits' })).toContainText(
      'Credit alert: Balance at or below',
    );
  });

  await step("the host received the alert and the top-up to bill, verified, and the API's log says 204", async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(received.getByRole('row').filter({ hasText: 'alert.triggered' })).toHaveCount(1);
    await expect(received.getByRole('row').filter({ hasText: 'topup.completed' })).toContainText(
      'Topped up 100 credits: bill them',
    );
    for (const type of ['alert.triggered', 'topup.completed'])
      await expect(log.getByRole('row').filter({ hasText: type })).toContainText(/succeeded.*204/);
  });

  await step('a forged delivery is refused by the host and shown nowhere', async () => {
    const forged = await page.request.post(new URL('/webhooks/creditkit', demo.url).href, {
      headers: {
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}`,
      },
      data: { id: '1', type: 'topup.completed', createdAt: new Date().toISOString(), data: {} },
    });
    expect(forged.status()).toBe(400);
    await expect(received.getByRole('row')).toHaveCount(3);
  });

  await step('while the receiver is down, a grant is retried; redelivered after, it is processed once', async () => {
    await settings.getByRole('checkbox', { name: 'Simulate an outage: the receiver answers 503' }).check();
    await demo.credits.grants.create({ credits: 50, reason: 'goodwill' });
    const grantDelivery = log.getByRole('row').filter({ hasText: 'grant.created' });
    await expect(grantDelivery).toContainText(/pending.*503/);
    await expect(received.getByRole('row').filter({ hasText: 'grant.created' })).toHaveCount(0);

    await settings.getByRole('checkbox', { name: 'Simulate an outage: the receiver answers 503' }).uncheck();
    await grantDelivery.getByRole('button', { name: /^Redeliver grant.created/ }).click();
    const grantReceived = received.getByRole('row').filter({ hasText: 'grant.created' });
    await expect(grantReceived).toContainText('Granted 50 credits (goodwill)');
    await expect(grantDelivery).toContainText(/succeeded.*204/);

    // Sent once more with the same webhook-id: received again, processed once.
    await grantDelivery.getByRole('button', { name: /^Redeliver grant.created/ }).click();
    await expect(grantReceived).toContainText(/[2-9] \(processed once\)/);
    await expect(grantReceived).toHaveCount(1);
  });

  // What the page showed is what the API recorded: one crossing each, one top-up.
  const topUp = await demo.credits.autoTopUp.retrieve();
  expect(topUp.month.toppedUp).toBe(100);
  expect((await demo.credits.alerts.list()).data).toHaveLength(1);
});
