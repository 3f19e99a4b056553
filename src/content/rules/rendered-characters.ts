// unicode-bidi, unicode-invisible, unicode-control, unicode-nfc on what the site renders: the same character rules
// as on the file's bytes, for characters written as HTML entities (&#x202E;, &rlm;, &shy;, e&#769;) in the body
// or in a field shown through the Markdown renderer. Characters typed into the file are text.ts's to report.
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import { entityColumn, lineAt, readerBlocks, readerInline } from "../reader-text.ts";
import { specialCharacters } from "../text.ts";
import { eachString, perDocument, type Rule, type RuleContext } from "./context.ts";

// An HTML entity as markdown-it decodes them: the only way the renderer adds a character to the text.
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

const NFC_MESSAGE = "Chữ tiếng Việt chưa ở dạng Unicode dựng sẵn (NFC): dấu được viết tách rời bằng mã HTML (&#…;) trong bài. Hãy gõ thẳng chữ có dấu thay cho mã đó.";

function check(ctx: RuleContext, doc: ParsedDoc): LocalFinding[] {
  const out: LocalFinding[] = [];
  eachString(doc.data ?? {}, "", (pointer, value) => {
    if (!ENTITY.test(value)) return; // no entity, nothing the renderer adds
    const rendered = readerInline(value);
    const seen = new Set<string>();
    for (const found of specialCharacters(rendered, "entity")) {
      if (value.includes(found.ch) || seen.has(found.ch)) continue;
      seen.add(found.ch);
      out.push(ctx.at(doc, pointer, found.rule, found.message));
    }
    if (rendered.normalize("NFC") !== rendered && value.normalize("NFC") === value) out.push(ctx.at(doc, pointer, "unicode-nfc", NFC_MESSAGE));
  });
  if (doc.text === undefined || !ENTITY.test(doc.body)) return out;
  const lines = doc.text.split("\n");
  const seen = new Set<string>();
  for (const block of readerBlocks(doc.body, doc.bodyLine)) {
    for (const found of specialCharacters(block.text, "entity")) {
      if (found.ch === "\n") continue;
      const line = lineAt(block, found.index);
      const source = lines[line - 1] ?? "";
      if (source.includes(found.ch) || seen.has(`${line}\u0000${found.ch}`)) continue;
      seen.add(`${line}\u0000${found.ch}`);
      out.push({ file: doc.file, line, column: entityColumn(source, found.ch) ?? 1, severity: "error", rule: found.rule, message: found.message });
    }
    block.text.split("\n").forEach((text, i) => {
      const line = block.line + i;
      const source = lines[line - 1] ?? "";
      if (text.normalize("NFC") === text || source.normalize("NFC") !== source) return;
      const mark = [...text].find((ch) => /\p{M}/u.test(ch));
      out.push({ file: doc.file, line, column: (mark && entityColumn(source, mark)) || 1, severity: "error", rule: "unicode-nfc", message: NFC_MESSAGE });
    });
  }
  return out;
}

export const renderedCharacters: Rule = (ctx) => ctx.docs.flatMap((doc) => perDocument(ctx, "rendered-characters", doc, () => check(ctx, doc)));
