import type { AiRunCreateParams, ChargeCreateParams } from '@creditkit/sdk';
import { type ReactNode, useEffect, useState } from 'react';
import { useCreditClient } from '../src/index';

export interface RefusedChargeProps {
  /** A run to open first, for charges that settle against its budget (R9). */
  run?: AiRunCreateParams;
  /** Charges made in order, as a host's enrichment would make them; the last is expected to be refused. */
  charges: readonly ChargeCreateParams[];
  /** Renders with what the last charge threw (`undefined` until then, `null` if it went through). */
  children: (error: unknown) => ReactNode;
}

/**
 * Makes real charges through the story's SDK client against its offline scenario and hands over the
 * error the SDK raised from the API's 402, the way a host catches it and passes it to the notice.
 */
export function RefusedCharge({ run, charges, children }: RefusedChargeProps): ReactNode {
  const client = useCreditClient();
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let current = true;
    (async () => {
      if (run) await client.ai.runs.create(run);
      let thrown: unknown = null;
      for (const charge of charges) {
        thrown = await client.charges.create(charge).then(
          () => null,
          (refusal: unknown) => refusal,
        );
      }
      if (current) setError(thrown);
    })().catch((failure: unknown) => {
      if (current) setError(failure);
    });
    return () => {
      current = false;
    };
  }, [client, run, charges]);
  return children(error);
}
