import { defineConfig } from 'vite';

// Run from the repository root as `vite <cmd> apps/web`: this directory is Vite's root.
export default defineConfig({
  // The API serves the built app at / (apps/api/src/web), so asset URLs are absolute from the site root.
  base: '/',
  // Vite's own oxc transform compiles the JSX (@vitejs/plugin-react's peer set does not resolve beside Vite 8 here).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
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
});
