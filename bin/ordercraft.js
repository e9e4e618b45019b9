#!/usr/bin/env node
// The `ordercraft` command (js/cli.js). Ctrl-C, and SIGTERM as `docker stop` and systemd send it,
// stop a batch cleanly: requests in flight finish and are journaled, nothing new starts (an order
// cut off in flight would be left unknown). A second one quits at once.
import { main } from '../js/cli.js';

const stop = new AbortController();
function onSignal(signal) {
  if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
  stop.abort();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// A reader that goes away (`ordercraft endpoints | head -1`) is not a failure of the command: what
// is left to write is dropped without a stack trace, and a batch still runs to its end, journaled,
// with its own exit code. Any other write error is still thrown.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}
process.exitCode = await main(process.argv.slice(2), { signal: stop.signal });
