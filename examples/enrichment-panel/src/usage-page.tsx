import { CreditUsage } from '@creditkit/react';

export function UsagePage() {
  return (
    <section aria-labelledby="usage-title">
      <h1 id="usage-title">Usage</h1>
      <CreditUsage defaultGroupBy="action" />
    </section>
  );
}
