// The order builder. The form is generated from `schema(id)`, the same tables that validate;
// every keystroke re-validates; credentials live in this module's memory and in password inputs
// only (never storage, cookies, the URL or other DOM).
import { init, endpoints, schema, example, validate, prepare, createClient, orderKey, OrdercraftError, OrderValidationError, ArgumentError } from '/js/browser.js';
import { initBatch, batchMayHaveCreated, whileSending } from '/batch.js';
import { outcomeState } from '/js/batch.js';
import { parseJson, unclearJson } from '/js/order-files.js';
import { openDrafts } from '/drafts.js';
import { keyOf, openHistory } from '/history.js';
import { counted, setLanguage, t, titleOf } from '/i18n.js';
import { escapeHtml, firstLines, unescapeXml, fromBase64Url, fromInput, getIn, maskSecrets, Place, pointer, prettyJson, prose, setIn, shellQuote, toBase64Url } from '/lib.js';

await init();

const $ = (id) => document.getElementById(id);
/** Each provider's options, as the package declares them (one source for the core, the client and this page). */
const PROVIDERS = new Map(endpoints().map((e) => [e.provider, e]));
const optionsOf = (p) => PROVIDERS.get(p).options;
/** The account's options, shown in the credentials panel; secrets in password inputs. */
const credentialOptions = (p) => optionsOf(p).filter((o) => o.role !== 'setting');
const isSecret = (p, name) => optionsOf(p).some((o) => o.name === name && o.role === 'secret');
/** What a provider's credentials hold before anything is typed: each enumerated option's default. */
const defaultCredentials = (p) => Object.fromEntries(credentialOptions(p).filter((o) => o.values).map((o) => [o.name, o.values[0]]));
/** The local sandbox's test credentials and gateway paths, as the sandbox itself states them. */
// Without a sandbox (the page served on its own), the page works and only the sandbox target is off.
const sandbox = await fetch('/sandbox/config').then((r) => (r.ok ? r.json() : null)).catch(() => null);

const drafts = await openDrafts((saved) => { document.body.dataset.draftsSaved = String(saved); });
const sentHistory = await openHistory();
const lastEdited = drafts.last();

const state = {
  endpoints: endpoints(),
  id: null,
  root: null,
  order: {},
  credentials: Object.fromEntries([...PROVIDERS.keys()].map((p) => [p, defaultCredentials(p)])),
  request: null,
  /** Preview blocks the user asked to see whole (by id); the others show their first lines. */
  expanded: new Set(),
  /** The controls and notes the last issues marked, so the next run clears only those. */
  marked: [],
};
const provider = () => state.endpoints.find((e) => e.id === state.id).provider;

// ---- the order at a path ---------------------------------------------------------------------
const getAt = (parts) => getIn(state.order, parts);
const setAt = (parts, value) => setIn(state.order, parts, value);

// ---- the form ------------------------------------------------------------------------------
function label(field) {
  const mark = field.presence === 'required' ? ' <span class="req" title="required">*</span>'
    : field.presence === 'recommended' ? ' <span class="rec" title="the doc says required; its example omits it">*</span>' : '';
  return `<span class="name">${field.name}</span>${mark}<span class="zh" lang="zh">${escapeHtml(field.doc)}</span><span class="en">${escapeHtml(field.en)}</span>`;
}

/** A new id for a control (its label and its note point at it). Not made from the control's path:
 * a line's path changes when a line before it is removed, and its ids then stay as they are. */
let controls = 0;
const newId = () => `c${++controls}`;

/** An object's fields as the form shows them: the structure's, then any the doc does not define. */
function renderFields(structure, parts) {
  const known = structure.fields.filter((f) => f.kind !== 'any').map((f) => renderField(f, [...parts, f.name]));
  return [...known, ...unknownFieldRows(structure, parts)];
}

function renderForm() {
  formIndex = null;
  $('form').replaceChildren(...renderFields(state.root, []));
}

/**
 * Fields of the order that its structure does not define (pasted JSON, an import, a typo): shown,
 * so they can be corrected or removed, never dropped out of sight. The value is edited as JSON text.
 */
function unknownFieldRows(structure, parts) {
  const value = parts.length ? getAt(parts) : state.order;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const names = new Set(structure.fields.map((f) => f.name));
  return Object.keys(value).filter((name) => !names.has(name)).map((name) => {
    const here = [...parts, name];
    const path = pointer(here);
    const id = newId();
    const wrap = document.createElement('div');
    wrap.className = 'field unknown';
    wrap.innerHTML = `<label for="${id}"><span class="name">${escapeHtml(name)}</span><span class="en">not a field of ${escapeHtml(structure.name)}: correct its name or remove it</span></label>`;
    const control = document.createElement('input');
    control.type = 'text';
    control.id = id;
    control.dataset.path = path;
    control.spellcheck = false;
    control.setAttribute('aria-describedby', `${id}-issue`);
    const current = getAt(here);
    control.value = typeof current === 'string' ? current : JSON.stringify(current);
    control.addEventListener('input', () => {
      let typed = control.value;
      // Plain text, and JSON that JSON.parse would not read as written (a number it rounds), stay text.
      try { typed = parseJson(control.value); } catch { /* text */ }
      setAt(here, typed);
      refresh({ raw: true });
    });
    const issue = document.createElement('p');
    issue.className = 'field-issue';
    issue.id = `${id}-issue`;
    wrap.append(control, button(t('Remove'), () => { setAt(here, undefined); rerender(); }, 'small remove', t('Remove {name}', { name })), issue);
    return wrap;
  });
}

