// `npm run outputs:golden`: records what the current build outputs (pkg-tests/golden/outputs.json).
import { writeFileSync } from 'node:fs';
import * as oc from '../js/node.js';
import { outputDigests } from '../pkg-tests/support/outputs.js';

const digests = await outputDigests(oc);
writeFileSync(new URL('../pkg-tests/golden/outputs.json', import.meta.url), `${JSON.stringify(digests, null, 1)}\n`);
console.log(`pkg-tests/golden/outputs.json: ${Object.keys(digests).length} cases`);
