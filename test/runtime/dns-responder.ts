// A minimal DNS server on 127.0.0.1 (UDP, random port) for the resolver-missing claim: it answers every A query
// with 127.0.0.1 and every other query with no answer, so nginx's resolver works without any outside DNS.
import dgram from 'node:dgram';

export interface DnsResponder {
  port: number;
  /** Names asked for, in order. */
  queries: string[];
  close(): Promise<void>;
}

export function startDnsResponder(): Promise<DnsResponder> {
  const socket = dgram.createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, from) => {
    const q = parseQuestion(msg);
    if (!q) return;
    queries.push(q.name);
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180, 2); // response, recursion desired and available, no error
    header.writeUInt16BE(1, 4); // one question
    const isA = q.type === 1 && q.cls === 1;
    header.writeUInt16BE(isA ? 1 : 0, 6);
    const question = msg.subarray(12, q.end);
    // name: pointer to the question's name (offset 12); type A, class IN, TTL 30, 4 bytes: 127.0.0.1
    const answer = isA ? Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, 127, 0, 0, 1]) : Buffer.alloc(0);
    socket.send(Buffer.concat([header, question, answer]), from.port, from.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      resolve({
        port: socket.address().port,
        queries,
        close: () => new Promise((done) => socket.close(() => done())),
      });
    });
  });
}

/** The first question of a query: its name, type and class, and where the question ends. */
function parseQuestion(msg: Buffer): { name: string; type: number; cls: number; end: number } | undefined {
  if (msg.length < 12 || msg.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let i = 12;
  while (i < msg.length && msg[i] !== 0) {
    const n = msg[i];
    if (n > 63 || i + 1 + n > msg.length) return undefined;
    labels.push(msg.toString('latin1', i + 1, i + 1 + n));
    i += 1 + n;
  }
  if (i + 5 > msg.length) return undefined;
  return { name: labels.join('.'), type: msg.readUInt16BE(i + 1), cls: msg.readUInt16BE(i + 3), end: i + 5 };
}
