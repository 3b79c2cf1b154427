// Running one command and measuring it: wall time (hrtime around the child), peak RSS (GNU time's %M, or polling
// /proc/PID/status VmHWM when /usr/bin/time is missing), exit status. Output goes to /dev/null (as a file
// descriptor: never as a path the tool writes to).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

/** Makes sure GNU time is there (apt-get install -y time when missing); returns whether it is. */
export function ensureGnuTime(log = () => {}) {
  if (fs.existsSync(GNU_TIME)) return true;
  log('bench: /usr/bin/time missing, apt-get install -y time');
  spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'ignore' });
  return fs.existsSync(GNU_TIME);
}

/**
 * Runs `cmd args` in `cwd` with stdout to /dev/null; returns { wallS, cpuS, rssMB, status, stderr } (cpuS: user +
 * system seconds, from GNU time only: on a shared machine it varies less than the wall clock).
 * `okStatus` lists the exit codes that mean the tool ran (findings are not failures).
 */
export async function timed({ cmd, args, cwd, env, okStatus = [0] }, useGnuTime) {
  const devnull = fs.openSync('/dev/null', 'w');
  const timeFile = path.join(os.tmpdir(), `resty-lint-bench-${process.pid}-${Date.now()}.time`);
  const argv = useGnuTime ? [GNU_TIME, ['-o', timeFile, '-f', '%e %M %U %S', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const child = spawn(argv[0], argv[1], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', devnull, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 20000) stderr += d;
  });
  let polledKB = 0;
  const poll = useGnuTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polledKB = Math.max(polledKB, Number(m[1]));
        } catch {
          // exited
        }
      }, 10);
  const status = await new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? `signal ${signal}`)));
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  if (poll) clearInterval(poll);
  fs.closeSync(devnull);
  let rssKB = polledKB;
  let cpuS = NaN;
  if (useGnuTime) {
    try {
      const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
      // GNU time prefixes "Command exited with non-zero status N" when the command fails.
      const [, kb, user, sys] = lines[lines.length - 1].split(' ');
      rssKB = Number(kb);
      cpuS = Number(user) + Number(sys);
    } catch {
      rssKB = NaN;
    }
    fs.rmSync(timeFile, { force: true });
  }
  const ok = okStatus.includes(status);
  return { wallS, cpuS, rssMB: rssKB / 1024, status, ok, stderr: ok ? '' : stderr.trim() };
}

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Files, lines and bytes of the .lua files under dir (regular files, no symlinks, as resty-lint finds them). */
export function luaStats(dir) {
  let files = 0;
  let lines = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.lua')) {
        const buf = fs.readFileSync(p);
        files++;
        bytes += buf.length;
        let n = 0;
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
        if (buf.length > 0 && buf[buf.length - 1] !== 10) n++;
        lines += n;
      }
    }
  };
  walk(dir);
  return { files, lines, bytes };
}
