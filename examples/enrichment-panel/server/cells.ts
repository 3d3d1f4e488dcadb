import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookCells } from '../shared/workbook';

/** The host's own data: what enrichment found, per record and field, kept beside the credit data. */
export function openCells(dataDir: string) {
  const file = join(dataDir, 'enrichment-panel-cells.json');
  const cells: WorkbookCells = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WorkbookCells) : {};
  return {
    all: (): WorkbookCells => cells,
    get: (recordId: string, field: string): string | null | undefined => cells[recordId]?.[field],
    set(recordId: string, field: string, value: string | null) {
      cells[recordId] = { ...cells[recordId], [field]: value };
      writeFileSync(file, `${JSON.stringify(cells, null, 2)}\n`);
    },
  };
}
