import { configure } from 'storybook/test';
import { waitTimeoutMs } from './timeouts';

// The stories' play functions wait with Storybook's Testing Library, whose 1 s default is too short on a
// loaded CI machine.
configure({ asyncUtilTimeout: waitTimeoutMs });
