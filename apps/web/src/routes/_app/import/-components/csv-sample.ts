/** The part of a CSV file sent for the preview, and how many data rows the whole file holds. */
export interface CsvSample {
  /** The header and the first rows, cut at a row boundary. */
  text: string;
  /** Data rows in the sample. */
  sampleRows: number;
  /** Non-blank data rows in the whole file. */
  totalRows: number;
}

/**
 * Cuts a CSV text after `maxRows` data rows (or `maxBytes` characters), at a row boundary: a newline inside
 * a quoted cell does not end a row. Counts the rows of the whole file on the way.
 */
export function sampleCsv(input: string, maxRows: number, maxBytes = 512 * 1024): CsvSample {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let inQuotes = false;
  let rows = -1; // the header is not a data row
  let rowHasContent = false;
  let cut = -1;
  let sampleRows = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      inQuotes = !inQuotes;
      rowHasContent = true;
    } else if (c === 10 /* \n */ && !inQuotes) {
      if (rowHasContent) rows++;
      rowHasContent = false;
      if (cut === -1 && (rows >= maxRows || i >= maxBytes)) {
        cut = i + 1;
        sampleRows = Math.max(rows, 0);
      }
    } else if (c !== 13 /* \r */ && c !== 44 /* , */ && c !== 59 /* ; */ && c !== 9 && c !== 32) {
      rowHasContent = true;
    }
  }
  if (rowHasContent) rows++;
  const totalRows = Math.max(rows, 0);
  if (cut === -1) return { text, sampleRows: totalRows, totalRows };
  return { text: text.slice(0, cut), sampleRows, totalRows };
}
