// Finds the Chrome-family browser used for PDFs and browser tests: environment variable, system browser, packaged Chromium.
import { accessSync, constants, statSync } from "node:fs";
import { homedir } from "node:os";
import { posix, win32 } from "node:path";

/** Environment variables read, in order. The first one set (non-empty) wins. */
export const BROWSER_ENV_VARS = ["GUONG_SANG_BROWSER", "PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"] as const;

export type BrowserSource = "env" | "system" | "packaged";

export interface ResolvedBrowser {
  executablePath: string;
  source: BrowserSource;
  /** How it was found, for messages: the variable name, the browser family, or the package. */
  via: string;
}

export interface ResolveOptions {
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** True when `p` is an executable file. Defaults to a check on the real file system. */
  exists?: (p: string) => boolean;
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
  /** Home directory for per-user install paths; defaults to `os.homedir()`. */
  home?: string;
  /**
   * The packaged fallback: resolves to an executable path, or undefined when not available.
   * Defaults to the optional `@sparticuz/chromium` package (Linux only); `false` turns it off.
   */
  packaged?: (() => Promise<string | undefined>) | false;
}

export type BrowserErrorCode = "E_NO_BROWSER" | "E_BROWSER_ENV";

/** No usable browser. The message is Vietnamese and says how to get one; callers exit with status 2. */
export class BrowserNotFoundError extends Error {
  readonly code: BrowserErrorCode;
  /** The environment variable that pointed nowhere, for `E_BROWSER_ENV`. */
  readonly variable?: string;

  constructor(message: string, code: BrowserErrorCode, options?: { variable?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "BrowserNotFoundError";
    this.code = code;
    if (options?.variable !== undefined) this.variable = options.variable;
  }
}

const HOW_TO_GET_ONE = [
  "Cách khắc phục (chọn một):",
  "  • cài Chromium: sudo apt-get install chromium",
  "  • chỉ tới trình duyệt sẵn có: GUONG_SANG_BROWSER=/duong/dan/toi/chrome",
  "  • dựng trang web mà không in PDF: npm run build -- --no-pdf",
].join("\n");

interface Family {
  name: string;
  /** Absolute install paths, checked first. */
  paths: string[];
  /** Command names looked up on PATH. */
  commands: string[];
}

/** Browser families in order of preference, with their usual places on each platform. */
export function systemCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): Family[] {
  if (platform === "darwin") {
    const app = (bundle: string, binary: string): string[] => [
      `/Applications/${bundle}.app/Contents/MacOS/${binary}`,
      posix.join(home, "Applications", `${bundle}.app/Contents/MacOS/${binary}`),
    ];
    return [
      { name: "Google Chrome", paths: app("Google Chrome", "Google Chrome"), commands: ["google-chrome", "google-chrome-stable"] },
      { name: "Chromium", paths: app("Chromium", "Chromium"), commands: ["chromium", "chromium-browser"] },
      { name: "Microsoft Edge", paths: app("Microsoft Edge", "Microsoft Edge"), commands: ["microsoft-edge"] },
    ];
  }
  if (platform === "win32") {
    const roots = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]].filter(
      (r): r is string => typeof r === "string" && r !== "",
    );
    const under = (...rest: string[]): string[] => roots.map((root) => win32.join(root, ...rest));
    return [
      { name: "Google Chrome", paths: under("Google", "Chrome", "Application", "chrome.exe"), commands: ["chrome.exe"] },
      { name: "Chromium", paths: under("Chromium", "Application", "chrome.exe"), commands: ["chromium.exe"] },
      { name: "Microsoft Edge", paths: under("Microsoft", "Edge", "Application", "msedge.exe"), commands: ["msedge.exe"] },
    ];
  }
  return [
    {
      name: "Google Chrome",
      paths: ["/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/opt/google/chrome/chrome"],
      commands: ["google-chrome", "google-chrome-stable"],
    },
    {
      name: "Chromium",
      paths: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"],
      commands: ["chromium", "chromium-browser"],
    },
    {
      name: "Microsoft Edge",
      paths: ["/usr/bin/microsoft-edge", "/usr/bin/microsoft-edge-stable", "/opt/microsoft/msedge/msedge"],
      commands: ["microsoft-edge", "microsoft-edge-stable"],
    },
  ];
}

