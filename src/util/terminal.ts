// Text printed to a terminal or a CI log, made inert: values and file names from content can neither drive
// the terminal (ESC sequences, other C0/C1 controls), hide or reorder text (bidi, invisible characters), break
// one line into several, nor be read by GitHub Actions as a workflow command (`::error …`, `##[…]`).

import { characterClass, UNSAFE_IN_A_LINE } from "./characters.ts";

// C0 but Tab, DEL, C1, bidi controls, zero-width and other invisible format characters, line and paragraph
// separators, noncharacters, surrogates without their pair (the list is src/util/characters.ts).
const UNSAFE = characterClass(UNSAFE_IN_A_LINE, "g");

/** `<U+001B>`: how an unsafe character is shown. */
function visible(ch: string): string {
  return `<U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** One line of text with every unsafe character shown as `<U+XXXX>` (so a message never spans two lines). */
export function plainText(text: string): string {
  return text.replace(UNSAFE, visible).replace(/##\[/g, "# #[");
}

/**
 * A line safe to print: `plainText`, and a line that would begin with `::` (after any spaces, as the
 * runner reads it) starts with `./` instead. Our lines start with a file path, so `./::x.md` still names it.
 */
export function safeLine(text: string): string {
  const plain = plainText(text);
  return /^\s*::/.test(plain) ? `./${plain.trimStart()}` : plain;
}
