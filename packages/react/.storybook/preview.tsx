import '../src/styles/styles.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import type { CreditRole } from '../src/index';
import {
  CreditStoryFrame,
  type StoryLocale,
  type StoryTheme,
  storyLanguages,
  storyLocales,
} from '../storybook/credit-story-frame';
import type { CreditkitParameters, ScenarioName } from '../storybook/scenarios';
import { openStoryConnection, type StoryConnection } from '../storybook/story-api';

function scenarioOf(parameters: { creditkit?: CreditkitParameters }): ScenarioName {
  return parameters.creditkit?.scenario ?? 'normal';
}

/** Every story runs on a workspace of its own, built from its scenario's history by the in-page API. */
const withScenario: Preview['loaders'] = [
  async ({ parameters }) => ({ creditConnection: await openStoryConnection(scenarioOf(parameters)) }),
];

/** The host page around every story: client, provider, locale, role and theme (see CreditStoryFrame). */
const withCredits: Decorator = (Story, { id, args, globals, parameters, loaded }) => {
  const scenario = scenarioOf(parameters);
  const locale = globals.locale as StoryLocale;
  const role = globals.role as CreditRole;
  // Every widget takes the theme as a prop (its dialog renders outside any wrapper): the toolbar sets it.
  const theme = (args.theme ?? globals.theme) as StoryTheme;
  const live = (parameters.creditkit as CreditkitParameters | undefined)?.live ?? false;
  return (
    <CreditStoryFrame
      key={`${id}:${scenario}:${role}:${live}`}
      connection={loaded.creditConnection as StoryConnection}
      scenario={scenario}
      locale={locale}
      theme={theme}
      role={role}
      live={live}
    >
      <Story args={{ ...args, theme }} />
    </CreditStoryFrame>
  );
};

const preview: Preview = {
  loaders: withScenario,
  decorators: [withCredits],
  globalTypes: {
    locale: {
      description:
        'The words (a language pack, the CreditProvider messages) and how numbers and dates are written (its locale)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: storyLocales.map((locale) => ({ value: locale, title: `${storyLanguages[locale].title} (${locale})` })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The kit theme: data-theme on .ck-root',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    role: {
      description: 'The signed-in user’s role (R20): admins change limits and buy credits',
      toolbar: {
        title: 'Role',
        icon: 'user',
        items: [
          { value: 'admin', title: 'Admin' },
          { value: 'member', title: 'Member' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en-US', theme: 'light', role: 'admin' },
  parameters: {
    // Any axe violation fails the story's test (the vitest project) and shows red in the a11y panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: { storySort: { order: ['Introduction', 'Widgets'] } },
  },
};

export default preview;
