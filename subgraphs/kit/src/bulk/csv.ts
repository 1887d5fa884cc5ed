/**
 * One CSV record of one line (RFC 4180 quoting: `"a, b"`, `""` for a quote). Department
 * lists are exported by spreadsheets one record per line; a quoted line break is not read.
 */
export function parseCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Booleans as lists write them: true/false, 1/0, yes/no, 是/否. */
export function parseCsvBoolean(value: string | undefined): boolean | null {
  const v = (value ?? '').trim().toLowerCase();
  if (['true', '1', 'yes', 'y', '是'].includes(v)) return true;
  if (['false', '0', 'no', 'n', '否', ''].includes(v)) return false;
  return null;
}
