// The token-counting thread when the server runs from its TypeScript sources (its tests): a worker thread does not
// inherit the TypeScript loader its parent runs under, so it registers tsx before loading count-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./count-worker.ts');
