import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** API_TARGET lets `pnpm --filter @lz/web dev` proxy to a server on another port. */
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@data': fileURLToPath(new URL('../data', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-report.mjs reads .vite/manifest.json to size each route.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  // The API rejects writes whose Origin is not its Host, so the proxy keeps the browser's Host.
  // /gongkai/ is the public site the server renders (信息公开, #16).
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false }, '/gongkai': { target: apiTarget } },
    fs: { allow: ['..'] },
  },
});
