/** Rows of variable values from pasted CSV (a header row of names first) or a JSON array of objects. */
export function parseCaseRows(text: string): { rows: Record<string, string>[] } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'Paste CSV with a header row, or a JSON array of objects.' };
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return { problem: `That is not valid JSON (${(error as Error).message}).` };
    }
    if (!Array.isArray(parsed) || !parsed.every((row) => row && typeof row === 'object' && !Array.isArray(row))) {
      return { problem: 'The JSON must be an array of objects, one per case: [{"name": "value"}].' };
    }
    return {
      rows: (parsed as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
        ),
      ),
    };
  }
  const records = parseCsv(trimmed);
  const [header, ...body] = records;
  if (!header || body.length === 0)
    return { problem: 'The CSV needs a header row of variable names and at least one row.' };
  return {
    rows: body
      .filter((record) => record.some((cell) => cell.length > 0))
      .map((record) => Object.fromEntries(header.map((name, index) => [name.trim(), record[index] ?? '']))),
  };
}

/** RFC 4180: commas, quoted fields with `""` for a quote, newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === '\t') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  record.push(field);
  records.push(record);
  return records;
}
