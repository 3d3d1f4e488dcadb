import { expect, waitFor, within } from 'storybook/test';

/**
 * Waits until every creditkit widget in the story has settled in `state` (its root's `data-state`), so a
 * story's test, and the axe check after it, look at that state rather than at the loading one before it.
 * As long as Testing Library's `asyncUtilTimeout` unless `timeout` says otherwise.
 */
export async function waitForWidgetState(canvasElement: HTMLElement, state: string, timeout?: number): Promise<void> {
  await waitFor(
    () => {
      const widgets = [...canvasElement.querySelectorAll<HTMLElement>('.ck-root[data-state]')];
      expect(widgets.length).toBeGreaterThan(0);
      expect(widgets.map((widget) => widget.dataset.state)).toEqual(widgets.map(() => state));
    },
    timeout === undefined ? {} : { timeout },
  );
}

/** Queries over the whole page: dialogs render at the end of `<body>`, outside the story's canvas. */
export function withinPage(canvasElement: HTMLElement): ReturnType<typeof within> {
  return within(canvasElement.ownerDocument.body);
}