function renderField(field, parts) {
  const path = pointer(parts);
  const value = getAt(parts);
  if (field.kind === 'object' || field.kind === 'list') return renderStructure(field, parts, value);
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const id = newId();
  let control;
  if (field.values?.length || field.kind === 'boolean') {
    control = document.createElement('select');
    const options = field.kind === 'boolean' ? ['true', 'false'] : field.values;
    control.append(new Option(t('— not set —'), ''), ...options.map((v) => new Option(v, v)));
    const current = value === undefined || value === null ? '' : String(value);
    // A value the doc does not allow is shown as it is, marked, never as an empty select.
    if (current && !options.includes(current)) control.append(new Option(`${current} (${t('not allowed')})`, current));
    control.value = current;
  } else if (field.format === 'json') {
    control = document.createElement('textarea');
    control.rows = 2;
    control.value = value ?? '';
  } else {
    control = document.createElement('input');
    control.type = 'text';
    if (field.kind !== 'text') control.inputMode = 'decimal';
    control.placeholder = field.expected ?? (field.kind === 'text' ? '' : field.textOk ? 'number (or numeric text)' : 'number');
    control.value = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  }
  control.id = id;
  control.dataset.path = path;
  control.setAttribute('aria-describedby', `${id}-issue`);
  control.addEventListener('input', () => onFieldInput(field, parts, control));
  wrap.innerHTML = `<label for="${id}">${label(field)}</label>`;
  const issue = document.createElement('p');
  issue.className = 'field-issue';
  issue.id = `${id}-issue`;
  wrap.append(control, issue);
  return wrap;
}


function onFieldInput(field, parts, control) {
  setAt(parts, fromInput(field, control.value, getAt(parts)));
  refresh({ raw: true });
}

function renderStructure(field, parts, value) {
  const set = document.createElement('fieldset');
  set.className = `structure ${field.kind}`;
  const legend = document.createElement('legend');
  legend.innerHTML = label(field);
  set.append(legend);
  const path = pointer(parts);
  const issue = document.createElement('p');
  issue.className = 'field-issue';
  // Adding or removing the structure renders this fieldset again, not the whole form.
  const replace = (focus) => {
    const fresh = renderStructure(field, parts, getAt(parts));
    set.replaceWith(fresh);
    formChanged(focus && fresh.querySelector(focus));
  };
  if (value === undefined || value === null) {
    const add = button(t('Add {name}', { name: field.name }), () => { setAt(parts, field.kind === 'list' ? [{}] : {}); replace('input, select, textarea'); });
    add.dataset.path = path;
    set.append(add, issue);
    return set;
  }
  set.dataset.path = path;
  if (field.kind === 'object') {
    set.append(button(t('Remove {name}', { name: field.name }), () => { setAt(parts, undefined); replace('button'); }, 'remove'));
    set.append(...renderFields(field.structure, parts));
  } else {
    const items = Array.isArray(value) ? value : [];
    items.forEach((_, i) => set.append(renderItem(field, parts, new Place(i))));
    if (Array.isArray(value)) {
      const add = button(t('Add {name}', { name: field.name }), () => {
        const list = getAt(parts);
        list.push({});
        // Only the new line is rendered; the one before it can now move down.
        const previous = add.previousElementSibling;
        if (lines.has(previous)) number(previous);
        const item = renderItem(field, parts, new Place(list.length - 1));
        add.before(item);
        formChanged(item.querySelector('input, select, textarea')); // the new item's first control
      });
      add.dataset.add = path;
      set.append(add);
    }
  }
  set.append(issue);
  return set;
}

/** Each line of a list shown in the form: its list field, the list's parts (its path) and the line's `Place`. */
const lines = new WeakMap();

/**
 * A line of a list, at `place`. Moving or removing a line renders nothing again: the lines whose
 * place changed are moved in the page and renumbered (`renumber`), so removing the first of
 * hundreds costs what removing the last does.
 */
function renderItem(field, parts, place) {
  const item = document.createElement('fieldset');
  item.className = 'item';
  lines.set(item, { field, parts, place });
  const tools = document.createElement('div');
  tools.className = 'item-tools';
  const up = button('↑', () => moveItem(item, -1), 'small');
  const down = button('↓', () => moveItem(item, 1), 'small');
  up.dataset.move = 'up';
  down.dataset.move = 'down';
  tools.append(up, down, button(t('Remove'), () => removeItem(item), 'small remove'));
  item.append(document.createElement('legend'), tools, ...renderFields(field.structure, [...parts, place]));
  number(item);
  return item;
}

