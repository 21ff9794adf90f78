/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The site's API types are generated from the contract (tools/api-types/generate.mjs) and src/api.ts only names
// them, so the contract and the pages cannot drift apart silently: a field renamed in openapi/portal.yaml fails the
// type check (`tsc`, in `npm run build`). Shown here on a copy of src/ whose types come from a changed contract.
const frontend = resolve(__dirname, '..');
const contract = readFileSync(resolve(frontend, '..', 'openapi', 'portal.yaml'), 'utf8');
const generator = resolve(frontend, 'tools', 'api-types', 'generate.mjs');
const tsc = resolve(frontend, 'node_modules', '.bin', 'tsc');
// under node_modules, so that the copy resolves the site's packages (maplibre-gl, vite/client) as src/ does
const work = resolve(frontend, 'node_modules', '.cache', 'kotaku-api-drift');

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[]): Run {
  const result = spawnSync(command, args, { cwd: frontend, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Generates the types from `spec` into a fresh copy of src/ and type-checks the copy with the site's tsconfig. */
function typeCheck(spec: string): Run & { types: string } {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(resolve(frontend, 'src'), resolve(work, 'src'), { recursive: true, filter: (path) => !path.includes('generated') });
  writeFileSync(resolve(work, 'portal.yaml'), spec);
  writeFileSync(resolve(work, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['src'] }));
  const out = resolve(work, 'src', 'generated', 'api.d.ts');
  const generated = run(process.execPath, [generator, '--spec', resolve(work, 'portal.yaml'), '--out', out]);
  expect(generated.status, generated.output).toBe(0);
  return { ...run(tsc, ['--noEmit', '-p', work]), types: readFileSync(out, 'utf8') };
}

/** The contract with one field of one schema renamed (in its properties and its required list). */
function renamed(spec: string, schema: string, field: string, to: string): string {
  const start = spec.indexOf(`\n    ${schema}:\n`);
  expect(start, `the schema ${schema}`).toBeGreaterThan(0);
  // the schema's block ends where the next line indented like its name starts
  const end = start + 1 + spec.slice(start + 1).search(/\n {4}\S/);
  const block = spec.slice(start, end);
  expect(block).toContain(`${field}:`);
  return spec.slice(0, start) + block.replace(new RegExp(`\\b${field}\\b`, 'g'), to) + spec.slice(end);
}

describe('the API types generated from openapi/portal.yaml', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('type-check the site as it is', () => {
    const checked = typeCheck(contract);
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);
  }, 60_000);

  it('fail the type check when the contract renames a field the site reads (Activity.villageCode)', () => {
    const checked = typeCheck(renamed(contract, 'Activity', 'villageCode', 'villageKode'));
    expect(checked.types).toContain('villageKode: string;');
    expect(checked.status).not.toBe(0);
    expect(checked.output).toMatch(/src\/pages\/activity\.ts\(\d+,\d+\): error TS(2339|2551): Property 'villageCode' does not exist/);
  }, 60_000);

  it('fail the type check when the contract renames a headline figure (Figures.slum.baselineHa)', () => {
    const checked = typeCheck(renamed(contract, 'Figures', 'baselineHa', 'baseHa'));
    expect(checked.status).not.toBe(0);
    expect(checked.output).toMatch(/src\/figures\.ts\(\d+,\d+\): error TS(2339|2551): Property 'baselineHa' does not exist/);
  }, 60_000);
});
