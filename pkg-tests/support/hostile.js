// The values the hostile suite puts everywhere, and the walk over an example's fields; the
// outputs golden (pkg-tests/outputs-golden.test.js) records what every one of them produces.

export const HOSTILE = [
  null, undefined, NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, 0.1 + 0.2, '', ' ', 'x', '\u0000\u0007\u001f',
  '\ud800', 'a\udc00b', '\r\nX-Injected: 1', '</paramsJson>]]><appToken>x</appToken>', '%20+%2B&=', '😀'.repeat(3), true, false,
  [], [1, 'two'], {}, { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'),
  () => 1, Symbol('s'), 10n, new Date(0), new Map([[1, 2]]), Object.create(null),
];

/** Every path of the example, objects and list items included. */
export function paths(value, prefix = []) {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths(value[k], [...prefix, k]))];
}

/** A copy of `root` with `v` at `path`; a value structuredClone refuses goes in as an unknown field. */
export function setAt(root, path, v) {
  if (!path.length) return v;
  try {
    const copy = structuredClone(root);
    let target = copy;
    for (const p of path.slice(0, -1)) target = target[p];
    target[path.at(-1)] = v;
    return copy;
  } catch {
    return { ...root, hostile: String(typeof v) };
  }
}
