import { defineConfig } from 'vite';

// The Maven build passes SITE_OUT_DIR (target/classes/static); a plain `npm run build` writes dist/.
const outDir = process.env.SITE_OUT_DIR ?? 'dist';
const backend = process.env.PORTAL_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // absolute base: the site is served at deep paths (/wilayah/64.71), so asset URLs must not be relative
  base: '/',
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|@mapbox)/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/ogc': backend,
      '/tiles': backend,
      '/site/config.json': backend,
    },
  },
  test: {
    include: ['__tests__/**/*.test.ts'],
  },
});
