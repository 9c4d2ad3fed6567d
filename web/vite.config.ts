import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the pages and hands /api to the API (npm run dev); built, the API serves both.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
