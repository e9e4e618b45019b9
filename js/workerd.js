// Workers entry (Cloudflare Workers / workerd, the `workerd` export condition): the runtime
// compiles no WebAssembly from bytes or URLs at run time, so the module is imported as a compiled
// `WebAssembly.Module` (wrangler and workerd do this for a `.wasm` import) and `init()` uses it.
import wasmModule from '../pkg/ordercraft_bg.wasm';
import { init as initFrom } from './browser.js';

export * from './browser.js';

/** Instantiates the imported module once (or the `WebAssembly.Module` you pass). */
export function init(wasm) {
  return initFrom(wasm ?? wasmModule);
}
