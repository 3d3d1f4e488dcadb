import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface WorkspaceFile {
  workspaceId: string;
  secretKey: string;
}

function read(file: string): WorkspaceFile | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WorkspaceFile) : undefined;
}

/**
 * The workspace secret key this host holds. The reference server in dev mode keeps its demo workspace in
 * `<data>/demo-workspace.json`; without it (another data folder, a server without `--dev` files), the
 * example asks the dev route for a workspace once and keeps it in the data folder, so credits and spend
 * survive restarts. The key stays on this server: the browser only ever sees session tokens.
 */
export async function loadWorkspace(dataDir: string, apiBaseUrl: string): Promise<WorkspaceFile> {
  const demo = read(join(dataDir, 'demo-workspace.json'));
  if (demo) return demo;
  const ownFile = join(dataDir, 'enrichment-panel-workspace.json');
  const own = read(ownFile);
  if (own) return own;
  const response = await fetch(new URL('/v1/dev/workspaces', apiBaseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ planId: 'pro-monthly' }),
  });
  if (!response.ok)
    throw new Error(
      `No workspace key in ${dataDir} and the dev route answered ${response.status}: is the API in --dev?`,
    );
  const created = (await response.json()) as WorkspaceFile;
  writeFileSync(ownFile, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return created;
}
