// The browser room's public surface: resolve a Chrome-family browser and launch it for PDFs and tests.
export { BROWSER_ENV_VARS, BrowserNotFoundError, findInstalledBrowser, packagedChromium, resolveBrowser } from "./resolve.ts";
export type { BrowserErrorCode, BrowserSource, ResolveOptions, ResolvedBrowser } from "./resolve.ts";
export { BROWSER_FLAGS, BrowserLaunchError, launchBrowser } from "./launch.ts";
export type { LaunchOptions } from "./launch.ts";
