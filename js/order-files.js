// Orders in a file's text, whatever its kind: `.csv` (see csv.js), `.jsonl` (an order a line) or
// `.json` (one order or an array). Each comes with its place in the file, for messages. Shared by
// the `ordercraft` command and the order builder's batch tab.
import { ArgumentError } from '../pkg/errors.js';
import { jsonParseLosses } from '../pkg/guarded.js';
import { ordersFromCsv, rowsText } from './csv.js';

/** `jsonParseLosses(text)`, or `undefined` for text ordercraft does not read. */
function lossesIn(text) {
  try {
    return jsonParseLosses(text);
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    return undefined;
  }
}

/**
 * What makes JSON text that `JSON.parse` reads not the order it seems, or `undefined`: a name
 * given twice in one object (JSON.parse keeps the last value without a word), a number it would
 * round, or text ordercraft does not read. Worded to follow "the file", "line 3" or "the JSON".
 */
export function unclearJson(text) {
  const losses = lossesIn(text);
  if (!losses) return 'is JSON ordercraft does not read (a number out of range, a lone surrogate, or nesting deeper than 128)';
  const [loss] = losses;
  return loss && `at ${loss.path}: ${loss.message}${loss.code === 'duplicate' ? ' (JSON.parse would keep the last)' : ''}`;
}

/** Whether a JavaScript number would round the number `text` writes in decimal (a CSV cell); one out of a double's range it cannot read at all. */
function rounds(text) {
  const losses = lossesIn(text.replace(/^(-?)\./, '$10.')); // `.5` as JSON writes it
  return !losses || losses.length > 0;
}

/** `JSON.parse(text)`, refusing what `unclearJson` finds; the `Error` says why, worded as there. */
export function parseJson(text) {
  let value;
  try { value = JSON.parse(text); } catch (e) { throw new Error(`is not JSON: ${e.message}`); }
  const unclear = unclearJson(text);
  if (unclear) throw new Error(unclear);
  return value;
}

/** `[{ order, place, entry? }]`; `entry` (CSV only) locates issues by row and column. Throws a plain `Error` naming the line for text that is not JSON or gives a name twice. */
export function ordersFromText(name, text, structure) {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) {
    return ordersFromCsv(text, structure, { rounds }).map((entry) => ({
      order: entry.order, entry, place: rowsText(entry.rows),
    }));
  }
  const json = text.replace(/^\uFEFF/, ''); // a byte-order mark, as Windows editors save files
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
    return json.split('\n').flatMap((line, i) => {
      if (!line.trim()) return [];
      try { return [{ order: parseJson(line), place: `line ${i + 1}` }]; } catch (e) { throw new Error(`line ${i + 1} ${e.message}`); }
    });
  }
  let value;
  try { value = parseJson(json); } catch (e) { throw new Error(`the file ${e.message}`); }
  return Array.isArray(value) ? value.map((order, i) => ({ order, place: `item ${i}` })) : [{ order: value, place: 'the order' }];
}