/** A line's number where it shows: its legend, its path, and its buttons' labels and states. */
function number(item) {
  const { field: { name }, parts, place: { index } } = lines.get(item);
  const list = pointer(parts);
  const last = getAt(parts).length - 1;
  item.dataset.path = `${list}/${index}`;
  // Numbered from 1, as people count; one name for a list: the field's, in its legend, its items and its buttons.
  item.querySelector(':scope > legend').textContent = `${name} ${index + 1}`;
  const [up, down, remove] = item.querySelector(':scope > .item-tools').children;
  up.setAttribute('aria-label', t('Move {name} {n} up', { name, n: index + 1 }));
  down.setAttribute('aria-label', t('Move {name} {n} down', { name, n: index + 1 }));
  remove.setAttribute('aria-label', t('Remove {name} {n}', { name, n: index + 1 }));
  up.disabled = index === 0;
  down.disabled = index === last;
  for (const b of [up, down, remove]) b.dataset.list = list;
}

/** Line `item` now at `index`: numbered again, and the paths of everything in it follow. */
function renumber(item, index) {
  const from = item.dataset.path;
  lines.get(item).place.index = index;
  number(item);
  const to = item.dataset.path;
  if (from === to) return;
  for (const el of item.querySelectorAll('[data-path], [data-list], [data-add]')) {
    for (const name of ['data-path', 'data-list', 'data-add']) {
      const value = el.getAttribute(name);
      if (value !== null && (value === from || value.startsWith(`${from}/`))) el.setAttribute(name, to + value.slice(from.length));
    }
  }
}

/** Line `item` moved one place up (`step` -1) or down (1); the keyboard stays on the button
 * pressed, or on its other one where the line reached an end. */
function moveItem(item, step) {
  const other = step < 0 ? item.previousElementSibling : item.nextElementSibling;
  if (!lines.has(other)) return; // at an end (its button is disabled there)
  const { parts, place } = lines.get(item);
  const list = getAt(parts);
  const [from, to] = [place.index, place.index + step];
  [list[from], list[to]] = [list[to], list[from]];
  // The other line moves, so the one holding the keyboard stays in the page.
  if (step < 0) item.after(other); else item.before(other);
  renumber(other, from);
  renumber(item, to);
  const keep = to === 0 ? 'down' : to === list.length - 1 ? 'up' : step < 0 ? 'up' : 'down';
  formChanged(item.querySelector(`:scope > .item-tools [data-move="${keep}"]`));
}

/** Line `item` removed; the keyboard goes to the line that took its place, else to Add. */
function removeItem(item) {
  const { parts, place } = lines.get(item);
  getAt(parts).splice(place.index, 1);
  const [previous, next] = [item.previousElementSibling, item.nextElementSibling];
  item.remove();
  // The line before can be the last now; the lines after move up one place.
  if (lines.has(previous)) number(previous);
  for (let line = next, k = place.index; lines.has(line); line = line.nextElementSibling, k += 1) renumber(line, k);
  formChanged(lines.has(next) ? next.querySelector(':scope > .item-tools .remove') : next);
}

function button(text, onClick, className = '', ariaLabel) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = className;
  if (ariaLabel) b.setAttribute('aria-label', ariaLabel);
  b.addEventListener('click', onClick);
  return b;
}

/** Renders the form again; `focus` (a selector) names the control to keep the keyboard on. */
function rerender(focus) {
  renderForm();
  refresh({ raw: true });
  if (focus) $('form').querySelector(focus)?.focus();
}

/** After a part of the form was rendered again: the order's issues and preview, and the keyboard on `focus`. */
function formChanged(focus) {
  formIndex = null;
  refresh({ raw: true });
  focus?.focus();
}

// ---- issues --------------------------------------------------------------------------------
function showIssues() {
  const started = performance.now();
  const { issues } = validate(state.id, state.order);
  const elapsed = performance.now() - started;
  $('timing').textContent = t('validated in {ms} ms', { ms: elapsed.toFixed(2) });
  $('timing').dataset.ms = String(elapsed);
  const errors = issues.filter((i) => i.severity === 'error').length;
  $('issue-count').textContent = issues.length ? `${counted(errors, 'error')}, ${counted(issues.length - errors, 'warning')}` : t('none');
  // Screen readers hear this short summary when it changes, not the whole list on every key.
  const summary = `Issues: ${$('issue-count').textContent}`;
  if ($('announce').textContent !== summary) $('announce').textContent = summary;
  showIssueSummary(issues, errors);
  const list = $('issues');
  list.replaceChildren(...(issues.length ? issues.map(issueItem) : [Object.assign(document.createElement('li'), { className: 'ok', textContent: t('No problems found.') })]));
  // Only what the last run marked is cleared: on a big order, touching every field per key is the cost.
  for (const el of state.marked) {
    el.removeAttribute('aria-invalid');
    el.closest('.field, .structure')?.querySelector(':scope > .field-issue')?.replaceChildren();
  }
  state.marked = [];
  for (const issue of issues) {
    const target = fieldFor(issue.path);
    if (!target || target === $('raw')) continue;
    target.setAttribute('aria-invalid', issue.severity === 'error' ? 'true' : 'grammar');
    state.marked.push(target);
    const note = target.closest('.field, .structure')?.querySelector(':scope > .field-issue');
    if (note && !note.textContent) { note.innerHTML = prose(issue.message); note.dataset.severity = issue.severity; }
  }
}

