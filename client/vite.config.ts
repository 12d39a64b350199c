import { defineConfig } from 'vite';

// Placeholder until the React client lands (issue 6).
export default defineConfig({
  root: __dirname,
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } } },
});