function isExecutableFile(p: string): boolean {
  try {
    const stat = statSync(p);
    if (!stat.isFile()) return false;
    if (process.platform === "win32") return true;
    // The mode bits as well as access(): root passes access(X_OK) on some kernels for any file.
    accessSync(p, constants.X_OK);
    return (stat.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (p: string) => boolean): string | undefined {
  const path = platform === "win32" ? win32 : posix;
  const value = env["PATH"] ?? env["Path"] ?? "";
  for (const dir of value.split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, command);
    if (exists(candidate)) return candidate;
  }
  return undefined;
}

/** The environment variable and system steps; undefined when neither finds a browser. Throws for a variable pointing nowhere. */
export function findInstalledBrowser(options: ResolveOptions = {}): ResolvedBrowser | undefined {
  const env = options.env ?? process.env;
  const exists = options.exists ?? isExecutableFile;
  const platform = options.platform ?? process.platform;
  const path = platform === "win32" ? win32 : posix;

  for (const variable of BROWSER_ENV_VARS) {
    const value = env[variable]?.trim();
    if (!value) continue;
    // A bare command name ("chromium") is looked up on PATH; anything else is a path.
    const found = path.isAbsolute(value) || value.includes(path.sep) || value.includes("/")
      ? (exists(value) ? value : undefined)
      : onPath(value, env, platform, exists);
    if (found === undefined) {
      throw new BrowserNotFoundError(
        `Biến môi trường ${variable} trỏ tới "${value}", nhưng ở đó không có trình duyệt chạy được.\n` +
          `Sửa lại đường dẫn (ví dụ ${variable}=/usr/bin/chromium), hoặc bỏ biến này (unset ${variable}) để tự tìm trình duyệt.`,
        "E_BROWSER_ENV",
        { variable },
      );
    }
    return { executablePath: found, source: "env", via: variable };
  }

  for (const family of systemCandidates(platform, env, options.home ?? homedir())) {
    for (const candidate of family.paths) {
      if (exists(candidate)) return { executablePath: candidate, source: "system", via: family.name };
    }
    for (const command of family.commands) {
      const found = onPath(command, env, platform, exists);
      if (found !== undefined) return { executablePath: found, source: "system", via: family.name };
    }
  }
  return undefined;
}

/** The optional `@sparticuz/chromium` package: a Linux x64 Chromium that unpacks itself into the temp folder. */
export async function packagedChromium(): Promise<string | undefined> {
  if (process.platform !== "linux") return undefined;
  try {
    // A variable specifier keeps TypeScript and bundlers from requiring the optional package.
    const specifier = "@sparticuz/chromium";
    const module = (await import(specifier)) as { default: { executablePath(input?: string): Promise<string> } };
    return await module.default.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Resolves the browser in this order: `GUONG_SANG_BROWSER`, `PUPPETEER_EXECUTABLE_PATH`, `CHROME_PATH`
 * (a variable set to a missing path is an error naming it); Google Chrome, Chromium, Microsoft Edge at
 * their standard places and on PATH; the packaged `@sparticuz/chromium`. Throws `BrowserNotFoundError`.
 */
export async function resolveBrowser(options: ResolveOptions = {}): Promise<ResolvedBrowser> {
  const installed = findInstalledBrowser(options);
  if (installed !== undefined) return installed;

  const packaged = options.packaged === undefined ? packagedChromium : options.packaged;
  if (packaged !== false) {
    const executablePath = await packaged();
    if (executablePath !== undefined) return { executablePath, source: "packaged", via: "@sparticuz/chromium" };
  }

  throw new BrowserNotFoundError(
    "Không tìm thấy trình duyệt Chrome, Chromium hay Edge để in PDF và chạy kiểm thử trình duyệt.\n" +
      `Đã tìm: các biến môi trường ${BROWSER_ENV_VARS.join(", ")}; Google Chrome, Chromium, Microsoft Edge ` +
      "ở chỗ cài đặt thông thường và trong PATH; gói @sparticuz/chromium.\n" +
      HOW_TO_GET_ONE,
    "E_NO_BROWSER",
  );
}
