import type { Page } from '@playwright/test';

/** Where the sub-folder copy of the build is served (see subfolderServer.mjs and playwright.config.ts). */
export const subfolderUrl = `http://localhost:${process.env.OPTISCOPE_SUBFOLDER_PORT ?? 4174}/some/sub/path/`;

/** Hosts a page may talk to: the site must fetch nothing from elsewhere at run time. */
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What went wrong on a page while a test drove it; every list should stay empty. */
export interface PageProblems {
  /** console.error calls and the browser's own errors, e.g. "Failed to load resource: 404". */
  consoleErrors: string[];
  /** Exceptions nobody caught, on the page. */
  pageErrors: string[];
  /** Requests that got no answer (refused, aborted, blocked). */
  failedRequests: string[];
  /** Answers with an HTTP error status (a wrong asset path gives a 404, not a failed request). */
  errorResponses: string[];
  /** Requests to any host but this machine. */
  foreignRequests: string[];
}

/**
 * Starts recording a page's problems. Call before `page.goto` so errors thrown
 * while the page boots are caught too; assert on the lists at the end.
 */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errorResponses.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    // data: and blob: URLs never leave the page.
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!localHosts.has(url.hostname)) problems.foreignRequests.push(request.url());
  });
  return problems;
}
