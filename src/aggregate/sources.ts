// The aggregate's sources file: YAML with positions, validated by schemas/sources.schema.json and two rules of its own
// (each source is a url or a path, never both; ids are unique), every problem a Vietnamese finding at file:line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AggregateSources } from "../types/generated.ts";
import type { Finding } from "../content/model.ts";
import { positionOf, validateData } from "../content/parse.ts";
import { decodeUtf8 } from "../content/text.ts";
import { parseYaml } from "../content/yaml.ts";

/** One source as the aggregate reads it: a published site (`url`) or a built folder on this machine (`dir`, absolute). */
export interface Source {
  id: string;
  /** The display name the sources file gives, if any (else the source's own /api/site.json name). */
  name?: string;
  url?: string;
  dir?: string;
  /** Line of the source in the sources file, for messages. */
  line: number;
}

export interface SourcesConfig {
  title: string;
  organisation?: string;
  baseUrl?: string;
  sample: boolean;
  sources: Source[];
}

/** The page title when the sources file gives none. */
export const DEFAULT_TITLE = "Gương sáng học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: tổng hợp các đơn vị";

function byPosition(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Reads and checks the sources file. Returns the config when there is no error; `file` in findings is relative to
 * `cwd`. A file that cannot be read at all is a finding too (the command turns it into a usage error).
 */
export async function readSources(file: string, cwd: string): Promise<{ config?: SourcesConfig; findings: Finding[] }> {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs).split(path.sep).join("/") || file;
  const finding = (line: number, column: number, rule: string, message: string): Finding => ({ file: rel, line, column, severity: "error", rule, message });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch {
    return { findings: [finding(1, 1, "sources-missing", `Không đọc được tệp nguồn ${rel}. Hãy kiểm tra đường dẫn sau --sources.`)] };
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.text === undefined) return { findings: decoded.problems.map((p) => finding(p.pos.line, p.pos.column, p.rule, p.message)) };
  const parsed = parseYaml(decoded.text.normalize("NFC"), "sources");
  const findings: Finding[] = parsed.problems.map((p) => finding(p.pos.line, p.pos.column, p.rule, p.message));
  if (parsed.data === undefined || findings.length > 0) return { findings };
  const { valid, problems } = validateData("sources", parsed.data, parsed.positions, rel);
  findings.push(...problems);
  if (!valid) return { findings: byPosition(findings) };

  const data = parsed.data as AggregateSources;
  const seen = new Map<string, number>();
  const sources: Source[] = [];
  data.sources.forEach((s, i) => {
    const at = positionOf(parsed.positions, `/sources/${i}`);
    const idAt = positionOf(parsed.positions, `/sources/${i}/id`);
    if ((s.url === undefined) === (s.path === undefined)) {
      findings.push(
        finding(at.line, at.column, "source-location", `Nguồn "${s.id}" phải có đúng một trong hai trường: url (địa chỉ trang đã công bố) hoặc path (thư mục đã dựng trên máy).`),
      );
    }
    const first = seen.get(s.id);
    if (first !== undefined) {
      findings.push(finding(idAt.line, idAt.column, "source-duplicate", `Mã nguồn "${s.id}" đã dùng ở dòng ${first}; mỗi nguồn một mã riêng.`));
    } else seen.set(s.id, idAt.line);
    sources.push({
      id: s.id,
      ...(s.name ? { name: s.name } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.path ? { dir: path.resolve(path.dirname(abs), s.path) } : {}),
      line: at.line,
    });
  });
  if (findings.length > 0) return { findings: byPosition(findings) };
  return {
    config: {
      title: data.title ?? DEFAULT_TITLE,
      ...(data.organisation ? { organisation: data.organisation } : {}),
      ...(data.baseUrl ? { baseUrl: data.baseUrl } : {}),
      sample: data.sample ?? false,
      sources,
    },
    findings,
  };
}
