// The browser resolver's order, with the environment and the file system given as inputs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BrowserNotFoundError, resolveBrowser } from "../../src/browser/resolve.ts";

/** A file system holding exactly these executables. */
const files = (...paths: string[]) => (p: string): boolean => paths.includes(p);
const noPackage = async (): Promise<string | undefined> => undefined;

describe("resolveBrowser", () => {
  it("prefers GUONG_SANG_BROWSER over the other variables and the system browser", async () => {
    const env = { GUONG_SANG_BROWSER: "/opt/mine/chrome", PUPPETEER_EXECUTABLE_PATH: "/opt/pptr/chrome", PATH: "/usr/bin" };
    const found = await resolveBrowser({ env, exists: files("/opt/mine/chrome", "/opt/pptr/chrome", "/usr/bin/chromium"), platform: "linux", packaged: noPackage });
    expect(found).toEqual({ executablePath: "/opt/mine/chrome", source: "env", via: "GUONG_SANG_BROWSER" });
  });

  it("reads PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, skipping empty values", async () => {
    const exists = files("/a/chrome", "/b/chrome");
    expect(await resolveBrowser({ env: { GUONG_SANG_BROWSER: " ", PUPPETEER_EXECUTABLE_PATH: "/a/chrome", CHROME_PATH: "/b/chrome" }, exists, platform: "linux", packaged: noPackage }))
      .toMatchObject({ executablePath: "/a/chrome", via: "PUPPETEER_EXECUTABLE_PATH" });
    expect(await resolveBrowser({ env: { CHROME_PATH: "/b/chrome" }, exists, platform: "linux", packaged: noPackage }))
      .toMatchObject({ executablePath: "/b/chrome", via: "CHROME_PATH" });
  });

  it("looks a bare command name in a variable up on PATH", async () => {
    const found = await resolveBrowser({ env: { CHROME_PATH: "chromium", PATH: "/nowhere:/usr/local/bin" }, exists: files("/usr/local/bin/chromium"), platform: "linux", packaged: noPackage });
    expect(found).toMatchObject({ executablePath: "/usr/local/bin/chromium", source: "env" });
  });

  it("fails on a variable pointing at a missing file, naming the variable, even when a system browser exists", async () => {
    const attempt = resolveBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: "/gone/chrome" }, exists: files("/usr/bin/chromium"), platform: "linux", packaged: noPackage });
    await expect(attempt).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: "E_BROWSER_ENV", variable: "PUPPETEER_EXECUTABLE_PATH" });
    await expect(attempt).rejects.toThrow(
      'Biến môi trường PUPPETEER_EXECUTABLE_PATH trỏ tới "/gone/chrome", nhưng ở đó không có trình duyệt chạy được.',
    );
  });

  it("on Linux prefers Chrome, then Chromium, then Edge", async () => {
    const env = { PATH: "/usr/bin" };
    const all = ["/usr/bin/google-chrome-stable", "/usr/bin/chromium", "/usr/bin/microsoft-edge"];
    expect((await resolveBrowser({ env, exists: files(...all), platform: "linux", packaged: noPackage })))
      .toEqual({ executablePath: "/usr/bin/google-chrome-stable", source: "system", via: "Google Chrome" });
    expect((await resolveBrowser({ env, exists: files(...all.slice(1)), platform: "linux", packaged: noPackage })))
      .toEqual({ executablePath: "/usr/bin/chromium", source: "system", via: "Chromium" });
    expect((await resolveBrowser({ env, exists: files(...all.slice(2)), platform: "linux", packaged: noPackage })))
      .toEqual({ executablePath: "/usr/bin/microsoft-edge", source: "system", via: "Microsoft Edge" });
  });

  it("finds a browser installed elsewhere on PATH", async () => {
    const found = await resolveBrowser({ env: { PATH: "/home/u/bin:/usr/local/bin" }, exists: files("/usr/local/bin/chromium-browser"), platform: "linux", packaged: noPackage });
    expect(found).toEqual({ executablePath: "/usr/local/bin/chromium-browser", source: "system", via: "Chromium" });
  });

  it("knows the macOS and Windows install places", async () => {
    const mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(await resolveBrowser({ env: {}, exists: files(mac), platform: "darwin", home: "/Users/u", packaged: noPackage }))
      .toMatchObject({ executablePath: mac, source: "system" });
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    const env = { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)" };
    expect(await resolveBrowser({ env, exists: files(edge), platform: "win32", packaged: noPackage }))
      .toEqual({ executablePath: edge, source: "system", via: "Microsoft Edge" });
  });

  it("falls back to the packaged Chromium only when nothing is installed", async () => {
    const packaged = async (): Promise<string | undefined> => "/tmp/chromium";
    expect(await resolveBrowser({ env: { PATH: "/usr/bin" }, exists: files(), platform: "linux", packaged }))
      .toEqual({ executablePath: "/tmp/chromium", source: "packaged", via: "@sparticuz/chromium" });
    expect(await resolveBrowser({ env: { PATH: "/usr/bin" }, exists: files("/usr/bin/chromium"), platform: "linux", packaged }))
      .toMatchObject({ source: "system" });
  });

  it("throws E_NO_BROWSER with a Vietnamese message saying how to get one", async () => {
    const attempt = resolveBrowser({ env: { PATH: "/usr/bin" }, exists: files(), platform: "linux", packaged: noPackage });
    await expect(attempt).rejects.toMatchObject({ name: "BrowserNotFoundError", code: "E_NO_BROWSER" });
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain("Không tìm thấy trình duyệt Chrome, Chromium hay Edge");
    expect(message).toContain("sudo apt-get install chromium");
    expect(message).toContain("GUONG_SANG_BROWSER=/duong/dan/toi/chrome");
    expect(message).toContain("npm run build -- --no-pdf");
  });

  it("checks the real file system by default: an executable file, not a plain file or a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gs-resolve-"));
    try {
      const program = join(dir, "chrome");
      const plain = join(dir, "notes.txt");
      writeFileSync(program, "#!/bin/sh\n", { mode: 0o755 });
      writeFileSync(plain, "", { mode: 0o644 });
      expect(await resolveBrowser({ env: { GUONG_SANG_BROWSER: program } })).toEqual({ executablePath: program, source: "env", via: "GUONG_SANG_BROWSER" });
      await expect(resolveBrowser({ env: { CHROME_PATH: plain } })).rejects.toMatchObject({ code: "E_BROWSER_ENV", variable: "CHROME_PATH" });
      await expect(resolveBrowser({ env: { CHROME_PATH: dir } })).rejects.toMatchObject({ code: "E_BROWSER_ENV" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
