// Fails when the site's own code (JS + CSS, without MapLibre) exceeds 100 KB gzip (DESIGN.md section 6).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? process.env.SITE_OUT_DIR ?? 'dist';
const assets = join(dir, 'assets');
const LIMIT = 100 * 1024;
let total = 0;
for (const name of readdirSync(assets)) {
  if (!/\.(js|mjs|css)$/.test(name) || name.startsWith('maplibre')) continue;
  const size = gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
  total += size;
  console.log(`${name.padEnd(40)} ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`app code without MapLibre: ${(total / 1024).toFixed(1)} KB gzip (limit ${LIMIT / 1024} KB)`);
if (total > LIMIT) {
  console.error('FAIL: app code is over the size budget');
  process.exit(1);
}
