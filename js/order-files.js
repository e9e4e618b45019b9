// Orders in a file's text, whatever its kind: `.csv` (see csv.js), `.jsonl` (an order a line) or
// `.json` (one order or an array). Each comes with its place in the file, for messages. Shared by
// the `ordercraft` command and the order builder's batch tab.
import { ordersFromCsv } from './csv.js';

/** `[{ order, place, entry? }]`; `entry` (CSV only) locates issues by row and column. Throws a plain `Error` naming the line for text that is not JSON. */
export function ordersFromText(name, text, structure) {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) {
    return ordersFromCsv(text, structure).map((entry) => ({
      order: entry.order, entry, place: entry.rows[0] === entry.rows[1] ? `row ${entry.rows[0]}` : `rows ${entry.rows[0]}–${entry.rows[1]}`,
    }));
  }
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
    return text.split('\n').flatMap((line, i) => {
      if (!line.trim()) return [];
      try { return [{ order: JSON.parse(line), place: `line ${i + 1}` }]; } catch (e) { throw new Error(`line ${i + 1} is not JSON: ${e.message}`); }
    });
  }
  let value;
  try { value = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) { throw new Error(`not JSON: ${e.message}`); }
  return Array.isArray(value) ? value.map((order, i) => ({ order, place: `item ${i}` })) : [{ order: value, place: 'the order' }];
}
