// Whether the wasm module is loaded: set by the entries (Node: on import; browsers: by `init()`),
// read by pkg/guarded.js before every call.
let ready = false;

export const isReady = () => ready;
export function markReady() { ready = true; }
