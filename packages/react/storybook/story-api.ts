import type { CreditRole } from '../src/index';
import type { Fault } from './faults';
import { type InPageApi, mintSessionToken, startInPageApi } from './in-page-api';
import { ScenarioClock } from './scenario-clock';
import { type ScenarioName, scenarios } from './scenarios';
import { scenarioNow } from './scenarios/histories';
import { replayCharges, replayHistory } from './scenarios/replay';

/** What a story's SDK client is given: where the API is, how to reach it, and its session tokens. */
export interface StoryConnection {
  baseUrl: string;
  fetch: typeof fetch;
  token: (role: CreditRole) => Promise<string>;
}

/** One clock and one API (one PGlite) for every story of the page; each story gets a workspace of its own. */
const clock = new ScenarioClock(scenarioNow);
let pageApi: Promise<InPageApi> | undefined;

/** Figures for whoever runs the stories, printed once per page: never asserted. */
const printed = new Set<string>();
function printOnce(key: string, line: string): void {
  if (printed.has(key)) return;
  printed.add(key);
  console.info(line);
}

function inPageApi(): Promise<InPageApi> {
  pageApi ??= (async () => {
    const started = performance.now();
    // 90 minutes from a renewal to its credits (R7), so the renewal stories show them on their way.
    const api = await startInPageApi(clock.now, 90 * 60_000);
    printOnce('api', `Storybook: in-page Credit API ready in ${Math.round(performance.now() - started)} ms`);
    return api;
  })();
  return pageApi;
}

/** The stories whose scenario is a fault alone never reach the API: nothing is started for them. */
function faultOnly(fault: Fault): StoryConnection {
  const unreachable = () => Promise.reject(new Error('This scenario fails every request.'));
  return {
    baseUrl: 'https://credit-api.invalid',
    fetch: (input, init) => fault(new Request(input, init), unreachable),
    token: async () => 'st_never_checked',
  };
}

/** Pause before the charges made elsewhere, so the story's event stream is reading when they land. */
const whileOpenDelayMs = 300;

/**
 * A story's own workspace, built by replaying its scenario's history through the in-page API, and the fetch its
 * client uses: the API at the clock's resting moment, behind the scenario's fault if it has one. A live story's
 * first event-stream request sets off the scenario's charges made elsewhere.
 */
export async function openStoryConnection(scenarioName: ScenarioName): Promise<StoryConnection> {
  const { history, fault, whileOpen = [] } = scenarios[scenarioName];
  if (!history) {
    if (!fault) throw new Error(`The scenario "${scenarioName}" has neither a history nor a fault.`);
    return faultOnly(fault);
  }
  const api = await inPageApi();
  const started = performance.now();
  const { secretKey } = await clock.travel((moveTo) => replayHistory(api, history, moveTo));
  printOnce(
    scenarioName,
    `Storybook: the "${scenarioName}" workspace replayed through the API in ${Math.round(performance.now() - started)} ms`,
  );

  let elsewhereDone = whileOpen.length === 0;
  const chargeElsewhere = async () => {
    await new Promise((resolve) => setTimeout(resolve, whileOpenDelayMs));
    for (const batch of whileOpen) {
      // Charged or refused, the event stream reports what the API did.
      await clock.atRest(() => replayCharges(api, secretKey, batch)).catch(() => undefined);
    }
  };
  const toApi = async (request: Request) => {
    const answer = await clock.atRest(() => api.fetch(request));
    if (!elsewhereDone && new URL(request.url).pathname === '/v1/events' && answer.ok) {
      elsewhereDone = true;
      void chargeElsewhere();
    }
    return answer;
  };
  return {
    baseUrl: api.baseUrl,
    fetch: (input, init) => {
      const request = new Request(input, init);
      return fault ? fault(request, toApi) : toApi(request);
    },
    token: (role) => clock.atRest(() => mintSessionToken(api, secretKey, role)),
  };
}
