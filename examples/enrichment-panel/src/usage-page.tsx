import { CreditUsage } from '@creditkit/react';
import { workbookId } from '../shared/workbook';

// The API groups by the host's ids; the host knows what its workbooks are called.
const rowLabel = (group: string, id: string) =>
  group === 'workbook' && id === workbookId ? 'People workbook' : undefined;

export function UsagePage() {
  return (
    <section aria-labelledby="usage-title">
      <h1 id="usage-title">Usage</h1>
      <CreditUsage defaultGroupBy="action" rowLabel={rowLabel} />
    </section>
  );
}