/** The summary at the top (shown on narrow screens): the counts, and a link to each issue's field. */
function showIssueSummary(issues, errors) {
  const nav = $('issue-summary');
  if (!issues.length) return nav.replaceChildren();
  const heading = document.createElement('p');
  heading.textContent = `${counted(errors, 'error')}, ${counted(issues.length - errors, 'warning')}:`;
  const list = document.createElement('ul');
  list.append(...issues.map((issue) => {
    const li = document.createElement('li');
    li.className = issue.severity;
    li.append(button(t('{severity} at {path}: {code}', { severity: t(issue.severity), path: issue.path || t('(order)'), code: issue.code }), () => focusField(issue.path)));
    return li;
  }));
  nav.replaceChildren(heading, list);
}

function issueItem(issue) {
  const li = document.createElement('li');
  li.className = issue.severity;
  li.dataset.path = issue.path;
  li.dataset.code = issue.code;
  const b = button('', () => focusField(issue.path));
  b.innerHTML = `<span class="sev">${t(issue.severity)}</span> <code>${escapeHtml(issue.path || t('(order)'))}</code> <span class="code">${issue.code}</span> ${prose(issue.message)}`;
  li.append(b);
  return li;
}

/** The form's elements by `data-path` (the first of each, in document order), built when first
 * needed after the form changed: a big order's issues would otherwise each search thousands. */
let formIndex = null;
function formElement(path) {
  if (!formIndex) {
    formIndex = new Map();
    for (const el of $('form').querySelectorAll('[data-path]')) if (!formIndex.has(el.dataset.path)) formIndex.set(el.dataset.path, el);
  }
  return formIndex.get(path);
}

