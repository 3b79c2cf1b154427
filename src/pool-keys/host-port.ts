// connect(host, port, opts?) or connect("unix:/path", opts?): ngx_lua's tcpsock:connect names the pool
// opts.pool, else "host:port", else the unix socket string (docs/semantics.md §2).
import { joinKey, keyPart, optsPool, present, tcp, type KeyInputs, type PoolKeyBuilder } from './key-value.ts';
import type { PoolKey } from '../model/pool-key.ts';

export function hostPortKeys(opts: { unixPrefixCaseSensitive: boolean }): PoolKeyBuilder {
  return {
    key: (inputs) => hostPortKey(inputs, opts.unixPrefixCaseSensitive),
    options: (inputs) => present(secondIsPort(inputs) ? inputs.arg(2) : inputs.arg(1)),
  };
}

function secondIsPort(inputs: KeyInputs): boolean {
  const second = inputs.arg(1);
  return second?.kind === 'literal' && typeof second.value === 'number';
}

export function hostPortKey(inputs: KeyInputs, unixCaseSensitive: boolean): PoolKey | null {
  const host = inputs.arg(0);
  const second = inputs.arg(1);
  const hostText = host?.kind === 'literal' && typeof host.value === 'string' ? host.value : undefined;
  const isUnix =
    hostText !== undefined &&
    !secondIsPort(inputs) &&
    (unixCaseSensitive ? hostText.startsWith('unix:') : hostText.toLowerCase().startsWith('unix:'));
  const pool = optsPool(isUnix ? second : inputs.arg(2));
  if (pool !== undefined) return pool;
  if (isUnix) return { text: hostText!, symbolic: false, server: { kind: 'unix', path: hostText!.slice('unix:'.length) } };
  return joinKey([keyPart(host), keyPart(second)], ([h, p]) => tcp(h, p));
}


/** A pool key a user declared for a wrapper in the config file: a pool name, which names a server when it is
 *  written as ngx_lua names pools ("host:port", "unix:/path"). */
export function declaredPoolKey(text: string): PoolKey {
  const tcpName = /^(.+):(\d+)$/.exec(text);
  if (tcpName) return { text, symbolic: false, server: tcp(tcpName[1], tcpName[2]) };
  if (/^unix:/i.test(text)) return { text, symbolic: false, server: { kind: 'unix', path: text.slice('unix:'.length) } };
  return { text, symbolic: false, server: { kind: 'named' } };
}
