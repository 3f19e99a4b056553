// Starts the resolved browser headless, quiet on the network, with a throwaway profile removed on close.
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { BrowserNotFoundError, resolveBrowser, type ResolveOptions, type ResolvedBrowser } from "./resolve.ts";

/** Flags for every launch: no sandbox (containers, root), no GPU, and no background calls home. */
export const BROWSER_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-domain-reliability",
  "--disable-breakpad",
  "--no-pings",
  "--metrics-recording-only",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
];

/** The packaged Chromium is a headless shell that needs these on top (see @sparticuz/chromium). */
const PACKAGED_FLAGS: readonly string[] = ["--no-zygote", "--single-process", "--disable-setuid-sandbox"];

export interface LaunchOptions extends ResolveOptions {
  /** A browser already resolved; otherwise `resolveBrowser(options)` is called. */
  browser?: ResolvedBrowser;
  /** Extra command-line flags. */
  args?: string[];
}

/** Could not start the resolved browser; the message names it and where it came from. */
export class BrowserLaunchError extends Error {
  readonly code = "E_BROWSER_LAUNCH";
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "BrowserLaunchError";
  }
}

/**
 * Resolves and launches a headless browser. Its fresh `--user-data-dir` is deleted when the browser
 * closes or disconnects. Throws `BrowserNotFoundError` or `BrowserLaunchError` (both mean exit 2).
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const resolved = options.browser ?? (await resolveBrowser(options));
  const userDataDir = await mkdtemp(join(tmpdir(), "guong-sang-browser-"));
  const removeProfile = (): Promise<void> => rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: resolved.executablePath,
      headless: resolved.source === "packaged" ? "shell" : true,
      pipe: true,
      userDataDir,
      args: [...BROWSER_FLAGS, ...(resolved.source === "packaged" ? PACKAGED_FLAGS : []), ...(options.args ?? [])],
      env: { ...(options.env ?? process.env), TZ: "Asia/Ho_Chi_Minh" },
      handleSIGINT: true,
      handleSIGTERM: true,
      handleSIGHUP: true,
    });
  } catch (error) {
    await removeProfile();
    if (error instanceof BrowserNotFoundError) throw error;
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new BrowserLaunchError(
      `Không khởi động được trình duyệt ${resolved.executablePath} (tìm thấy qua ${resolved.via}): ${detail}\n` +
        "Thử cài Chromium (sudo apt-get install chromium) hoặc đặt GUONG_SANG_BROWSER=/duong/dan/toi/chrome; " +
        "dựng trang web mà không in PDF: npm run build -- --no-pdf",
      error,
    );
  }

  // Remove the profile only once the process has exited, or Chromium may write into it again.
  const child = browser.process();
  const exited = new Promise<void>((resolve) => {
    if (child === null || child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  // If Node exits without closing the browser (an uncaught error), still remove the profile.
  const onExit = (): void => rmSync(userDataDir, { recursive: true, force: true });
  process.once("exit", onExit);
  let removal: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (removal ??= exited.then(removeProfile).finally(() => process.removeListener("exit", onExit)));
  browser.once("disconnected", () => void cleanUp());
  const close = browser.close.bind(browser);
  browser.close = async (): Promise<void> => {
    try {
      await close();
    } finally {
      await cleanUp();
    }
  };
  return browser;
}
