// A real browser on the served site, watching every page for console errors, failed and off-site requests.
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser as launch } from "../../src/browser/launch.ts";

/**
 * The browser for tests, with no way off this machine: every request goes through a proxy on a closed
 * local port, except loopback, which Chromium never proxies. Unlike request interception this also
 * covers web workers (Pagefind runs its search in one).
 */
export function launchBrowser(): Promise<Browser> {
  return launch({ args: ["--proxy-server=http://127.0.0.1:9"] });
}

/** Phone and desktop viewports used across the end-to-end tests. */
export const PHONE = { width: 360, height: 740, deviceScaleFactor: 1, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { width: 1280, height: 900, deviceScaleFactor: 1 } as const;

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface WatchOptions {
  javaScript?: boolean;
  viewport?: { width: number; height: number; deviceScaleFactor?: number; isMobile?: boolean; hasTouch?: boolean };
}

/**
 * A page that records, as readable lines, every console error, uncaught exception, failed request,
 * HTTP error and request to a host other than localhost (which the browser's proxy setting makes fail).
 */
export class WatchedPage {
  readonly problems: string[] = [];
  /** Status codes allowed for the next navigation's own URL (e.g. 404 for the not-found page). */
  private allowed = new Set<number>();

  private constructor(readonly page: Page) {}

  static async open(browser: Browser, options: WatchOptions = {}): Promise<WatchedPage> {
    const page = await browser.newPage();
    const watched = new WatchedPage(page);
    await page.setJavaScriptEnabled(options.javaScript ?? true);
    await page.setViewport(options.viewport ?? DESKTOP);
    page.on("request", (request) => {
      if (!watched.isLocal(request.url())) watched.problems.push(`request to another host: ${request.url()}`);
    });
    page.on("requestfailed", (request) => {
      if (watched.isLocal(request.url())) watched.problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? "?"})`);
    });
    page.on("response", (response) => {
      const status = response.status();
      if (status >= 400 && !(response.request().isNavigationRequest() && watched.allowed.has(status))) {
        watched.problems.push(`HTTP ${status}: ${response.url()}`);
      }
    });
    page.on("console", (message) => {
      if (message.type() === "error") {
        const where = message.location().url;
        // Chromium also logs the allowed status of the page itself (the 404 page) as an error.
        if (watched.allowed.size > 0 && where === watched.page.url() && /^Failed to load resource: the server responded with a status of (\d+)/.test(message.text())
          && watched.allowed.has(Number(/status of (\d+)/.exec(message.text())![1]))) return;
        watched.problems.push(`console error: ${message.text()}${where ? ` (${where})` : ""}`);
      }
    });
    page.on("pageerror", (error) => watched.problems.push(`uncaught exception: ${error instanceof Error ? error.message : String(error)}`));
    return watched;
  }

  private isLocal(url: string): boolean {
    const { protocol, hostname } = new URL(url);
    return protocol !== "http:" && protocol !== "https:" ? true : LOCAL_HOSTS.has(hostname);
  }

  /** Goes to `url`, waits for the load event and (unless `settle: false`) for the network to settle, and returns the problems seen on the way (then clears them). */
  async visit(url: string, options: { allowStatus?: number[]; settle?: boolean } = {}): Promise<{ status: number; problems: string[] }> {
    this.problems.length = 0;
    this.allowed = new Set(options.allowStatus ?? []);
    const response = await this.page.goto(url, { waitUntil: "load" });
    if (options.settle ?? true) await this.settle();
    return { status: response?.status() ?? 0, problems: this.takeProblems() };
  }

  /** Waits until no request has been in flight for a moment. */
  async settle(): Promise<void> {
    await this.page.waitForNetworkIdle({ idleTime: 150, timeout: 10_000 });
  }

  takeProblems(): string[] {
    const seen = [...this.problems];
    this.problems.length = 0;
    return seen;
  }
}
