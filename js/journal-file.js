// The default batch journal in Node: an append-only JSON-lines file. Each entry is written and
// flushed to disk (fsync) before `append` resolves, so a state change the batch acted on survives
// a crash at any instant. A crash mid-write leaves a torn line: that change never took effect, so
// loading passes over it, and the next append starts on a line of its own.
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export function fileJournal(path) {
  let fd;
  function open() {
    fd = openSync(path, 'a+');
    const { size } = fstatSync(fd);
    const last = Buffer.alloc(1);
    if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(fd, '\n');
  }
  return {
    path,
    async load() {
      if (!existsSync(path)) return [];
      return readFileSync(path, 'utf8').split('\n').flatMap((line) => {
        try { return line.trim() ? [JSON.parse(line)] : []; } catch { return []; } // torn by a crash
      });
    },
    async append(entry) {
      if (fd === undefined) open();
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    },
    close() { if (fd !== undefined) closeSync(fd); fd = undefined; },
  };
}
