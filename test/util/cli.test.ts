// The one argument parser: both spellings of a value, --help everywhere, and Vietnamese messages for every misuse.
import { describe, expect, it } from "vitest";
import { parseCommandArgs, UsageError } from "../../src/util/cli.ts";
import { parseBuildArgs } from "../../src/build/cli.ts";
import { parseStartArgs } from "../../src/build/start.ts";

const OPTIONS = { content: { type: "string" }, "no-pdf": { type: "boolean" } } as const;

function message(argv: string[]): string {
  try {
    parseCommandArgs(argv, OPTIONS);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no error");
}

describe("parseCommandArgs", () => {
  it("reads --flag=value and --flag value alike, and --help / -h", () => {
    expect(parseCommandArgs(["--content=x"], OPTIONS).values.content).toBe("x");
    expect(parseCommandArgs(["--content", "x"], OPTIONS).values.content).toBe("x");
    expect(parseCommandArgs(["--help"], OPTIONS).values.help).toBe(true);
    expect(parseCommandArgs(["-h"], OPTIONS).values.help).toBe(true);
  });

  it("says in Vietnamese what is wrong", () => {
    expect(message(["--bogus"])).toBe('Không hiểu tùy chọn "--bogus".');
    expect(message(["thừa"])).toBe('Không hiểu tham số "thừa".');
    expect(message(["--content"])).toBe("Thiếu giá trị sau --content.");
    expect(message(["--content", "--no-pdf"])).toBe("Thiếu giá trị sau --content.");
    expect(message(["--content="])).toBe("Thiếu giá trị sau --content.");
    expect(message(["--no-pdf=1"])).toBe("Tùy chọn --no-pdf không nhận giá trị.");
  });
});

describe("the commands use it", () => {
  it("build and start take --content=x as --content x", () => {
    expect(parseBuildArgs(["--content=x", "--out", "y"])).toMatchObject({ contentDir: "x", outDir: "y" });
    expect(parseStartArgs(["--content=x", "--port=9000"])).toEqual({ content: "x", port: 9000, help: false });
    expect(() => parseStartArgs(["--port", "abc"])).toThrow('Cổng phải là một số, ví dụ --port 8080; đang là "abc".');
  });
});
