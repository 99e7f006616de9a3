/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built site. Only the production build
 * gets it: the dev server injects inline styles and a websocket for hot reload.
 * No 'unsafe-eval', no inline script and no inline style sheet: nothing a link
 * carries can run as code. React and d3 set element styles through the CSSOM,
 * which a CSP does not restrict, so style-src needs no 'unsafe-inline'.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Cross-origin isolation: with these two headers the page may share memory
 * with its worker, and reads the worker's answer to a slider step in the
 * same frame (src/worker/mailbox.ts). Everything the page loads is its own,
 * so requiring CORP of cross-origin resources costs nothing. Headers cannot
 * be set from the page: a static host needs them in its own configuration
 * (public/_headers does it for hosts that read that file); without them the
 * app works as before, a frame later.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const cspPlugin: Plugin = {
  name: 'optiscope-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
};

// base './' makes every asset URL relative, so the built site works from any
// sub-folder of a static host.
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin],
  resolve: {
    // d3-zoom's only use of d3-transition is to interrupt transitions; the page runs none (see the file).
    alias: [{ find: /^d3-transition$/, replacement: fileURLToPath(new URL('./src/plot/d3TransitionLite.ts', import.meta.url)) }],
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Fonts (KaTeX's) are never inlined as data: URLs, which font-src 'self' would block.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    rollupOptions: {
      // The formula engine's modules only declare things, but top-level reads such as
      // `const { ADD, … } = opcodes` look like side effects to the bundler, which then kept them
      // all in the page's first download though nothing there calls them (state/formulaEngine.ts).
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/core\/expression\//.test(id) },
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Property tests run thousands of cases; on a loaded 2-core CI machine 5 s is too tight.
    testTimeout: 30_000,
  },
});
