// The server a pool's key names, as the inventory shows it (rows of servers are summed by `text`).
import type { PoolKey } from '../model/pool-key.ts';
import { bytesToUtf8 } from '../source/source-text.ts';
import type { ServerInfo } from './inventory-types.ts';

export function serverInfo(key: PoolKey): ServerInfo {
  const server = key.server;
  // A family's server is whatever its configuration says: never the same as another's, never a literal one.
  if (key.family) return server.kind === 'named' ? { kind: 'named', text: 'named pool' } : { kind: 'symbolic', text: server.kind === 'tcp' ? `${bytesToUtf8(server.host)}:${bytesToUtf8(server.port)}` : `unix:${bytesToUtf8(server.path)}` };
  switch (server.kind) {
    case 'tcp': {
      const host = bytesToUtf8(server.host);
      const port = bytesToUtf8(server.port);
      if (/^\d+$/.test(port)) return { kind: 'tcp', text: `${host}:${port}`, host, port: Number(port) };
      // A host:port known only symbolically (`127.0.0.1:${ngx.var.server_port}`): shown as written.
      return { kind: 'symbolic', text: `${host}:${port}` };
    }
    case 'unix': {
      const path = bytesToUtf8(server.path);
      return { kind: 'unix', text: `unix:${path}`, path };
    }
    case 'named':
      return { kind: 'named', text: 'named pool' };
  }
}
