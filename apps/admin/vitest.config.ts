import { defineConfig } from 'vitest/config';

/** End-to-end tests: a real server, the built console and Debian's Chromium (run `vite build` first). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
