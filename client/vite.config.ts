import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const server = process.env.AUZOLAN_DEV_SERVER ?? 'http://localhost:3000';

/**
 * The web client. JSX is compiled by Vite's built-in Oxc transform (tsconfig `jsx: react-jsx`),
 * so no React plugin is needed for the production build; dev reloads the page on change.
 */
export default defineConfig({
  root: here,
  base: '/',
  // `@contract` (src/contract, the server's view types) is known to TypeScript only
  // (client/tsconfig.json `paths`), never to Vite: the client imports it type-only, and a
  // value import would fail the build instead of pulling server code into the bundle.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      onwarn(warning, warn) {
        // React Query's "use client" directives are for server components; irrelevant in a SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
    },
  },
});
