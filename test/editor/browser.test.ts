// End to end: `npm run editor` on a copy of the repository, driven in real Chromium; a saved proposal is a branch whose file validates.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITOR_LAYOUT_WIDTH } from "../../src/editor/site.ts";
import { slugify } from "../../src/vi/text.ts";
import { DESKTOP, launchBrowser, PHONE } from "../helpers/browser.ts";
import { git, REPO, runEditorCommand, sampleRepository, type EditorProcess } from "./helpers.ts";

const SLOW = 120_000;

let browser: Browser;
let repo: { dir: string; cleanup(): void };
let editor: EditorProcess;
const temporary: string[] = [];

beforeAll(async () => {
  repo = sampleRepository();
  editor = await runEditorCommand(repo.dir);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  repo?.cleanup();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Opens the editor's "new exemplar" form at a viewport, recording requests that leave 127.0.0.1. */
function openNewExemplar(viewport: typeof DESKTOP | typeof PHONE): Promise<{ page: Page; offSite: string[] }> {
  return openNew("exemplars", "Tiêu đề", viewport);
}

/** Opens a collection's "new" form (shown once the field labelled `firstLabel` is), recording requests that leave 127.0.0.1. */
async function openNew(collection: string, firstLabel: string, viewport: typeof DESKTOP | typeof PHONE): Promise<{ page: Page; offSite: string[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(SLOW);
  page.setDefaultNavigationTimeout(SLOW);
  await page.setViewport(viewport);
  // Decap asks (window.confirm) whether to restore the backup of a form left unsaved by an earlier test: no.
  page.on("dialog", (d) => void d.dismiss());
  const offSite: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!/^(data:|blob:|http:\/\/127\.0\.0\.1:)/.test(url)) offSite.push(url);
  });
  await page.goto(`${editor.url}#/collections/${collection}/new`);
  // The local git server needs no password: "Đăng nhập" just enters (once per browser profile), then the form shows.
  await page.waitForFunction(
    () => document.querySelector("label") !== null || [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Đăng nhập"),
  );
  if ((await page.$("label")) === null) await page.locator("button ::-p-text(Đăng nhập)").click();
  await page.waitForSelector(`label ::-p-text(${firstLabel})`);
  return { page, offSite };
}

/** The id of the control a label names (Decap numbers its fields; the label is what the clerk reads). */
async function controlId(page: Page, label: string): Promise<string> {
  const id = await page.$$eval("label", (labels, text) => labels.find((l) => l.textContent?.trim() === text)?.htmlFor ?? "", label);
  if (!id) throw new Error(`No field labelled ${label}`);
  return id;
}

async function typeInto(page: Page, label: string, value: string): Promise<void> {
  await page.locator(`[id="${await controlId(page, label)}"]`).fill(value);
}

/**
 * A date picker delivers its choice as the input's new value and an `input` event. Set through the prototype's
 * setter, as the browser does, so React sees the change (setting `.value` on the element would be swallowed).
 */
async function pickDate(page: Page, label: string, isoDate: string): Promise<void> {
  await page.$eval(
    `[id="${await controlId(page, label)}"]`,
    (el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setter?.call(el, value);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    isoDate,
  );
  expect(await page.$eval(`[id="${await controlId(page, label)}"]`, (el) => (el as HTMLInputElement).value)).toBe(isoDate);
}

/** Picks an option of a select by the name shown (react-select: type to filter, then choose the option). */
async function choose(page: Page, label: string, optionName: string): Promise<void> {
  const id = await controlId(page, label);
  await page.locator(`[id="${id}"]`).click();
  await page.keyboard.type(optionName);
  await page.locator(`div[id*="-option-"] ::-p-text(${optionName})`).click();
}

interface Proposal {
  title: string;
  name: string;
  birthYear: number;
  unit: { id: string; name: string };
  ward: { id: string; name: string };
  field: { id: string; name: string };
  channel: { id: string; name: string };
  summary: string;
  achievement: string;
  body: string;
  alt: string;
}

function proposal(suffix: string): Proposal {
  const site = parse(readFileSync(path.join(REPO, "content/site.yaml"), "utf8")) as Record<string, { id: string; name: string }[]>;
  const pick = (list: string, id: string) => site[list]!.find((x) => x.id === id)!;
  return {
    title: `Đoàn viên Đặng Thị Đào ${suffix} giữ phố sạch đẹp`,
    name: "Đặng Thị Đào",
    birthYear: 1995,
    unit: pick("units", "dang-uy-nghia-do"),
    ward: pick("wards", "nghia-do"),
    field: pick("fields", "moi-truong-do-thi"),
    channel: pick("channels", "portal"),
    summary: "Đoàn viên phường Nghĩa Đô vận động 40 hộ phân loại rác tại nguồn.",
    achievement: "Vận động 40 hộ gia đình phân loại rác tại nguồn",
    body: "Chị Đào cùng tổ thanh niên tình nguyện dọn sạch ngõ phố mỗi sáng Chủ nhật.",
    alt: "Chị Đào cùng thanh niên dọn rác ở ngõ phố",
  };
}

/** The photo the clerk uploads: a real PNG file, 1×1 pixel. */
function imageFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gs-editor-img-"));
  temporary.push(dir);
  const file = path.join(dir, "don-rac.png");
  writeFileSync(
    file,
    Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
  );
  return file;
}

/**
 * Uploads the photo through the media library and waits until its dialog has closed and the form shows the image
 * (a click while the dialog fades out would land on its overlay and be lost).
 */
async function uploadImage(page: Page, file: string): Promise<void> {
  await page.locator("button ::-p-text(Chọn một hình)").click();
  const upload = await page.waitForSelector('input[type="file"]');
  await upload!.uploadFile(file);
  await page.locator("button ::-p-text(Lấy những cái đã chọn)").click();
  await page.waitForSelector("button ::-p-text(Chọn hình khác)");
  await page.waitForFunction(
    () => document.querySelector(".ReactModal__Overlay") === null && ![...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Lấy những cái đã chọn"),
  );
}

async function fillProposal(page: Page, p: Proposal, image?: string): Promise<void> {
  if (p.title) await typeInto(page, "Tiêu đề", p.title);
  await choose(page, "Loại điển hình", "Cá nhân");
  await typeInto(page, "Họ tên / tên gọi", p.name);
  await typeInto(page, "Năm sinh (không bắt buộc)", String(p.birthYear));
  await choose(page, "Đơn vị đề xuất", p.unit.name);
  await choose(page, "Phường (không bắt buộc)", p.ward.name);
  await choose(page, "Lĩnh vực", p.field.name);
  await pickDate(page, "Ngày đề xuất", "2019-05-19");
  await typeInto(page, "Trích ngang", p.summary);
  await page.locator("button ::-p-text(kết quả đạt được)").click();
  await page.locator('textarea[id^="item-field"]').fill(p.achievement);
  await choose(page, "Kênh tuyên truyền", p.channel.name);
  await page.locator(`[id="${await controlId(page, "Đồng ý công bố (không bắt buộc)")}"]`).click();
  if (image) {
    // The image: uploaded through the media library, then described.
    await uploadImage(page, image);
    await typeInto(page, "Mô tả ảnh (không bắt buộc)", p.alt);
  }
  const body = await page.waitForSelector('[data-slate-editor="true"]');
  await body!.click();
  await page.keyboard.type(p.body);
}

async function save(page: Page): Promise<void> {
  await page.locator("button ::-p-text(Lưu)").click();
}

/** Waits until the save is a branch in the repository; on failure keeps a screenshot and what the editor said. */
async function expectSavedNotice(page: Page, name: string, slug: string): Promise<void> {
  const deadline = Date.now() + SLOW;
  while (Date.now() < deadline) {
    if (git(repo.dir, "branch", "--list", `cms/exemplars/*/${slug}`)) {
      // The editor tells the clerk too.
      await page.waitForSelector("::-p-text(Thay đổi đã được lưu)");
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await page.screenshot({ path: path.join(tmpdir(), `gs-editor-${name}.png`), fullPage: true });
  const said = await page.evaluate(() => document.body.innerText.split("\n").filter((l) => /bắt buộc|Không thể|lỗi|không khớp/i.test(l)).join("\n"));
  throw new Error(`No branch for ${slug} after saving. The editor said:\n${said}\n${editor.output()}`);
}

function validate(dir: string): { code: number; out: string } {
  try {
    const out = execFileSync("npx", ["tsx", path.join(REPO, "scripts/validate.ts"), "--content", path.join(dir, "content")], { cwd: REPO, encoding: "utf8" });
    return { code: 0, out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** Asserts a branch now holds the exemplar with exactly the values typed, and that `npm run validate` accepts it. */
function expectSavedBranch(p: Proposal): void {
  const slug = slugify(p.title);
  const branches = git(repo.dir, "branch", "--list", "cms/*", "--format=%(refname:short)").split("\n");
  const branch = branches.find((b) => b.endsWith(slug));
  expect(branch, `branches: ${branches.join(", ")}`).toBe(`cms/exemplars/2019/${slug}`);
  const file = `content/exemplars/2019/${slug}.md`;
  const text = git(repo.dir, "show", `${branch}:${file}`);
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const data = parse(front ?? "") as Record<string, unknown>;
  expect(data).toEqual({
    title: p.title,
    kind: "individual",
    subject: { name: p.name, birthYear: p.birthYear },
    unit: p.unit.id,
    ward: p.ward.id,
    field: p.field.id,
    date: "2019-05-19",
    summary: p.summary,
    achievements: [p.achievement],
    channels: [p.channel.id],
    consent: true,
    image: { src: "don-rac.png", alt: p.alt },
    draft: false,
  });
  expect(body?.trim()).toBe(p.body);
  // The image sits beside the entry on the same branch.
  expect(git(repo.dir, "ls-tree", "--name-only", branch as string, "content/exemplars/2019/")).toContain("content/exemplars/2019/don-rac.png");
  expectBranchValidates(branch as string);
}

/** The branch's content validates: its content/ taken out of git as it is on the branch, checked by `npm run validate`. */
function expectBranchValidates(branch: string): string {
  const check = mkdtempSync(path.join(tmpdir(), "gs-editor-check-"));
  try {
    const tar = path.join(check, "branch.tar");
    git(repo.dir, "archive", "--format=tar", "-o", tar, branch, "content");
    execFileSync("tar", ["-xf", tar, "-C", check]);
    const result = validate(check);
    expect(result.out).not.toMatch(/error/);
    expect(result.code).toBe(0);
    return result.out;
  } finally {
    rmSync(check, { recursive: true, force: true });
  }
}

describe("npm run editor in Chromium", () => {
  it("creates an exemplar through the form, and the save is a branch whose file validates", async () => {
    const p = proposal("Một");
    const { page, offSite } = await openNewExemplar(DESKTOP);
    await fillProposal(page, p, imageFile());
    // The preview beside the form is the site's own exemplar page.
    const preview = page.frames().find((f) => f !== page.mainFrame());
    await preview!.waitForSelector("article.exemplar h1 ::-p-text(giữ phố sạch đẹp)");
    await save(page);
    await expectSavedNotice(page, "desktop", slugify(p.title));
    expectSavedBranch(p);
    expect(offSite).toEqual([]);
    await page.close();
  }, 600_000);

  it("refuses to save without a required field and names it (only it: the image is optional, but never without its description)", async () => {
    const p = proposal("Hai");
    const { page } = await openNewExemplar(DESKTOP);
    await fillProposal(page, { ...p, title: "" });
    const saved = () => ({ branches: git(repo.dir, "branch", "--list", "cms/*"), main: git(repo.dir, "rev-parse", "main") });
    const before = saved();
    await save(page);
    await page.waitForSelector("::-p-text(Tiêu đề bắt buộc nhập.)");
    // Every field the editor flags (shown upper-case by its style): the title, and nothing else.
    const flagged = await page.evaluate(() => document.body.innerText.split("\n").filter((l) => /bắt buộc nhập\.$/i.test(l.trim())));
    expect(flagged.map((l) => l.trim().toLowerCase())).toEqual(["tiêu đề bắt buộc nhập."]);
    expect(saved()).toEqual(before);

    // With the title, but a photo without its description: refused too, naming the field.
    await typeInto(page, "Tiêu đề", p.title);
    await uploadImage(page, imageFile());
    // The first refusal's notice ("Bạn còn thiếu vài thông tin bắt buộc…") closes after 8 s: wait it out, so the
    // notice read below can only come from this save.
    await page.waitForFunction(() => !document.body.innerText.includes("Bạn còn thiếu vài thông tin bắt buộc"), { timeout: 30_000 });
    // Decap's notice closes after a few seconds: watch for it from before the click.
    const notice = page.waitForSelector('::-p-text(Mục "Ảnh" còn thiếu "Mô tả ảnh")');
    await save(page);
    const shown = await notice;
    expect(await shown!.evaluate((el) => el.textContent?.trim())).toBe('Không thể giữ lại mục: Mục "Ảnh" còn thiếu "Mô tả ảnh": hãy điền, hoặc bỏ trống cả mục.');
    // Not Decap's generic notice, and no field flagged: the notice is the only word, and it names the field.
    expect(await page.evaluate(() => document.body.innerText.includes("Bạn còn thiếu vài thông tin bắt buộc"))).toBe(false);
    expect(await page.evaluate(() => document.body.innerText.split("\n").filter((l) => /bắt buộc nhập\.$/i.test(l.trim())))).toEqual([]);
    expect(await page.$("::-p-text(Thay đổi đã được lưu)")).toBeNull();
    expect(saved()).toEqual(before);
    await page.close();
  }, 600_000);

  it("creates a bulletin: the file is bulletins/<yyyy>-<nn>.md, the number zero-padded, and it validates", async () => {
    const { page, offSite } = await openNew("bulletins", "Số bản tin", DESKTOP);
    const typed = { number: 3, date: "2019-03-31", title: "Những người giữ lửa ở khu dân cư", exemplar: "chi-hoi-truong-hoang-thi-anh", body: "Bạn đọc thân mến! Số này giới thiệu những người giữ lửa ở khu dân cư." };
    await typeInto(page, "Số bản tin", String(typed.number));
    await pickDate(page, "Ngày phát hành", typed.date);
    await typeInto(page, "Chủ đề (không bắt buộc)", typed.title);
    await page.locator("button ::-p-text(điển hình)").click();
    await page.locator('textarea[id^="item-field"]').fill(typed.exemplar);
    const body = await page.waitForSelector('[data-slate-editor="true"]');
    await body!.click();
    await page.keyboard.type(typed.body);
    await save(page);
    const branch = "cms/bulletins/2019-03";
    const deadline = Date.now() + SLOW;
    while (!git(repo.dir, "branch", "--list", branch) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    const branches = git(repo.dir, "branch", "--list", "cms/bulletins/*", "--format=%(refname:short)");
    if (!branches) await page.screenshot({ path: path.join(tmpdir(), "gs-editor-bulletin.png"), fullPage: true });
    expect(branches, editor.output()).toBe(branch);
    await page.waitForSelector("::-p-text(Thay đổi đã được lưu)");
    // The branch adds exactly the one file, named as the contract says.
    expect(git(repo.dir, "diff", "--name-only", "main", branch)).toBe("content/bulletins/2019-03.md");
    const text = git(repo.dir, "show", `${branch}:content/bulletins/2019-03.md`);
    const [, front, rest] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    // The values typed, and nothing else (the hidden file name field stays out of the file).
    expect(parse(front ?? "")).toEqual({ number: typed.number, date: typed.date, title: typed.title, exemplars: [typed.exemplar], draft: false });
    expect(rest?.trim()).toBe(typed.body);
    expect(expectBranchValidates(branch)).toMatch(/: 0 lỗi, 0 cảnh báo\.$/m);
    expect(offSite).toEqual([]);
    await page.close();
  }, 600_000);

  it("does the same on a 360 px phone screen", async () => {
    const p = proposal("Ba");
    const { page } = await openNewExemplar(PHONE);
    // Decap needs 800 CSS px: the page asks the phone to lay it out at EDITOR_LAYOUT_WIDTH and zoom out, so
    // nothing sits off screen (the media library's buttons included).
    const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    await fillProposal(page, p, imageFile());
    await save(page);
    await expectSavedNotice(page, "phone", slugify(p.title));
    expectSavedBranch(p);
    expect(layout).toEqual({ scroll: EDITOR_LAYOUT_WIDTH, inner: EDITOR_LAYOUT_WIDTH });
    await page.close();
  }, 600_000);
});
