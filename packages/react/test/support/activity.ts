import { createTestWorkspace, type TestWorkspace } from './test-workspace';

const tokens = { inputTokens: 1000, outputTokens: 1000 };

/** AI rows of a run, each its own record: 0.8 credits a row with GPT mini at these tokens (R9). */
async function chargeRun(workspace: TestWorkspace, runId: string, rows: number, how: 'complete' | 'stop') {
  await workspace.openRun({ runId, workbookId: 'wb_south', model: 'gpt-mini', budget: 10 });
  for (let row = 0; row < rows; row++) {
    await workspace.charge({ actionId: 'ai-write-gpt-mini', workbookId: 'wb_south', runId, usage: tokens });
  }
  await workspace.endRun(runId, how);
}

/**
 * A workspace whose host server charged, today, every cause the seeds list for credits going (R24):
 * wb_north  Find work email on 4 records (2 refunded `no_data`) and one asked again (deduplicated);
 *           a re-run of 2 records
 * wb_south  Auto-Update refreshes 3 records with Verify email (0.5 each); GPT mini on 2 rows of a run that
 *           completed, and 3 rows of a run stopped midway
 */
export async function workspaceWithActivity(planId = 'starter-monthly') {
  const workspace = await createTestWorkspace(planId);
  const email = (recordId: string, trigger?: 'rerun') =>
    workspace.charge({ actionId: 'find-work-email', workbookId: 'wb_north', recordId, field: 'email', trigger });
  const first = [await email('rec_a'), await email('rec_b'), await email('rec_c'), await email('rec_d')];
  await email('rec_a');
  for (const charge of first.slice(0, 2)) await workspace.refund(charge.id, 'no_data');
  await email('rec_a', 'rerun');
  await email('rec_c', 'rerun');
  for (const recordId of ['rec_a', 'rec_b', 'rec_c']) {
    await workspace.charge({ actionId: 'verify-email', workbookId: 'wb_south', recordId, trigger: 'auto_update' });
  }
  await chargeRun(workspace, 'run_summaries', 2, 'complete');
  await chargeRun(workspace, 'run_halted', 3, 'stop');
  return workspace;
}

/** The host's names: workbooks are the host's, and so are the words for its refund reasons. */
export const hostNames = {
  workbookName: (id: string) => ({ wb_north: 'North workbook', wb_south: 'South workbook' })[id],
  refundReasonLabel: (reason: string) => (reason === 'no_data' ? 'provider returned nothing' : undefined),
};

/** What `workspaceWithActivity` reads as, in the default words, workbook by workbook (in the API's order). */
export const activityLines = {
  north: [
    'Re-run of Find work email on 2 rows in North workbook: 2 credits',
    'Find work email on 5 rows in North workbook: 2 credits (1 already paid, not charged again; 2 refunded: ' +
      'provider returned nothing)',
  ],
  south: [
    'Run of Use AI (GPT mini) in South workbook stopped midway: 3 requests already sent stayed charged, 2.4 credits',
    'Use AI (GPT mini) in South workbook: 2 rows, 1.6 credits, charged whatever the output',
    'Auto-Update refreshed 3 records in South workbook with Verify email: 1.5 credits',
  ],
};