/** The control for a path, or for its nearest ancestor shown in the form (the raw JSON last). */
function fieldFor(path) {
  let p = path;
  while (true) {
    const el = formElement(p);
    if (el) return el.matches('fieldset') ? el.querySelector('input, select, textarea, button') ?? el : el;
    if (!p) return $('raw');
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function focusField(path) {
  const el = fieldFor(path);
  if (el === $('raw')) $('raw-details').open = true;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

// ---- raw JSON ------------------------------------------------------------------------------
/** Text this long (the last one shown) is shown again when the page is next idle, not on every
 * keystroke: in a form of hundreds of lines, writing it all each time is what would be slow. */
const BIG_TEXT = 50_000;

/** `run`, now or (when `big`) once when the page is next idle; `flush()` runs a pending one now. */
function deferrable(run) {
  let pending = false;
  const flush = () => {
    if (!pending) return;
    pending = false;
    run();
  };
  const soon = (big) => {
    if (!big) {
      pending = false;
      return run();
    }
    if (pending) return;
    pending = true;
    if (window.requestIdleCallback) requestIdleCallback(flush, { timeout: 500 }); else setTimeout(flush, 100);
  };
  return { soon, flush };
}

/** Writes the order into the raw view. Typing there never calls this (it refreshes with raw: false),
 * so the view always shows the order the form and the preview use, focused or not; a big order's
 * text is written when idle, or at once when the view is opened. */
const rawView = deferrable(() => { $('raw').value = JSON.stringify(state.order, null, 2); });
const showRaw = () => rawView.soon($('raw').value.length > BIG_TEXT && !$('raw-details').open);
$('raw-details').addEventListener('toggle', rawView.flush);
$('raw').addEventListener('input', () => {
  let parsed;
  try {
    parsed = JSON.parse($('raw').value);
  } catch (e) {
    $('raw-status').textContent = t('Not JSON yet: {message}', { message: e.message });
    return;
  }
  // An order is an object: anything else is refused here, and the form keeps the last order.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const what = parsed === null ? 'null' : Array.isArray(parsed) ? t('a list') : t('a {type}', { type: typeof parsed });
    $('raw-status').textContent = t('An order is a JSON object ({ … }), not {what}: the form keeps the last order.', { what });
    return;
  }
  // A name given twice: JSON.parse kept the last value, which may not be the one meant.
  const unclear = unclearJson($('raw').value);
  if (unclear) {
    $('raw-status').textContent = t('The JSON {problem}: the form keeps the last order.', { problem: unclear });
    return;
  }
  state.order = parsed;
  $('raw-status').textContent = '';
  renderForm();
  refresh({ raw: false });
});

// ---- credentials ---------------------------------------------------------------------------
function renderCredentials() {
  const p = provider();
  const box = $('credentials');
  box.replaceChildren(...credentialOptions(p).map(({ name, label, required, values }) => {
    const wrap = document.createElement('div');
    wrap.className = 'field';
    const id = `cred-${name}`;
    const text = required || values ? label : `${label} (optional)`;
    let control;
    if (values) {
      control = document.createElement('select');
      control.append(...values.map((m) => new Option(m, m)));
    } else {
      control = document.createElement('input');
      control.type = isSecret(p, name) ? 'password' : 'text';
      control.autocomplete = isSecret(p, name) ? 'new-password' : 'off';
      control.spellcheck = false;
    }
    control.id = id;
    control.value = state.credentials[p][name] ?? '';
    control.addEventListener('input', () => { state.credentials[p][name] = control.value || undefined; showPreview(); });
    wrap.innerHTML = `<label for="${id}">${text}</label>`;
    wrap.append(control);
    return wrap;
  }));
}
$('credentials').addEventListener('submit', (e) => e.preventDefault());
$('sandbox-credentials').addEventListener('click', () => {
  state.credentials[provider()] = { ...defaultCredentials(provider()), ...sandbox.credentials[provider()] };
  renderCredentials();
  $('target-sandbox').checked = true;
  showPreview();
});

// ---- the signed request --------------------------------------------------------------------
function gatewayUrl() {
  const custom = $('target-custom').checked; // by id: a selector would search a big form's thousands of inputs
  if (custom || !sandbox) return $('custom-url').value.trim();
  return `${location.origin}${sandbox.gateways[provider()]}`;
}

function requestOptions() {
  const p = provider();
  const url = gatewayUrl();
  return { ...state.credentials[p], ...(url ? { [PROVIDERS.get(p).gatewayOption]: url } : {}) };
}

/** The preview's text with every secret replaced, unless the person asked to see them. */
function masked(text) {
  return $('show-secrets').checked ? text : withoutSecrets(text);
}

/** `text` without the secrets typed for this provider, in any form a request gives them (escaped
 * in a body, encoded in a form): what may be shown or stored. */
function withoutSecrets(text) {
  const credentials = state.credentials[provider()];
  return maskSecrets(text, Object.keys(credentials).filter((name) => isSecret(provider(), name)).map((name) => credentials[name]));
}

function showPreview() {
  showSendNote(); // the preview follows the target chosen, and so does the note
  const box = $('preview');
  try {
    const req = prepare(state.id, state.order, requestOptions());
    state.request = req;
    box.innerHTML = `
      <p><strong>${req.method}</strong> <code id="preview-url">${escapeHtml(masked(req.url))}</code></p>
      <table class="headers"><tbody>${Object.entries(req.headers).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td><code data-header="${escapeHtml(k)}">${escapeHtml(masked(v))}</code></td></tr>`).join('')}</tbody></table>
      ${req.signing ? `<p>${t('String to sign')} <span class="muted">${t('(secret masked)')}</span></p>${longPre(masked(req.signing.stringToSign), 'preview-string-to-sign')}<p>${t('Signature')} <code id="preview-signature">${req.signing.signature}</code></p>` : `<p class="muted">${t('This transport carries a token instead of a signature.')}</p>`}
      <p>${t('Body')}</p>${bodyView(req)}
      <pre tabindex="0" id="preview-body-raw" hidden></pre>`;
    $('preview-body-raw').textContent = masked(req.body); // as text: no escaping, no HTML to parse
  } catch (e) {
    state.request = null;
    if (e instanceof ArgumentError && /is required/.test(e.message) && credentialOptions(provider()).some((o) => `opts.${o.name}` === e.argument)) {
      // Nothing is wrong yet: the credentials are simply not entered.
      box.innerHTML = `<p class="muted" id="preview-waiting">${escapeHtml(t("Enter the credentials (or use the sandbox's) to see the signed request."))}</p>`;
    } else if (e instanceof OrderValidationError) {
      const errors = e.issues.filter((i) => i.severity === 'error').length;
      box.innerHTML = `<p class="error-text">${escapeHtml(t('Not signed: the order has {errors} (listed under Issues).', { errors: counted(errors, 'error') }))}</p>`;
    } else {
      box.innerHTML = `<p class="error-text">${escapeHtml(e instanceof OrdercraftError ? e.message : String(e))}</p>`;
    }
  }
}

/** Lines a preview block shows until the user asks for all of it (a 300-line order's body is
 * thousands of lines: laying them all out on every keystroke is what made typing slow). */
const PREVIEW_LINES = 200;

/** A scrollable, focusable block of text: its first lines, and a button that shows the rest. */
function longPre(text, id) {
  const { shown, more } = state.expanded.has(id) ? { shown: text, more: 0 } : firstLines(text, PREVIEW_LINES);
  const rest = more ? `<button type="button" class="small" data-expand="${id}">${escapeHtml(t('Show all'))} (${more.toLocaleString('en-US')} ${escapeHtml(t('more lines'))})</button>` : '';
  return `<pre tabindex="0" id="${id}">${escapeHtml(shown)}</pre>${rest}`;
}
$('preview').addEventListener('click', (event) => {
  const id = event.target.closest('[data-expand]')?.dataset.expand;
  if (!id) return;
  state.expanded.add(id);
  showPreview();
  $(id)?.focus();
});

function bodyView(req) {
  const type = req.headers['Content-Type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const rows = [...new URLSearchParams(req.body)].map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${longPre(masked(prettyJson(v)), `preview-form-${k}`)}</td></tr>`);
    return `<table class="form-body" id="preview-form"><tbody>${rows.join('')}</tbody></table>`;
  }
  if (type.startsWith('application/json')) return longPre(masked(prettyJson(req.body)), 'preview-json');
  // A SOAP envelope: its paramsJson (the order, most of the body) is read by a pattern and shown
  // apart; the envelope around it is parsed without it (parsing the whole body on every keystroke
  // was a third of a big order's time).
  const match = /<paramsJson>([\s\S]*?)<\/paramsJson>/.exec(req.body);
  const params = match ? unescapeXml(match[1]) : undefined;
  const envelope = match && match[1].length > 80 ? req.body.replace(match[0], '<paramsJson>…</paramsJson>') : req.body;
  const doc = new DOMParser().parseFromString(envelope, 'text/xml');
  return `${longPre(masked(prettyXml(doc.documentElement)), 'preview-xml')}${params ? `<p>paramsJson</p>${longPre(masked(prettyJson(params)), 'preview-params')}` : ''}`;
}


