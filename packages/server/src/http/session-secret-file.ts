import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSessionSecret, randomSessionSecret } from './session-secret';

/** Where a server keeps the secret it generated, beside its embedded data, so a restart keeps tokens valid. */
const sessionSecretFileName = 'session-secret';

/**
 * The secret of a Node server given none: the one kept in its data folder, else a new random one, kept there
 * when there is a folder. Without one (in memory, PostgreSQL) a generated secret lives as long as the
 * process, so several instances of one deployment need a secret given to all of them.
 */
export function generatedSessionSecret(dataDir: string | undefined): string {
  const file = dataDir === undefined ? undefined : join(dataDir, sessionSecretFileName);
  if (file && existsSync(file)) return checkSessionSecret(readFileSync(file, 'utf8').trim());
  const secret = randomSessionSecret();
  if (file) writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
