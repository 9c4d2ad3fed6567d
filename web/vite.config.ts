import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the pages and hands /api to the API (npm run dev); built, the API serves both.
// npm run dev passes the environment on: PORT is the API's, WEB_PORT Vite's own. A port asked for by name
// must be the one served (strictPort), or whoever asked would wait at the wrong door.
const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT;

export default defineConfig({
  plugins: [react()],
  server: {
    port: webPort ? Number(webPort) : 5173,
    strictPort: webPort !== undefined,
    proxy: { '/api': `http://localhost:${apiPort}` },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