function prettyXml(node, depth = 0) {
  const pad = '  '.repeat(depth);
  const attrs = [...node.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
  const children = [...node.childNodes].filter((c) => c.nodeType === 1);
  if (!children.length) return `${pad}<${node.nodeName}${attrs}>${node.textContent.length > 80 ? '…' : node.textContent}</${node.nodeName}>`;
  return `${pad}<${node.nodeName}${attrs}>\n${children.map((c) => prettyXml(c, depth + 1)).join('\n')}\n${pad}</${node.nodeName}>`;
}

function copy(text) {
  navigator.clipboard.writeText(text).then(() => { $('copy-status').textContent = t('Copied (with the real credentials).'); },
    () => { $('copy-status').textContent = t('The browser refused the clipboard.'); });
}
$('copy-curl').addEventListener('click', () => {
  previewView.flush();
  const r = state.request;
  if (!r) return;
  copy(`curl -X ${r.method} ${shellQuote(r.url)} ${Object.entries(r.headers).map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`).join(' ')} --data-raw ${shellQuote(r.body)}`);
});
$('copy-fetch').addEventListener('click', () => {
  previewView.flush();
  const r = state.request;
  if (!r) return;
  copy(`await fetch(${JSON.stringify(r.url)}, ${JSON.stringify({ method: r.method, headers: r.headers, body: r.body }, null, 2)});`);
});
$('show-secrets').addEventListener('change', showPreview);
$('custom-url').addEventListener('input', showPreview);
for (const radio of document.querySelectorAll('input[name="target"]')) radio.addEventListener('change', showPreview);

/**
 * Where a repeat may create a second order and sends go to a real gateway, a note under Send: a
 * browser resends a POST by itself when a reused connection closes before any answer (Chromium
 * does, measured against the sandbox's `drop` fault), which no page can see or stop.
 */
function showSendNote() {
  const endpoint = state.endpoints.find((e) => e.id === state.id);
  $('send-note').hidden = endpoint.idempotent || !$('target-custom').checked;
}

// ---- sending -------------------------------------------------------------------------------
/**
 * Whether an order with this identity (`orderKey`: the endpoint's key field where the order fills
 * it, else the order's content) that this page sent to this endpoint may exist there: sent from the
 * form (its history, kept across reloads and shared by its tabs; a first send the provider refused,
 * or that never reached it, is let go) or by the batch tab (its journal).
 */
async function sentBefore(endpoint, key) {
  return (await sentHistory.sent(endpoint, key)) || batchMayHaveCreated(endpoint, key);
}

/** The request as it went out: request line, headers, body. */
const requestText = (sent) => `${sent.method} ${sent.url}\n${Object.entries(sent.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${sent.body}`;

$('send').addEventListener('click', async () => {
  const send = $('send');
  if (send.disabled) return;
  // While a send is in flight, Send is disabled and says so: a double click sends once.
  send.disabled = true;
  send.textContent = t('Sending…');
  const box = $('response');
  const shown = [...box.childNodes];
  box.innerHTML = `<p class="muted">${t('Sending…')}</p>`;
  const endpoint = state.endpoints.find((e) => e.id === state.id);
  const order = structuredClone(state.order);
  let raw = null;
  let sent = null;
  let recorded;
  let identity; // the order's `orderKey`, kept in the history with the send
  /**
   * Puts the send in the history before it leaves: a reload while it is in flight still knows it
   * may have been received. Where a repeat may create a second order, a send the history cannot
   * keep does not leave (`send` sends nothing when this throws): a later Send, or the batch tab,
   * could not tell that it went. Elsewhere the history is only a record, and the send goes on.
   */
  const record = async (request) => {
    const entry = {
      endpoint: state.id, at: new Date().toISOString(), order,
      outcome: t('no answer yet: the order may have been received'), request: withoutSecrets(requestText(request)), response: t('(no answer)'),
    };
    recorded = await sentHistory.add(entry, identity).catch((e) => {
      if (!endpoint.idempotent) throw new Error(t('Not sent: the send could not be recorded in this page ({message}), and without that record a later Send could not tell that this order went', { message: e.message }));
    });
  };
  const capture = async (url, init) => {
    // Send signs afresh (a new timestamp and nonce); what went out is shown exactly below.
    sent = { url, method: init.method, headers: init.headers, body: init.body };
    const started = performance.now();
    const res = await fetch(url, init);
    const text = await res.text();
    raw = { status: res.status, text, ms: performance.now() - started, bytes: new TextEncoder().encode(text).length };
    return new Response(text, { status: res.status, headers: res.headers });
  };
  const sendOnce = async () => {
    // A repeat of a creation that is not idempotent may create a second order: ask first (after a
    // reload too, and for the same key with other content).
    if (!endpoint.idempotent && await sentBefore(endpoint, identity)
      && !window.confirm(t('This order was already sent to {title}. Sending it again may create a second order. Send again?', { title: titleOf(endpoint) }))) {
      box.replaceChildren(...shown);
      return;
    }
    const client = createClient({ credentials: { [provider()]: requestOptions() }, fetch: capture, retries: 0, timeoutMs: 20_000 });
    const result = await client.send(state.id, order, { beforeRequest: record });
    box.innerHTML = `
      <p id="response-outcome" class="${result.ok ? 'ok' : 'error-text'}">${result.ok ? t('Success') : escapeHtml(t('Error {code}: {message}', result.error))}</p>
      <div class="pair"><div><p>${t('Parsed')}</p><pre tabindex="0" id="response-parsed">${escapeHtml(masked(JSON.stringify(result, null, 2)))}</pre></div>
      <div><p>${t('Raw')}${raw ? ` <span id="response-meta">(HTTP ${raw.status}, ${Math.round(raw.ms)} ms, ${raw.bytes.toLocaleString('en-US')} bytes)</span>` : ''}</p><pre tabindex="0" id="response-raw">${escapeHtml(masked(raw ? prettyJson(raw.text) : t('(no answer)')))}</pre></div></div>
      ${sent ? `<details id="request-sent"><summary>${t('The request that went out')}</summary><pre tabindex="0">${escapeHtml(masked(requestText(sent)))}</pre></details>` : ''}`;
    if (recorded !== undefined) {
      await sentHistory.update(recorded, {
        outcome: result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`,
        response: raw ? withoutSecrets(`HTTP ${raw.status}\n\n${raw.text}`) : t('(no answer)'),
      }, { createdNothing: outcomeState(result) === 'failed' });
    }
  };
  try {
    // Where its identity cannot be computed (no Web Crypto digest for a keyless order), orderKey
    // refuses with the reason, shown below.
    identity = endpoint.idempotent ? await keyOf(endpoint, order) : await orderKey(endpoint, order);
    // The look at what was sent and the send hold the lock of sending to the endpoint, so Send in
    // another tab, or a batch, cannot find this order unsent meanwhile and send it too.
    await (endpoint.idempotent ? sendOnce() : whileSending(endpoint, sendOnce));
  } catch (e) {
    box.innerHTML = `<p id="response-outcome" class="error-text">${escapeHtml(e.message)}</p>`;
  } finally {
    if (recorded !== undefined) await showHistory();
    send.disabled = false;
    send.textContent = t('Send');
    box.scrollIntoView({ block: 'nearest' }); // the answer in view, below the sticky pane's fold
  }
});

