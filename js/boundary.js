// What the wasm module calls to move text and results across the boundary cheaply (a snippet of
// src/wasm.rs): text encoded straight into wasm memory, a request built as one object literal.
const encoder = new TextEncoder();

/** Writes `text` as UTF-8 into `bytes` (a view of wasm memory); the number of bytes written. */
export function encodeInto(text, bytes) {
  return encoder.encodeInto(text, bytes).written;
}

/** A PreparedRequest, with `signing` and `warnings` only when there are any (as serde writes it). */
export function preparedRequest(method, url, headers, body, stringToSign, signature, warnings) {
  const request = { method, url, headers: JSON.parse(headers), body };
  if (stringToSign !== undefined) request.signing = { stringToSign, signature };
  if (warnings !== undefined) request.warnings = warnings;
  return request;
}
