// Browser end-to-end tests: Debian's Chromium (never a downloaded browser) against the release
// build in ../dist, served by Python's static server on loopback. Run through scripts/test.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8097);
// E2E_BASE_URL points the tests at a running server instead (e.g. `scripts/serve` on :8080).
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../target/playwright-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    // The interface follows the browser's language: every spec reads it in English unless it
    // asks for another (tests/e2e/interface-language.spec.ts).
    locale: 'en-US',
    // The service worker (public/sw.js) answers the page's requests once it controls it, and
    // then page.route() no longer sees them: the specs that stub the network need it out of
    // the way. tests/e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
    baseURL: external ?? `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: external ? undefined : {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ../dist`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stderr: 'ignore',
    timeout: 20_000,
  },
});
