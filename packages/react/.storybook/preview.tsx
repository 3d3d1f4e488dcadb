import '../src/styles/styles.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import type { CreditRole } from '../src/index';
import { CreditStoryFrame, type StoryLocale, type StoryTheme, storyLocales } from '../storybook/credit-story-frame';
import { openStoryApi } from '../storybook/offline-api';
import type { CreditkitParameters, ScenarioName } from '../storybook/scenarios';

function scenarioOf(parameters: { creditkit?: CreditkitParameters }): ScenarioName {
  return parameters.creditkit?.scenario ?? 'normal';
}

/** Every story runs on a fresh copy of its scenario's offline API. */
const withScenario: Preview['loaders'] = [
  async ({ id, parameters }) => {
    await openStoryApi(id, scenarioOf(parameters));
    return {};
  },
];

/** The host page around every story: client, provider, locale, role and theme (see CreditStoryFrame). */
const withCredits: Decorator = (Story, { id, args, globals, parameters }) => {
  const scenario = scenarioOf(parameters);
  const locale = globals.locale as StoryLocale;
  const role = globals.role as CreditRole;
  // Every widget takes the theme as a prop (its dialog renders outside any wrapper): the toolbar sets it.
  const theme = (args.theme ?? globals.theme) as StoryTheme;
  const live = (parameters.creditkit as CreditkitParameters | undefined)?.live ?? false;
  return (
    <CreditStoryFrame
      key={`${id}:${scenario}:${role}:${live}`}
      storyId={id}
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
      description: 'How numbers and dates are written (the CreditProvider locale)',
      toolbar: { title: 'Locale', icon: 'globe', items: [...storyLocales], dynamicTitle: true },
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
