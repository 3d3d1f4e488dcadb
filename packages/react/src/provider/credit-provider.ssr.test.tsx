// @vitest-environment node
import { CreditProvider, useActionCost, useBalance, useCreditFormat, useCreditMessages } from '@creditkit/react';
import { createCreditClient } from '@creditkit/sdk';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';

/** Makes any read of a browser global fail the render, on Node versions that define `navigator` too. */
function forbidBrowserGlobals() {
  const names = ['window', 'navigator', 'document'] as const;
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const name of names) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        throw new Error(`Server rendering touched ${name}.`);
      },
    });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function Widget() {
  const balance = useBalance();
  const cost = useActionCost('find-mobile-phone');
  const messages = useCreditMessages();
  const format = useCreditFormat();
  if (balance.status === 'loading' || cost.status === 'loading') {
    return <p>{`${messages.common.loading} (${format.locale}, ${format.formatCredits(1234.5)})`}</p>;
  }
  return <p>loaded</p>;
}

describe('server rendering', () => {
  it('renders the loading state in en-US without fetching or touching window, navigator or document', () => {
    const requests: string[] = [];
    const client = createCreditClient({
      baseUrl: 'http://127.0.0.1:9',
      token: () => 'never asked',
      fetch: (input) => {
        requests.push(String(input));
        return Promise.reject(new Error('No request may leave a server render.'));
      },
    });
    restore = forbidBrowserGlobals();
    const html = renderToString(
      <CreditProvider client={client}>
        <Widget />
      </CreditProvider>,
    );
    expect(html).toBe('<p>Loading credits… (en-US, 1,234.5)</p>');
    expect(requests).toEqual([]);
  });
});
