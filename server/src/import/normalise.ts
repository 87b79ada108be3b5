/**
 * Label normalisation shared by header and county matching. Reporters type in Excel, WPS and Word-pasted
 * text, so the same label arrives with full-width or half-width brackets, ideographic spaces, line breaks
 * inside a cell and curly quotes; all of those must compare equal.
 */

/**
 * NFKC folds full-width letters, digits, brackets, colons and the ideographic space (U+3000) into ASCII;
 * then every kind of whitespace goes, including the line breaks people put inside header cells.
 */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\ufeff]+/gu, '');
}

// 【】 and 〔〕 have no NFKC fold, so they are listed beside the ASCII pairs NFKC produces.
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/gu;
const QUOTES = /["'“”‘’「」『』]/gu;

/** Removes bracketed parts, innermost first so nested brackets go too. */
export function stripBracketed(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(BRACKETED, '');
  } while (current !== previous);
  return current;
}

/**
 * A header cell reduced to what identifies the indicator: "其中：贫困劳动力（人次）" and "“两后生”等青年"
 * become "贫困劳动力" and "两后生等青年". Lower-cased so codes ("e1") match whatever case was typed.
 */
export function headerKey(text: string): string {
  const trimmed = compact(text).replace(/^其中:/u, '');
  return stripBracketed(trimmed).replace(QUOTES, '').toLowerCase();
}
