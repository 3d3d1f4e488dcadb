import { parentPort } from 'node:worker_threads';
import { countPromptTokens } from './prompt-tokens';

// A thread of the token-counting pool: one prompt at a time, far from the event loop that serves requests.
// Anything thrown here ends the thread; the pool rejects that prompt's count and starts another thread.
parentPort?.on('message', (text: string) => {
  parentPort?.postMessage(countPromptTokens(text));
});
