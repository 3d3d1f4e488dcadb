import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument } from './openapi';

// Relative to this script, so the package script writes the same file from any working directory.
const target = new URL('../openapi.json', import.meta.url);
writeFileSync(target, renderOpenApiDocument());
console.log(`Wrote ${fileURLToPath(target)}`);
