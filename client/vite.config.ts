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
  resolve: {
    alias: {
      // Type-only imports of the server's realtime contract (src/realtime/events.ts).
      '@server-realtime': fileURLToPath(new URL('../src/realtime', import.meta.url)),
    },
  },
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
