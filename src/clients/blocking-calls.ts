// Library functions that block the nginx worker: they wait on the OS (a socket, a child process, a database
// driver) without yielding to the event loop, so every other request of the worker waits with them
// (docs/semantics.md §10, measured by test/runtime/blocking-call.test.ts). Data for the blocking-call rule;
// the interpreter records calls of these names (src/analysis/interpret/library-calls.ts).

export interface BlockingLibrary {
  /** Global path of the function (`io.popen`), or the module as written in `require` (`socket.http`), or a
   *  module-name prefix ending in `.` (`luasql.`: every driver module). */
  name: string;
  /** Functions of the module that block (`*`: any of them); absent for a global function. */
  functions?: readonly string[] | '*';
  /** What the call does, as the message says it. */
  what: string;
  /** The cosocket-based replacement the message names. */
  replacement: string;
}

export const BLOCKING_LIBRARIES: readonly BlockingLibrary[] = [
  { name: 'io.popen', what: 'io.popen runs a shell command and its reads wait for it', replacement: 'ngx.pipe.spawn (lua-resty-core on OpenResty\'s nginx build), whose reads and wait yield, or a helper service reached through a cosocket' },
  { name: 'os.execute', what: 'os.execute waits for a shell command to finish', replacement: 'ngx.pipe.spawn (lua-resty-core on OpenResty\'s nginx build), whose wait yields, or a helper service reached through a cosocket' },
  // LuaSocket: every socket it makes is a blocking OS socket; socket.sleep blocks too.
  {
    name: 'socket',
    functions: ['tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'connect', 'connect4', 'connect6', 'bind', 'select', 'sleep'],
    what: 'LuaSocket opens a blocking OS socket',
    replacement: 'ngx.socket.tcp / ngx.socket.udp (cosockets), and ngx.sleep for socket.sleep',
  },
  // Name resolution through the system resolver (getaddrinfo), not ngx_lua's nonblocking one.
  { name: 'socket.dns', functions: ['toip', 'tohostname', 'getaddrinfo', 'getnameinfo'], what: 'LuaSocket socket.dns resolves names with the blocking system resolver', replacement: 'lua-resty-dns (resty.dns.resolver), built on ngx.socket.udp' },
  { name: 'socket.http', functions: ['request'], what: 'LuaSocket socket.http.request blocks on the network', replacement: 'lua-resty-http (resty.http), built on ngx.socket.tcp' },
  { name: 'ssl.https', functions: ['request'], what: 'LuaSec ssl.https.request blocks on the network', replacement: 'lua-resty-http (resty.http) with ssl_verify, built on ngx.socket.tcp' },
  { name: 'socket.smtp', functions: ['send'], what: 'LuaSocket socket.smtp.send blocks on the network', replacement: 'a cosocket-based client (ngx.socket.tcp)' },
  { name: 'socket.ftp', functions: ['get', 'put', 'command'], what: 'LuaSocket socket.ftp blocks on the network', replacement: 'a cosocket-based client (ngx.socket.tcp)' },
  // LuaSQL: `require("luasql.mysql").mysql()` makes the driver environment whose connect/execute block.
  { name: 'luasql.', functions: '*', what: 'a LuaSQL driver talks to its database through blocking C client libraries', replacement: 'a cosocket driver (lua-resty-mysql, pgmoon)' },
];

/** The blocking library function a call names: `global` is the callee's global path (`io.popen`), or
 *  `module` + `fn` a function of a required module (`socket.http`, `request`). */
export function blockingLibrary(global: string | null, module?: string, fn?: string): BlockingLibrary | undefined {
  if (global !== null) return BY_GLOBAL.get(global);
  if (module === undefined || fn === undefined) return undefined;
  for (const lib of MODULE_LIBRARIES) {
    const matches = lib.name.endsWith('.') ? module.startsWith(lib.name) : module === lib.name;
    if (matches && (lib.functions === '*' || lib.functions!.includes(fn))) return lib;
  }
  return undefined;
}

/** The name a call of it is recorded under in the facts. */
export function blockingCallName(global: string | null, module?: string, fn?: string): string | undefined {
  if (!blockingLibrary(global, module, fn)) return undefined;
  return global ?? `${module}.${fn}`;
}

const BY_GLOBAL = new Map(BLOCKING_LIBRARIES.filter((l) => l.functions === undefined).map((l) => [l.name, l]));
const MODULE_LIBRARIES = BLOCKING_LIBRARIES.filter((l) => l.functions !== undefined);
