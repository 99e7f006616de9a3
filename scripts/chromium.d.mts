/** Types of scripts/chromium.mjs, for playwright.config.ts. */
export function chromiumArgs(): string[];
export function findChromium(say?: (message: string) => void, command?: string): Promise<{ executablePath: string; version: string }>;
