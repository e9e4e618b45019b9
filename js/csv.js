// Orders as spreadsheets export them, and back. The header names field paths: `.` enters an
// object (`delivery.consignee_name`), `[]` the items of a list (`sub_orders[].sku_code`).
// Consecutive rows with the same value in the first column are one order (a row that leaves it
// blank is refused with the order above it, and one order's rows apart are refused); each row
// adds one item to every list whose columns it fills. A first column headed `#` numbers the orders
// and is not sent: where an order has no key field, two orders next to each other that share
// their first field (PandaPon's address) would otherwise read as one. Cells are typed by the
// endpoint's schema; an empty cell is absent. Rows are numbered as a spreadsheet numbers them: the
// header is row 1.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A column's path: `[{ name, list }]`, `list` when the name is followed by `[]`. */
function columnPath(header) {
  return header.split('.').map((part) => (part.endsWith('[]') ? { name: part.slice(0, -2), list: true } : { name: part, list: false }));
}

/** The schema field a column path reaches, or undefined for a name the schema does not have. */
function fieldAt(structure, path) {
  let fields = structure.fields;
  let field;
  for (const { name } of path) {
    field = fields?.find((f) => f.name === name);
    fields = field?.structure?.fields;
  }
  return field;
}

const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell's value as its field wants it: numbers for number fields (text where the field takes numeric text), booleans (TRUE as spreadsheets write it too), else text. */
function typed(field, text) {
  if (!field) return text;
  if (field.kind === 'boolean') { // in any case: spreadsheets write TRUE and FALSE
    const word = text.trim().toLowerCase();
    return word === 'true' ? true : word === 'false' ? false : text;
  }
  if ((field.kind === 'integer' || field.kind === 'number') && !field.textOk) {
    // A number as written in decimal only: Number() would also read 0x10 as 16 and 0b10 as 2.
    return DECIMAL.test(text.trim()) ? Number(text) : text;
  }
  return text; // text, ids (exact as text past 2^53), numeric text kept as given
}

/**
 * The orders in CSV text: `[{ order, rows: [first, last], problems }]`. `problems` are cells that
 * could not be placed (a second, different value for a field that is not in a list) and, where
 * `rounds(text)` is given, numbers a JavaScript number would round (kept as their text, so an
 * order edited afterwards cannot go out with the rounded value).
 */
export function ordersFromCsv(text, structure, { rounds } = {}) {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  if (records.length === 0) return [];
  const [header, ...rows] = records;
  const columns = header.map((h) => ({ header: h, path: columnPath(h.trim()) }));
  if (header[0]?.trim() === ORDER_NUMBER) columns[0].path = null; // says which order; not a field
  const orders = [];
  let current;
  rows.forEach((cells, i) => {
    const rowNumber = i + 2;
    // A blank first cell names no order: a spreadsheet leaves it so for a merged cell or a value
    // not filled down, meaning the order above. Read as an order of its own, it would let the
    // order above go out without this row's lines; taken with that order, it holds it back.
    const blank = (cells[0] ?? '').trim() === '';
    if (!current || (cells[0] !== current.first && !blank)) {
      current = { first: cells[0], order: {}, rows: [rowNumber, rowNumber], itemRows: {}, problems: [] };
      orders.push(current);
    }
    current.rows[1] = rowNumber;
    if (blank) {
      current.problems.push({ row: rowNumber, column: header[0], message: `row ${rowNumber} leaves ${header[0]} blank: each row names its order there (the rows of one order repeat it), so which order this row belongs to is not written: fill it in` });
    }
    // Cells past the header's would be dropped, and a comma in a cell that is not quoted shifts
    // every cell after it into the next column: the row is refused, never read half right.
    // (Fewer cells are the last ones left empty, as some tools write them.)
    const extra = cells.slice(header.length).some((cell) => cell !== '');
    if (extra) {
      current.problems.push({ row: rowNumber, column: String(header.length + 1), message: `row ${rowNumber} has ${cells.length} cells, the header names ${header.length}: a comma inside a cell that is not quoted? (quote such a cell: "a, b")` });
    }
    const newItems = new Map(); // list path text → the item this row adds to it, and its index
    columns.forEach(({ header: h, path }, c) => {
      const cell = cells[c] ?? '';
      if (cell === '' || !path) return;
      const value = typed(fieldAt(structure, path), cell);
      if (typeof value === 'number' && rounds?.(cell.trim())) {
        current.problems.push({ row: rowNumber, column: h, message: `${h} is written ${cell.trim()}, which a JavaScript number cannot hold (it reads it as ${value}): write it with fewer digits` });
        return place(current, path, cell, newItems, rowNumber, h);
      }
      place(current, path, value, newItems, rowNumber, h);
    });
  });
  apart(orders, header[0]);
  return orders.map(({ order, rows: r, itemRows, problems }) => ({ order, rows: r, itemRows, problems }));
}