// ---- choosing, loading, importing, exporting -----------------------------------------------
function choose(id, order) {
  state.id = id;
  state.root = schema(id);
  state.order = order;
  const e = state.endpoints.find((x) => x.id === id);
  $('endpoint-title').textContent = `${e.title} — ${e.titleZh} (${e.operation}; ${t('order type')} ${e.orderType})`;
  renderForm();
  renderCredentials();
  refresh({ raw: true });
  $('response').replaceChildren();
}

function refresh({ raw }) {
  drafts.put(state.id, state.order);
  showIssues();
  if (raw) showRaw();
  showPreviewSoon();
}

/** The preview of a big request is built when idle, a small one at once. Copying reads the
 * preview's request, so it brings a pending one up to date first. */
const previewView = deferrable(showPreview);
const showPreviewSoon = () => previewView.soon((state.request?.body.length ?? 0) > BIG_TEXT);

$('endpoint').append(...state.endpoints.map((e) => new Option(`${e.title} — ${e.id}`, e.id)));
/** The endpoint's order as it was left (its draft), else its example. */
const orderFor = (id) => drafts.get(id) ?? example(id);
$('endpoint').addEventListener('change', () => {
  const id = $('endpoint').value;
  choose(id, orderFor(id));
  drafts.setLast(id);
});
/** Replacing edits asks first: an order differing from the example is someone's work. */
const replaceAsked = (what) => JSON.stringify(state.order) === JSON.stringify(example(state.id))
  || window.confirm(t('{what} replaces the order in the form, and your edits to it. Continue?', { what: t(what) }));
$('load-example').addEventListener('click', () => { if (replaceAsked('Loading the example')) choose(state.id, example(state.id)); });
$('start-blank').addEventListener('click', () => { if (replaceAsked('Starting blank')) choose(state.id, {}); });
// A button, not a label around a hidden input: reachable and usable with the keyboard.
$('import-pick').addEventListener('click', () => $('import').click());
/**
 * The endpoint an imported order is for: the one whose tables know the most of its fields (fewest
 * unknown_field issues, then fewest errors); the current endpoint on a tie.
 */
