// Independent checks for tests: the sandbox's own signers (Node's crypto, no wasm), and helpers.
export { topStringToSign as topStringToSignIndependent, topSign as topSignIndependent } from '../../sandbox/signing.js';

/** The form body as an object, decoded by the platform's own URLSearchParams. */
export function formToObject(body) {
  return Object.fromEntries(new URLSearchParams(body));
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, computed with Intl rather than offset arithmetic. */
export function gmt8(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
