import { getResponse, http, type RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import { type ScenarioName, scenarios } from './scenarios';
import { creditApiUrl, problem } from './scenarios/handlers';

/** The header a story's SDK client sends, so the offline API answers it from that story's scenario. */
export const storyHeader = 'x-storybook-story';

/** Each story's own copy of its scenario: a docs page renders stories of several scenarios at once. */
const storyApis = new Map<string, RequestHandler[]>();

/** Every request to the offline API goes to the handlers of the story that sent it. */
const dispatch = http.all(`${creditApiUrl}/*`, async ({ request }) => {
  const handlers = storyApis.get(request.headers.get(storyHeader) ?? '');
  if (!handlers) return problem(401, 'unauthorized', 'No Storybook story sent this request.');
  return (await getResponse(handlers, request)) ?? problem(404, 'not_found', 'No such route.');
});

let worker: Promise<SetupWorker> | undefined;

/** Starts the MSW service worker once per page; requests to anything but the offline API pass through. */
function startWorker(): Promise<SetupWorker> {
  worker ??= (async () => {
    const started = setupWorker(dispatch);
    await started.start({
      // At the site root in `storybook dev`, in `storybook build` and in the vitest project alike.
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
    return started;
  })();
  return worker;
}

/** Gives the story a fresh copy of its scenario's API (changes made by a story never reach the next one). */
export async function openStoryApi(storyId: string, scenario: ScenarioName): Promise<void> {
  await startWorker();
  storyApis.set(storyId, scenarios[scenario].handlers());
}
