// lua-resty-websocket's client: connect("ws://host:port/path", opts?) names the pool opts.pool, else
// "host:port" with 80/443 by scheme (docs/semantics.md §1).
import { optsPool, present, tcp, type PoolKeyBuilder } from './key-value.ts';

const URI = /^(wss?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?/;

export const websocketKeys: PoolKeyBuilder = {
  key(inputs) {
    const pool = optsPool(inputs.arg(1));
    if (pool !== undefined) return pool;
    const uri = inputs.arg(0);
    if (!(uri?.kind === 'literal' && typeof uri.value === 'string')) return null;
    const m = URI.exec(uri.value);
    if (!m) return null;
    const port = m[3] ?? (m[1] === 'wss' ? '443' : '80');
    return { text: `${m[2]}:${port}`, symbolic: false, server: tcp(m[2], port) };
  },
  options: (inputs) => present(inputs.arg(1)),
};
