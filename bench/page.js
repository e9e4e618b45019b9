// `npm run bench:page`: the order builder in Chromium with a big order (an ECCANG order of 300
// customs lines): the time a keystroke in a field, and a click on "Add", take until the page is
// laid out again (input handled, issues and preview updated, style and layout done: what blocks
// the next keystroke; painting waits for the display's next frame anyway). Median of repeated
// runs; figures for a closing note or a review, not a timed test.
import { startServer } from '../www/serve.js';
import { launchChromium } from '../pkg-tests/support/chromium.js';
import { endpointModule } from '../scripts/endpoint-files.js';
import * as oc from '../js/node.js';

const ID = 'eccang:createOrder';
const LINES = Number(process.argv[2] ?? 300);
const ROUNDS = 15;

const server = await startServer();
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#endpoint', ID);
  // With credentials, so every keystroke also signs and shows the request (the preview's cost).
  await page.click('#sandbox-credentials');
  const { large } = await endpointModule(oc.endpoints().find((e) => e.id === ID), 'bench.js');
  const order = large(oc.example(ID), LINES);
  // Load the big order through the raw view, as a user pasting it would.
  await page.click('#raw-details summary');
  await page.fill('#raw', JSON.stringify(order));
  await page.click('#raw-details summary');
  await page.waitForFunction((n) => document.querySelectorAll('#form fieldset.item').length >= n, LINES);

  // Runs `act(i, target)` in the page ROUNDS times (`target`: the element `selector` finds, found
  // before the clock starts); each time, the milliseconds until style and layout are done.
  const measure = (selector, act) => page.evaluate(async ({ selector, act, rounds }) => {
    const times = [];
    // Each round starts on a settled page: work put off to idle time (a big preview) done and laid out.
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = () => new Promise((r) => requestIdleCallback(() => r(), { timeout: 1000 }));
    for (let i = 0; i < rounds; i++) {
      await frame();
      await idle();
      await frame();
      const target = document.querySelector(selector);
      const started = performance.now();
      new Function('i', 'target', act)(i, target);
      // Reading a layout value makes the browser finish style and layout now.
      void document.getElementById('preview').offsetHeight;
      void document.getElementById('form').offsetHeight;
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }, { selector, act, rounds: ROUNDS });

  const controls = await page.evaluate(() => document.querySelectorAll('#form input, #form select, #form textarea').length);
  const type = `target.value = 'Bench ' + i; target.dispatchEvent(new Event('input', { bubbles: true }));`;
  const keystroke = await measure('#form [data-path="/reference_no"]', type);
  const deepKeystroke = await measure(`#form [data-path="/ItemArr/${LINES - 1}/invoice_enname"]`, type);
  // The preview of a request this big is rebuilt when the page is idle: how long until it shows a keystroke.
  const previewLag = await page.evaluate(async (rounds) => {
    const times = [];
    const field = document.querySelector('#form [data-path="/reference_no"]');
    for (let i = 0; i < rounds; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const started = performance.now();
      field.value = `LAG-${i}-X`;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      while (!document.getElementById('preview-body-raw')?.textContent.includes(`LAG-${i}-X`)) await new Promise((r) => setTimeout(r, 1));
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }, ROUNDS);
  const add = await measure('#form [data-add="/ItemArr"]', 'target.click();');
  // Moving a line renders the two lines again; removing one renders the lines after it (renumbered).
  const move = await measure(`#form [data-list="/ItemArr"][aria-label="Move ItemArr ${LINES / 2} down"]`, 'target.click();');
  const removeLate = await measure(`#form [data-list="/ItemArr"][aria-label="Remove ItemArr ${LINES - 10}"]`, 'target.click();');
  const remove = await measure('#form [data-list="/ItemArr"][aria-label="Remove ItemArr 1"]', 'target.click();');
  console.log(`ECCANG order of ${LINES} lines (${controls.toLocaleString('en-US')} form controls), Chromium, median of ${ROUNDS}:`);
  console.log(`  keystroke in reference_no:            ${keystroke.toFixed(1)} ms (handled and laid out)`);
  console.log(`  keystroke in the last line's name:    ${deepKeystroke.toFixed(1)} ms`);
  console.log(`  the preview shows a keystroke after:  ${previewLag.toFixed(1)} ms (built when the page is idle)`);
  console.log(`  Add ItemArr:                          ${add.toFixed(1)} ms`);
  console.log(`  Move ItemArr ${LINES / 2} down:                ${move.toFixed(1)} ms`);
  console.log(`  Remove ItemArr ${LINES - 10}:                   ${removeLate.toFixed(1)} ms`);
  console.log(`  Remove ItemArr 1:                     ${remove.toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.close();
}
