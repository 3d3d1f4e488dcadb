import { CreditProvider, type CreditProviderProps } from '@creditkit/react';
import { type RenderHookResult, type RenderResult, render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';

type ProviderProps = Omit<CreditProviderProps, 'children'>;

function providerOf(props: ProviderProps) {
  return ({ children }: { children: ReactNode }) => <CreditProvider {...props}>{children}</CreditProvider>;
}

/** Renders `ui` inside a `<CreditProvider>`, the way a host page does; `rerender` keeps the same provider. */
export function renderWithCredits(ui: ReactNode, props: ProviderProps): RenderResult {
  return render(ui, { wrapper: providerOf(props) });
}

/** Renders one hook inside a `<CreditProvider>`; `result.current` is its latest result. */
export function renderHookWithCredits<Result>(
  useHook: () => Result,
  props: ProviderProps,
): RenderHookResult<Result, unknown> {
  return renderHook(useHook, { wrapper: providerOf(props) });
}
