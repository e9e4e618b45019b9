#!/usr/bin/env node
// The `ordercraft` command (js/cli.js). Ctrl-C stops a batch cleanly: requests in flight finish
// and are journaled, nothing new starts; a second Ctrl-C quits at once.
import { main } from '../js/cli.js';

const stop = new AbortController();
process.once('SIGINT', () => {
  stop.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await main(process.argv.slice(2), { signal: stop.signal });
