import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFolderInUseError, lockDataFolder } from '../../src/store/data-folder-lock';

/*
 * One contender for a data folder, run as its own process by the lock race test: it takes the folder
 * (waiting while another live process holds it), says whether any other live process held it at the same
 * moment, then dies by SIGKILL a few milliseconds later, so its lock is left stale for the next contender.
 */
const [folder = '', holders = ''] = process.argv.slice(2);

for (;;) {
  try {
    lockDataFolder(folder);
    break;
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) {
      console.log(`error ${(error as Error).message}`);
      process.exit(2);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
  }
}
// A marker while it holds the folder, removed just before it dies: two markers at once are two holders.
const marker = join(holders, String(process.pid));
writeFileSync(marker, '');
await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
const others = readdirSync(holders).filter((name) => name !== String(process.pid));
console.log(others.length === 0 ? 'held alone' : `held together with ${others.join(' ')}`);
unlinkSync(marker);
process.kill(process.pid, 'SIGKILL');