/**
 * Refuses the orders whose first cell comes back after other orders' rows: the rows of one order
 * split in two. Read as two orders, the first would go out without the second's lines (and the
 * second be refused as a repeat of its key).
 */
function apart(orders, column) {
  const byFirst = new Map();
  for (const entry of orders) {
    if (entry.first.trim() === '') continue; // refused already, with the order above it
    if (!byFirst.has(entry.first)) byFirst.set(entry.first, []);
    byFirst.get(entry.first).push(entry);
  }
  for (const [first, entries] of byFirst) {
    if (entries.length < 2) continue;
    const places = entries.map(({ rows }) => rowsText(rows));
    for (const entry of entries) {
      entry.problems.push({ row: entry.rows[0], column, message: `${places.join(' and ')} ${entries.length === 2 ? 'both' : 'all'} give ${column} ${JSON.stringify(first)}, with other orders' rows between: the rows of one order are next to each other, and orders next to each other differ in ${column}` });
    }
  }
}

/** An order's rows as a reader names them: `row 4`, or `rows 2–3`. */
export function rowsText([from, to]) {
  return from === to ? `row ${from}` : `rows ${from}–${to}`;
}

function place(entry, path, value, newItems, rowNumber, header) {
  let target = entry.order;
  let pointer = '';
  path.forEach(({ name, list }, depth) => {
    const last = depth === path.length - 1;
    pointer += `/${name}`;
    if (list) {
      target[name] ??= [];
      const listKey = pointer;
      let added = newItems.get(listKey);
      if (!added) {
        const item = {};
        added = { item, index: target[name].push(item) - 1 };
        newItems.set(listKey, added);
        entry.itemRows[`${listKey}/${added.index}`] = rowNumber;
      }
      pointer += `/${added.index}`;
      target = added.item;
      if (last) entry.problems.push({ row: rowNumber, column: header, message: 'a list column must name a field of the items, e.g. list[].field' });
    } else if (last) {
      if (target[name] === undefined) target[name] = value;
      else if (JSON.stringify(target[name]) !== JSON.stringify(value)) {
        entry.problems.push({ row: rowNumber, column: header, message: `a second value for ${header} (${JSON.stringify(value)}, the order already has ${JSON.stringify(target[name])})` });
      }
    } else {
      target[name] ??= {};
      target = target[name];
    }
  });
}

/** The spreadsheet row and column an issue's JSON pointer comes from. */
export function csvPlace(entry, pointer) {
  let row = entry.rows[0];
  for (const [itemPointer, itemRow] of Object.entries(entry.itemRows)) {
    if (pointer === itemPointer || pointer.startsWith(`${itemPointer}/`)) row = itemRow;
  }
  const column = pointer.split('/').slice(1).map((p, i, all) => (/^\d+$/.test(p) ? null : /^\d+$/.test(all[i + 1] ?? '') ? `${p}[]` : p)).filter(Boolean).join('.');
  return { row, column };
}

/** The header of a first column that numbers the orders (and is not a field). */
const ORDER_NUMBER = '#';

/**
 * Orders as CSV in this layout, with its header: `first` is the column every row repeats (the
 * order's key field), so the rows of one order stay together. Without one, a `#` column numbers
 * the orders.
 */
export function ordersToCsv(orders, first) {
  const flat = orders.map((order, n) => {
    const rows = flatten(order);
    return first ? rows : rows.map((row) => ({ [ORDER_NUMBER]: String(n + 1), ...row }));
  });
  const headers = [...new Set(flat.flatMap((rows) => rows.flatMap((r) => Object.keys(r))))];
  if (first && headers.includes(first)) headers.splice(headers.indexOf(first), 1), headers.unshift(first);
  const lines = [headers];
  for (const rows of flat) {
    for (const [i, row] of rows.entries()) {
      lines.push(headers.map((h) => (h === headers[0] && i > 0 ? rows[0][h] : row[h]) ?? ''));
    }
  }
  return stringify(lines, { record_delimiter: 'windows' });
}

/** One order as rows of `column → text`: the order's own fields on the first row, list item k on row k. */
function flatten(order) {
  const rows = [{}];
  const cell = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  (function walk(value, prefix, row) {
    for (const [name, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue;
      const column = prefix ? `${prefix}.${name}` : name;
      if (Array.isArray(v) && v.every((item) => item && typeof item === 'object' && !Array.isArray(item))) {
        v.forEach((item, k) => { rows[row + k] ??= {}; walk(item, `${column}[]`, row + k); });
      } else if (typeof v === 'object' && !Array.isArray(v)) {
        walk(v, column, row);
      } else {
        rows[row][column] = cell(v);
      }
    }
  })(order, '', 0);
  return rows.map((r) => r ?? {});
}
