// The package as it was when issue 16 set its targets, built from its commit, so `npm run bench`
// can put today's `validate` side by side with that build's ("validate ≥ 3× today's orders/s")
// in one process, as it does with the peer. Built once into node_modules/.cache with today's
// toolchain (the same wasm-bindgen pin) and the project's node_modules for its build tools.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';

/** The last commit before issue 16's work: its outputs golden was taken from this build. */
export const ISSUE_TIME_COMMIT = '31eb233';

const repo = new URL('../', import.meta.url);
const dir = new URL(`node_modules/.cache/issue-time-build/${ISSUE_TIME_COMMIT}/`, repo);
const built = new URL('built', dir);

/**
 * The directory of the issue-time package (its `js/node.js` is the entry), built where it is not
 * yet cached; `{ reason }` where it cannot be (a clone without that commit, a failed build).
 */
export function issueTimeBuild() {
  if (existsSync(built)) return { path: dir.pathname };
  console.error(`[bench] building the issue-time package (${ISSUE_TIME_COMMIT}) once, into ${dir.pathname}`);
  const run = (command, args, options = {}) => execFileSync(command, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  try {
    rmSync(dir, { recursive: true, force: true }); // a build cut short before
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', ISSUE_TIME_COMMIT], { cwd: repo, maxBuffer: 2 ** 28, stdio: ['ignore', 'pipe', 'pipe'] });
    run('tar', ['-x', '-C', dir.pathname], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
    symlinkSync(new URL('node_modules', repo).pathname, new URL('node_modules', dir).pathname);
    run('bash', ['scripts/build.sh'], { cwd: dir, timeout: 1_200_000 });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `the issue-time package (${ISSUE_TIME_COMMIT}) could not be built (${String(error.stderr ?? error.message).trim().split('\n').pop()})` };
  }
  writeFileSync(built, `${new Date().toISOString()}\n`);
  return { path: dir.pathname };
}
