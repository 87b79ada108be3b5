/**
 * The key a typed label is compared by: "电工（工种）", "电工(工种) " and "電工" are not all foldable, but
 * the first two are: NFKC folds full-width brackets and letters, whitespace goes, quotes go, and a trailing
 * "（工种）"/"（职业）" says what the word is, not which one.
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/gu, '')
    .replace(/["'“”‘’「」『』]/gu, '')
    .replace(/【/gu, '(')
    .replace(/】/gu, ')')
    .replace(/\((工种|职业|工种\/职业|职业\/工种)\)$/u, '')
    .toLowerCase();
}

/** The key with every bracket removed but its content kept: "创业培训(SYB)" → "创业培训syb". */
export function looseKey(text: string): string {
  return labelKey(text).replace(/[()[\]〔〕]/gu, '');
}
