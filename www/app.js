import { init, prepareTop, OrdercraftError } from '/js/browser.js';

await init();
const $ = (id) => document.getElementById(id);

function render() {
  try {
    const params = JSON.parse($('params').value);
    const req = prepareTop($('method').value, params, {
      appKey: $('appKey').value,
      appSecret: $('appSecret').value || 'enter-a-secret',
      signMethod: $('signMethod').value,
    });
    const form = Object.fromEntries(new URLSearchParams(req.body));
    $('preview').textContent = `${req.method} ${req.url}\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n` +
      Object.entries(form).map(([k, v]) => `${k} = ${v}`).join('\n');
    $('status').textContent = $('appSecret').value ? 'Signed.' : 'Signed with a placeholder secret: enter yours.';
    $('status').className = '';
  } catch (e) {
    $('status').textContent = e instanceof OrdercraftError || e instanceof SyntaxError ? e.message : String(e);
    $('status').className = 'error';
  }
}

$('form').addEventListener('input', render);
render();
