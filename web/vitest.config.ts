import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Component tests: the shared components and the data-loading hook, in jsdom.
export default defineConfig({
  plugins: [preact()],
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/test_setup.ts'] },
});
