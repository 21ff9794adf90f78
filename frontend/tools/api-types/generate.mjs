// Writes the site's API types from the contract: openapi/portal.yaml -> src/generated/api.d.ts (openapi-typescript).
// src/api.ts names the shapes the site reads as aliases of these types, so a field renamed or removed in the
// contract fails `tsc` (npm run build, npm run check). The file is generated on every build and test run, never
// committed (.gitignore) and never linted (biome.json).
//
// This folder is an npm workspace of its own because openapi-typescript builds its output with the TypeScript 5
// compiler API (a peer dependency, typescript ^5.x), which TypeScript 7's package no longer exports; the site
// itself is type-checked by TypeScript 7's native tsc. npm installs both from the one package-lock.json.
//
//   node tools/api-types/generate.mjs [--spec <openapi.yaml>] [--out <api.d.ts>]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    spec: { type: 'string', default: resolve(frontend, '..', 'openapi', 'portal.yaml') },
    out: { type: 'string', default: resolve(frontend, 'src', 'generated', 'api.d.ts') },
  },
});

const HEADER = '// Generated from openapi/portal.yaml by tools/api-types/generate.mjs (openapi-typescript). Do not edit.\n\n';

// arrayLength: a bbox (minItems = maxItems = 4) is the tuple [number, number, number, number]
const ast = await openapiTS(readFileSync(values.spec, 'utf8'), { silent: true, arrayLength: true });
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, HEADER + astToString(ast));