function endpointForOrder(order) {
  const score = (id) => {
    const { issues } = validate(id, order);
    return [issues.filter((i) => i.code === 'unknown_field').length, issues.filter((i) => i.severity === 'error').length];
  };
  const ranked = state.endpoints.map((e) => [e.id, score(e.id)]).sort(([a, x], [b, y]) => x[0] - y[0] || x[1] - y[1] || (a === state.id ? -1 : b === state.id ? 1 : 0));
  return ranked[0][0];
}

/** Shows `order` for endpoint `id` as if picked: the select follows, and it becomes the endpoint edited last. */
function openOrder(id, order) {
  $('endpoint').value = id;
  choose(id, order);
  drafts.setLast(id);
}

$('import').addEventListener('change', async () => {
  const file = $('import').files[0];
  if (!file) return;
  try {
    const order = parseJson(await file.text());
    if (order === null || typeof order !== 'object' || Array.isArray(order)) throw new Error('an order is a JSON object');
    const id = endpointForOrder(order);
    openOrder(id, order);
    $('raw-status').textContent = t('Imported {file} as a {title} order.', { file: file.name, title: titleOf(state.endpoints.find((e) => e.id === id)) });
  } catch (e) {
    $('raw-status').textContent = t('Could not import {file}: {message}', { file: file.name, message: e.message });
  }
  $('import').value = '';
});

async function showHistory() {
  const entries = await sentHistory.list();
  $('history').replaceChildren(...entries.map((entry) => {
    const li = document.createElement('li');
    li.dataset.outcome = entry.outcome === 'ok' ? 'ok' : 'error';
    const title = state.endpoints.find((e) => e.id === entry.endpoint)?.title ?? entry.endpoint;
    li.innerHTML = `<details><summary><time datetime="${entry.at}">${escapeHtml(new Date(entry.at).toLocaleString())}</time> · ${escapeHtml(title)} · <span class="${entry.outcome === 'ok' ? 'ok' : 'error-text'}">${escapeHtml(entry.outcome)}</span></summary>
      <p>Request</p><pre tabindex="0">${escapeHtml(entry.request)}</pre><p>Answer</p><pre tabindex="0">${escapeHtml(entry.response)}</pre></details>`;
    const reopen = button('Open in form', () => openOrder(entry.endpoint, structuredClone(entry.order)), 'small', `Open in form: the order sent ${new Date(entry.at).toLocaleString()}`);
    li.querySelector('details').append(reopen);
    return li;
  }));
}

// A link that carries the order (never credentials): #order=<base64url of { id, order }>.
$('share').addEventListener('click', async () => {
  const link = `${location.origin}${location.pathname}#order=${toBase64Url(JSON.stringify({ id: state.id, order: state.order }))}`;
  $('share-link').value = link;
  try { await navigator.clipboard.writeText(link); $('share-status').textContent = t('Link copied.'); } catch { $('share-status').textContent = t('Copy the link above.'); }
});
function sharedOrder() {
  const match = location.hash.match(/^#order=([A-Za-z0-9_-]+)$/);
  if (!match) return null;
  try {
    const { id, order } = JSON.parse(fromBase64Url(match[1]));
    return state.endpoints.some((e) => e.id === id) && order && typeof order === 'object' && !Array.isArray(order) ? { id, order } : null;
  } catch {
    return null;
  }
}
$('export').addEventListener('click', () => {
  const blob = new Blob([JSON.stringify(state.order, null, 2)], { type: 'application/json' });
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `${state.id.replaceAll(/[^A-Za-z0-9.-]+/g, '_')}.json` });
  a.click();
  URL.revokeObjectURL(a.href);
});



if (!sandbox) {
  // No sandbox here: its button and target are off, and sends go to the URL typed.
  $('sandbox-credentials').disabled = true;
  const target = document.querySelector('input[name="target"][value="sandbox"]');
  target.disabled = true;
  document.querySelector('input[name="target"][value="custom"]').checked = true;
  target.parentElement.append(' (no sandbox is running)');
}
// The page's language: the one chosen last (kept beside the drafts), else the browser's.
$('language').value = drafts.get('\u0000language') ?? (navigator.language.startsWith('zh') ? 'zh' : 'en');
setLanguage($('language').value);
$('language').addEventListener('change', () => {
  setLanguage($('language').value);
  drafts.put('\u0000language', $('language').value);
  rerender(); // the form's buttons and the dynamic text too
});

// A shared link's order first; else back where the person left off: the endpoint edited last, with its draft.
const shared = sharedOrder();
if (shared) {
  openOrder(shared.id, shared.order);
  history.replaceState(null, '', location.pathname); // the order is in the form (and its draft) now
} else {
  const lastId = state.endpoints.some((e) => e.id === lastEdited) ? lastEdited : state.endpoints[0].id;
  $('endpoint').value = lastId;
  choose(lastId, orderFor(lastId));
}
await showHistory();
try {
  await initBatch({
    endpointId: () => state.id,
    requestOptions,
    open: openOrder,
    order: () => state.order,
    sentKeys: (endpoint) => sentHistory.sentKeys(endpoint),
  });
} catch (e) {
  // The form works without the Batch tab (its storage, say, is unavailable): it says why.
  $('batch-status').textContent = t('The Batch tab could not start: {message}', { message: e.message });
}
document.body.dataset.ready = 'true';
