/// <reference types="vite/client" />
import { composeStories, type composeStory } from '@storybook/react-vite';
import { render, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import preview from '../.storybook/preview';
import type { CreditMessages } from '../src/index';
import { sayWithPlaceholders } from '../test/support/placeholders';
import { type StoryLocale, storyLanguages, storyLocales } from './credit-story-frame';
import type { CreditkitParameters } from './scenarios';

// Every story of every widget, in each language the kit ships (its pack, and its locale's numbers and dates),
// in Chromium with the kit's stylesheet (the preview imports it) at Vitest's narrow default viewport: the
// words are the language's, no text overflows its box, and axe finds nothing. The stories' play functions are
// English and belong to the storybook project; each story here is shown in the state it opens in (dialogs
// included), once it has settled.

type StoryFile = Parameters<typeof composeStories>[0];
const storyFiles = import.meta.glob<StoryFile>('../src/**/*.stories.tsx', { eager: true });

/** The widgets on the page: their roots carry `data-state`, dialogs included (they render at the end of <body>). */
const widgetRoots = () => [...document.body.querySelectorAll<HTMLElement>('.ck-root[data-state]')];

/** Text for assistive technology only (clipped to a pixel): it is meant not to fit a box. */
function visuallyHidden(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (getComputedStyle(node).clipPath !== 'none' || node.getBoundingClientRect().width <= 1) return true;
  }
  return false;
}

/**
 * Each element in the widgets whose content is wider than its box, as `scrollWidth > clientWidth` says once
 * layout is done: text that a word too long for its column pushes out (or that an ellipsis hides). Inline
 * boxes have no width of their own, so their block is measured. A box that scrolls sideways counts too: a
 * widget in a narrow column wraps rather than scroll. Text only assistive technology reads is left out.
 */
function overflowingText(): string[] {
  const overflowing = new Set<HTMLElement>();
  for (const root of document.body.querySelectorAll<HTMLElement>('.ck-root')) {
    for (const element of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(element);
      if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') continue;
      if (element.clientWidth === 0) continue;
      // One pixel of slack: sub-pixel layout rounds scrollWidth up.
      if (element.scrollWidth > element.clientWidth + 1 && !visuallyHidden(element)) overflowing.add(element);
    }
  }
  return [...overflowing].map(
    (element) =>
      `<${element.localName} class="${element.className}"> ${element.scrollWidth} > ${element.clientWidth} px: ` +
      `"${element.textContent?.slice(0, 80)}"`,
  );
}

/** Whole words of English (`fragment` as written), not part of a longer word. */
function containsWords(text: string, fragment: string): boolean {
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z])${escaped}($|[^A-Za-z])`).test(text);
}

/**
 * The kit's English words still on the page in another language: each string of the English pack, and each
 * run of words between the values a phrase prints (" remaining once saved"), of two words or more (a single
 * word could be the API's or the host's: the plan "Free"). A widget that took words from anywhere but the
 * provider would leave them. Words the language writes the same are not counted.
 */
function englishLeftIn(locale: StoryLocale): string[] {
  if (locale === 'en-US') return [];
  const english = storyLanguages['en-US'].messages;
  const translated = storyLanguages[locale].messages;
  const text = document.body.textContent ?? '';
  // By fragment, each named once, with the first message that says it.
  const left = new Map<string, string>();
  for (const [group, words] of Object.entries(english)) {
    for (const [key, phrase] of Object.entries(words as Record<string, unknown>)) {
      const own = (translated[group as keyof CreditMessages] as Record<string, unknown>)[key];
      const say = (message: unknown) =>
        typeof message === 'function' ? sayWithPlaceholders(message as never) : message;
      const [said, ownSaid] = [say(phrase), String(say(own))];
      if (typeof said !== 'string') continue;
      for (const fragment of said.split(/⟪[^⟫]*⟫/).map((part) => part.trim())) {
        if (!/[A-Za-z]{2,} [A-Za-z]{2,}/.test(fragment) || ownSaid.includes(fragment)) continue;
        if (!left.has(fragment) && containsWords(text, fragment)) left.set(fragment, `${group}.${key}: "${fragment}"`);
      }
    }
  }
  return [...left.values()];
}

/**
 * A host page's main landmark around the story: axe judges the whole document, dialogs included (they render
 * at the end of <body>). The page's own heading is the host's, so that one rule is left to the host.
 */
function hostPage(): HTMLElement {
  for (const earlier of document.querySelectorAll('main')) earlier.remove();
  const main = document.createElement('main');
  document.body.append(main);
  return main.appendChild(document.createElement('div'));
}

async function axeViolations(): Promise<string[]> {
  const { violations } = await axe.run(document, { rules: { 'page-has-heading-one': { enabled: false } } });
  return violations.map(({ id, nodes }) => `axe ${id}: ${nodes.map((node) => node.target).join(' | ')}`);
}

/**
 * The variants a designer reviews without running anything: each story light, dark, in German and in
 * Japanese, saved under `artifacts/screenshots/widgets/` at the repository's root (relative to this file).
 */
const screenshotVariants: Partial<Record<StoryLocale, string>> = {
  'en-US': 'light',
  'de-DE': 'de-DE',
  'ja-JP': 'ja-JP',
};
const screenshotPath = (file: string, story: string, variant: string) =>
  `../../../artifacts/screenshots/widgets/${file.replace('.stories.tsx', '')}--${story}--${variant}.png`;

for (const [path, file] of Object.entries(storyFiles)) {
  const stories: Record<string, ReturnType<typeof composeStory>> = composeStories(file, preview);
  const fileName = path.replace(/^.*\//, '');
  describe(fileName, () => {
    for (const [name, Story] of Object.entries(stories)) {
      it(`${name}: no overflowing text and no axe violation in ${storyLocales.join(', ')}`, async () => {
        // One workspace for the story (its loader replays the scenario), shown in each language in turn.
        await Story.load();
        const scenario = (Story.parameters.creditkit as CreditkitParameters | undefined)?.scenario;
        const problems: string[] = [];
        for (const locale of storyLocales) {
          Story.globals.locale = locale;
          document.documentElement.lang = locale;
          const { unmount } = render(<Story />, { container: hostPage() });
          // A story that never gets an answer stays loading: that is its state.
          if (scenario !== 'loading') {
            await waitFor(() => {
              const states = widgetRoots().map((root) => root.dataset.state);
              expect(states.length).toBeGreaterThan(0);
              expect(states).not.toContain('loading');
            });
          }
          const found = [...englishLeftIn(locale), ...overflowingText(), ...(await axeViolations())];
          problems.push(...found.map((problem) => `${locale}: ${problem}`));
          const variant = screenshotVariants[locale];
          if (variant) await page.screenshot({ path: screenshotPath(fileName, name, variant) });
          unmount();
        }
        // And once in the dark theme, in English.
        Story.globals.locale = 'en-US';
        Story.globals.theme = 'dark';
        document.documentElement.lang = 'en-US';
        const { unmount } = render(<Story />, { container: hostPage() });
        if (scenario !== 'loading') {
          await waitFor(() => expect(widgetRoots().map((root) => root.dataset.state)).not.toContain('loading'));
        }
        problems.push(...[...overflowingText(), ...(await axeViolations())].map((problem) => `dark: ${problem}`));
        await page.screenshot({ path: screenshotPath(fileName, name, 'dark') });
        unmount();
        Story.globals.theme = 'light';
        expect(problems).toEqual([]);
      });
    }
  });
}
