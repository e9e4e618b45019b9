// The entry that needs no .wasm file beside it: the module travels inside this JavaScript (as
// base64), for bundlers that do not emit the .wasm as an asset (esbuild, browser or node
// platform) and for single-file bundles. `await init()` as with the browser entry.
import wasmBase64 from '../pkg/wasm-inline.js';
import { init as initFrom } from './browser.js';

export * from './browser.js';

/** Loads the inlined module (or what you pass instead) once; later calls return the same promise. */
export function init(wasm) {
  return initFrom(wasm ?? Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)));
}
