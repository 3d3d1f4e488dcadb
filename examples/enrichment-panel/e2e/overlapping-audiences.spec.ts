import { findsNoData } from '../server/provider';
import { audiences } from '../shared/workbook';
import { expect, test } from './fixtures';
import { column, workbookPage } from './workbook';

const linkedIn = column('linkedin_url');

test('two overlapping audiences enriched with the same column are charged once per record and field (R13)', async ({
  page,
  demo,
  step,
}) => {
  const [speakers, readers] = audiences;
  if (!speakers || !readers) throw new Error('the workbook has two audiences');
  const workbook = workbookPage(page);
  const start = await workbook.spendable();
  const { credits: cost } = await demo.credits.actions.retrieve(linkedIn.actionId);
  const found = (recordIds: readonly string[]) => recordIds.filter((id) => !findsNoData(linkedIn, id));
  const overlap = speakers.recordIds.filter((id) => readers.recordIds.includes(id));
  const everyone = [...new Set([...speakers.recordIds, ...readers.recordIds])];
  expect(overlap.length).toBeGreaterThan(0);

  await step(`run LinkedIn URL on the ${speakers.name} audience`, async () => {
    await workbook.chooseAudience(speakers.id);
    await workbook.run(linkedIn);
  });
  await expect(workbook.progress).toContainText(
    `LinkedIn URL on ${speakers.name}: ${speakers.recordIds.length} of ${speakers.recordIds.length} rows done · ${found(speakers.recordIds).length * cost} credits spent`,
  );

  await step(`run it on the ${readers.name} audience: the overlap is already paid`, async () => {
    await workbook.chooseAudience(readers.id);
    await workbook.run(linkedIn);
  });
  const newlyFound = found(readers.recordIds.filter((id) => !speakers.recordIds.includes(id)));
  await expect(workbook.progress).toContainText(
    `LinkedIn URL on ${readers.name}: ${readers.recordIds.length} of ${readers.recordIds.length} rows done · ${newlyFound.length * cost} credits spent`,
  );
  // The summary says how many rows the first audience had already paid for (R13).
  await expect(workbook.progress).toContainText(` · ${found(overlap).length} already paid`);
  for (const id of found(overlap)) await expect(workbook.cell(id, linkedIn)).toContainText('already paid');

  // Once per record and field: what both audiences found, not the sum of the two audiences' rows.
  const expected = found(everyone).length * cost;
  await expect(workbook.meter).toHaveAttribute('aria-valuenow', String(start - expected));
  const usage = await demo.credits.usage.retrieve({ groupBy: 'action' });
  expect(usage.data.find((row) => row.key === linkedIn.actionId)?.net).toBe(expected);
  expect(expected).toBeLessThan((found(speakers.recordIds).length + found(readers.recordIds).length) * cost);
});
