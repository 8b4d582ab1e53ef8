/**
 * RFC 4180 records as PostgreSQL's csvlog writes them: fields separated by commas, quoted with `"` when
 * they hold a comma, a quote or a line break (quotes doubled inside). Yields each record's fields and the
 * 1-based line it starts on.
 */
export function* csvRecords(text: string): Generator<{ fields: string[]; line: number }> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      yield { fields, line: start };
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { fields, line: start };
  }
}
