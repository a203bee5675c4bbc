import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The public pages' paths (apps/api/src/web/serve-web-app.ts answers them with request.html too). */
const PUBLIC_PATH = /^\/request(\/|\?|$)/;

/** Serves request.html for the public pages in `npm run dev:web`, as the API does for the built app. */
function publicPagesInDev(): Plugin {
  return {
    name: 'ta-desk:public-pages-dev',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && PUBLIC_PATH.test(req.url)) req.url = '/request.html';
        next();
      });
    },
  };
}

/**
 * Writes a .br and a .gz beside every built text file, compressed once at their best levels: the API serves them
 * (@fastify/static's preCompressed) instead of compressing the same file on every request.
 */
function precompress(): Plugin {
  return {
    name: 'ta-desk:precompress',
    apply: 'build',
    writeBundle({ dir = '' }, bundle) {
      for (const fileName of Object.keys(bundle).filter((name) => /\.(html|js|css|svg)$/.test(name))) {
        const path = join(dir, fileName);
        const source = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

// Run from the repository root as `vite <cmd> apps/web`: this directory is Vite's root. `vite build apps/web` builds
// the staff app (index.html); `--mode public` then adds the public request pages (request.html) beside it, built on
// their own so that their libraries are cut down to what these pages use (one build shares a library's module
// between both entries with everything either one uses, e.g. React Router's data router, used by the staff app only).
export default defineConfig(({ mode }) => ({
  // The API serves the built app at / (apps/api/src/web), so asset URLs are absolute from the site root.
  base: '/',
  // Vite's own oxc transform compiles the JSX (@vitejs/plugin-react's peer set does not resolve beside Vite 8 here).
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [publicPagesInDev(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: mode !== 'public',
    rolldownOptions: {
      input: mode === 'public' ? 'request.html' : 'index.html',
      // Libraries change less often than the app: separate chunks stay cached across releases.
      output: {
        codeSplitting: {
          // A group also takes the modules its modules import; priorities keep React and Mantine's core in their
          // own chunks, so the charts chunk (loaded only by the lazy dashboard) holds the charting code alone.
          groups: [
            { name: 'react', priority: 30, test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', priority: 20, test: /node_modules[\\/]@mantine[\\/](?!charts[\\/])/ },
            { name: 'charts', priority: 10, test: /node_modules[\\/](@mantine[\\/]charts|recharts)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
      // Libraries mark modules "use client" for React Server Components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
}));
