import { actions } from './actions';
import { models } from './models';

const names: Record<string, string> = {
  dnsdata: 'DNS Data',
  mailfinder: 'Mailfinder',
  socialgraph: 'Social Graph',
  peopledata: 'People Data',
  firmographics: 'Firmographics',
  phonebook: 'Phonebook',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
};

/** Every provider an action or model uses: the integrations a workspace can bring its own key for (R10). */
export const providers: readonly { id: string; name: string }[] = [
  ...new Set([...actions.map((action) => action.provider), ...models.map((model) => model.provider)]),
]
  .sort()
  .map((id) => ({ id, name: names[id] ?? id }));
