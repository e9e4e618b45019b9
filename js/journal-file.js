// The default batch journal in Node: an append-only JSON-lines file. Each entry is written and
// flushed to disk (fsync) before `append` resolves, so a state change the batch acted on survives
// a crash at any instant. A new journal's directory is flushed too: without it a power cut could
// leave the directory without the file, and a rerun would find no journal and send everything
// again. A crash mid-write leaves a torn line: that change never took effect, so loading passes
// over it, and the next append starts on a line of its own.
//
// One run at a time: two runs over one journal would each see an order unsent and both send it.
// `lock()` creates `<journal>.lock` (its content whole, or not at all) naming the process; it is
// removed when the run ends. A lock left by a process that died (on this host, or before the host
// last started) is taken over, so a rerun after a crash needs no hand.
import { randomUUID } from 'node:crypto';
import {
  closeSync, existsSync, fstatSync, fsyncSync, linkSync, openSync, readFileSync, readSync, renameSync, unlinkSync,
  writeFileSync, writeSync,
} from 'node:fs';
import { hostname, uptime } from 'node:os';
import { dirname } from 'node:path';
import { journalInUse } from './batch.js';

export function fileJournal(path) {
  let fd;
  function open() {
    const created = !existsSync(path);
    fd = openSync(path, 'a+');
    if (created) flushDirectory(dirname(path));
    const { size } = fstatSync(fd);
    const last = Buffer.alloc(1);
    if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(fd, '\n');
  }
  return {
    path,
    async lock() { return lockFile(path); },
    /**
     * The entries, read as they are iterated (once): a resume keeps only the last entry per order,
     * so the journal's earlier entries are let go as it reads rather than all held at once.
     */
    async load() {
      return existsSync(path) ? parsed(path) : [];
    },
    async append(entry) {
      if (fd === undefined) open();
      writeAll(fd, Buffer.from(`${JSON.stringify(entry)}\n`));
      fsyncSync(fd);
    },
    close() { if (fd !== undefined) closeSync(fd); fd = undefined; },
  };
}

/**
 * Writes all of `bytes`. A write may take fewer bytes than it is given without an error (a disk
 * filling up): taken as done, the entry would be torn, the batch would act on it (send the order),
 * and the next entry would join the torn line, so that a rerun found neither and sent it again.
 * The next write then either finishes it or fails (ENOSPC), which stops the batch first.
 */
function writeAll(fd, bytes) {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The entries of the file's lines; a line torn by a crash is passed over (that change never took effect). */
function* parsed(path) {
  for (const line of lines(path)) {
    let entry;
    try { entry = line.trim() ? JSON.parse(line) : undefined; } catch { /* torn */ }
    if (entry !== undefined) yield entry;
  }
}

/**
 * The file's lines, read a mebibyte at a time: a journal of a few hundred thousand orders is
 * longer than the longest string V8 makes (512 MiB), so read whole it could not be loaded, and the
 * batch could not resume. Lines are cut at their newline byte, which no UTF-8 character contains.
 */
function* lines(path) {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(2 ** 20);
    let rest = Buffer.alloc(0);
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end; (end = data.indexOf(0x0a, start)) !== -1; start = end + 1) yield data.toString('utf8', start, end);
      rest = Buffer.from(data.subarray(start)); // a copy: the chunk is read into again
    }
    if (rest.length) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries to disk, where the platform can (Windows opens no directory). */
function flushDirectory(dir) {
  let fd;
  try {
    fd = openSync(dir, 'r');
  } catch (error) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes(error.code)) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (error.code !== 'EINVAL') throw error; // a file system that does not sync directories
  } finally {
    closeSync(fd);
  }
}

/** Takes `<path>.lock` for this process; resolves to its release. Throws when a live run holds it. */
function lockFile(path) {
  const lockPath = `${path}.lock`;
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  // Written aside, then linked into place: the lock never exists without its content.
  const aside = `${lockPath}.${randomUUID()}`;
  writeFileSync(aside, mine);
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        place(aside, lockPath, mine);
        return () => { if (read(lockPath) === mine) unlinkSync(lockPath); };
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
      const held = read(lockPath);
      if (held === undefined) continue; // released meanwhile
      if (!abandoned(held)) throw inUse(path, lockPath, held);
      takeOver(lockPath, held);
    }
    throw inUse(path, lockPath, read(lockPath) ?? '{}');
  } finally {
    unlinkSync(aside);
  }
}

/** Links `aside` as `lockPath`; where the file system has no hard links, creates it with the content (failing if it exists). */
function place(aside, lockPath, content) {
  try {
    linkSync(aside, lockPath);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP'].includes(error.code)) throw error;
    writeFileSync(lockPath, content, { flag: 'wx' });
  }
}

const read = (file) => { try { return readFileSync(file, 'utf8'); } catch { return undefined; } };

/** Whether the run that wrote `held` on this host is gone: its process is not running, or the host restarted since. */
function abandoned(held) {
  let holder;
  try { holder = JSON.parse(held); } catch { return false; } // not ours to judge: refuse, and say which file
  if (holder.host !== hostname()) return false; // its processes are not ours to see
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(holder.since) < bootedAt - 60_000) return true; // its pid may be another process's now
  if (!Number.isInteger(holder.pid)) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH'; // EPERM: it runs, as another user
  }
}

/**
 * Removes an abandoned lock, unless another run replaced it since it was read: the lock is moved
 * aside (one atomic step, so two runs cannot both remove it) and checked; one that is not the
 * abandoned lock is put back (linked, so it never overwrites a lock made meanwhile).
 */
function takeOver(lockPath, held) {
  const claimed = `${lockPath}.${randomUUID()}`;
  try {
    renameSync(lockPath, claimed);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  try {
    if (read(claimed) !== held) linkSync(claimed, lockPath);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error; // a third run locked it meanwhile: the next attempt meets that one
  } finally {
    unlinkSync(claimed);
  }
}

function inUse(path, lockPath, held) {
  let holder = {};
  try { holder = JSON.parse(held); } catch { /* named by its file below */ }
  return journalInUse(
    `journal ${path} is in use by process ${holder.pid ?? '?'} on ${holder.host ?? '?'} since ${holder.since ?? '?'}`,
    `wait for that run to end, or if it is not running, delete ${lockPath}`,
  );
}
