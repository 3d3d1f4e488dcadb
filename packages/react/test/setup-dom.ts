import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { waitTimeoutMs } from './timeouts';

// Globals are off, so Testing Library cannot register its own clean-up.
afterEach(() => cleanup());

// The widgets wait on a real server: on a loaded CI machine an answer can take far longer than the 1 s default.
configure({ asyncUtilTimeout: waitTimeoutMs });
