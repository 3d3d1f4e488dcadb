import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/**
 * Generates the TypeScript types of the published contract, `@creditkit/sdk/openapi.json`, with
 * openapi-typescript, for the contract test that calls this server with an openapi-fetch client
 * (test/contract/generated-client.test.ts). Run by `typecheck` and `test`; the output is not committed.
 */

const document = pathToFileURL(createRequire(import.meta.url).resolve('@creditkit/sdk/openapi.json'));
const target = new URL('../test/generated/credit-api.ts', import.meta.url);

const stringKeyword = (): ts.TypeNode => ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);

function unionMembers(type: ts.TypeNode): ts.TypeNode[] {
  if (ts.isParenthesizedTypeNode(type)) return unionMembers(type.type);
  return ts.isUnionTypeNode(type) ? type.types.flatMap(unionMembers) : [type];
}

/** openapi-typescript writes a string literal type as an identifier holding the quoted text. */
function isStringLiteral(type: ts.TypeNode): boolean {
  if (ts.isLiteralTypeNode(type)) return ts.isStringLiteral(type.literal);
  return ts.isIdentifier(type) && type.text.startsWith('"');
}

/**
 * An open enum (`anyOf: [{ enum: [...] }, { type: string }]`) comes out as `'a' | 'b' | string`, which
 * TypeScript reduces to `string`: the known values would neither autocomplete nor be checked. Written as
 * `'a' | 'b' | (string & {})`, the SDK's own type for an open enum, the known values survive.
 */
function keepKnownValues(type: ts.TypeNode): ts.TypeNode | undefined {
  const members = unionMembers(type);
  if (!members.some(isStringLiteral) || !members.some((member) => member.kind === ts.SyntaxKind.StringKeyword)) {
    return undefined;
  }
  const anyOtherString = ts.factory.createIntersectionTypeNode([stringKeyword(), ts.factory.createTypeLiteralNode([])]);
  return ts.factory.createUnionTypeNode(
    members.map((member) => (member.kind === ts.SyntaxKind.StringKeyword ? anyOtherString : member)),
  );
}

const types = await openapiTS(document, { postTransform: keepKnownValues });
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, astToString(types));
console.log(`Wrote ${fileURLToPath(target)}`);
