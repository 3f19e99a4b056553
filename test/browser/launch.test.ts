// Launches the real browser this machine resolves, and the packaged one, and checks the profile is removed.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/launch.ts";
import { packagedChromium, resolveBrowser } from "../../src/browser/resolve.ts";

function userDataDirOf(args: string[]): string {
  const flag = args.find((a) => a.startsWith("--user-data-dir="));
  if (flag === undefined) throw new Error("no --user-data-dir flag");
  return flag.slice("--user-data-dir=".length);
}

async function renderVietnamese(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<string> {
  const page = await browser.newPage();
  await page.setContent('<html lang="vi"><body><p>Gương sáng Nghĩa Đô</p></body></html>');
  const text = await page.$eval("p", (p) => p.textContent ?? "");
  const pdf = await page.pdf({ format: "A4" });
  expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  return text;
}

describe("launchBrowser", () => {
  it("starts the resolved browser headless with the quiet flags and a fresh profile it removes on close", async () => {
    const resolved = await resolveBrowser();
    const browser = await launchBrowser({ browser: resolved });
    const args = browser.process()?.spawnargs ?? [];
    const profile = userDataDirOf(args);
    expect(args).toEqual(expect.arrayContaining(["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"]));
    expect(existsSync(profile)).toBe(true);
    expect(await renderVietnamese(browser)).toBe("Gương sáng Nghĩa Đô");
    await browser.close();
    expect(existsSync(profile)).toBe(false);
  });

  it("starts the packaged @sparticuz/chromium when it is installed", async () => {
    const executablePath = await packagedChromium();
    // The package is an optional dependency; on Linux x64 npm installs it and it must work.
    if (process.platform !== "linux" || process.arch !== "x64") return;
    expect(executablePath).toBeTypeOf("string");
    const browser = await launchBrowser({ browser: { executablePath: executablePath!, source: "packaged", via: "@sparticuz/chromium" } });
    const profile = userDataDirOf(browser.process()?.spawnargs ?? []);
    expect(await renderVietnamese(browser)).toBe("Gương sáng Nghĩa Đô");
    await browser.close();
    expect(existsSync(profile)).toBe(false);
  });

  it("names the browser and where it came from when it cannot start", async () => {
    const attempt = launchBrowser({ browser: { executablePath: "/bin/false", source: "env", via: "GUONG_SANG_BROWSER" } });
    await expect(attempt).rejects.toMatchObject({ name: "BrowserLaunchError", code: "E_BROWSER_LAUNCH" });
    await expect(attempt).rejects.toThrow("Không khởi động được trình duyệt /bin/false (tìm thấy qua GUONG_SANG_BROWSER)");
  });
});
