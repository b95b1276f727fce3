import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base: the built app can be served from any folder of an intranet server.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // A few tests run 200,000-row files or 2,000 random links: about 1 s here, more on a busy CI machine.
    // The timeout only guards against hangs; speed is measured in bench/.
    testTimeout: 30_000,
  },
});
