// Free 127.0.0.1 ports for the apps (pickPort) and a TCP probe of a listening port (tcpProbe).
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import type { RuntimeEnv } from './runtime-env.ts';

async function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A 127.0.0.1 port below the ephemeral range that nothing uses, not even a TIME_WAIT socket (when ss exists). */
export async function pickPort(env: RuntimeEnv, avoid: Set<number>): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 15000 + Math.floor(Math.random() * 17000);
    if (avoid.has(port)) continue;
    if (!(await canListen(port))) continue;
    if (env.ss) {
      const r = spawnSync(env.ss, ['-Htan', `( sport = :${port} or dport = :${port} )`], { encoding: 'utf8', timeout: 5000 });
      if (r.status !== 0 || (r.stdout ?? '').trim() !== '') continue;
    }
    avoid.add(port);
    return port;
  }
  throw new Error('no free 127.0.0.1 port found');
}

export function tcpProbe(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error('connect timeout'));
    }, 500);
    s.once('connect', () => {
      clearTimeout(timer);
      s.destroy();
      resolve();
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
