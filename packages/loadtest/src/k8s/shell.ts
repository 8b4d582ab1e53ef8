/** Quotes one word for POSIX sh: single quotes, with `'` written as `'\''`. Safe for any input. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes and joins words into one sh command line. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
