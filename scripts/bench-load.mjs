#!/usr/bin/env node
// The load generator of `npm run bench`, run as its own process so that it never shares a core's event
// loop with the server it measures. A deliberately small HTTP/1.1 client on raw sockets: N connections,
// each sending one GET, reading the answer (Content-Length framed, as every server measured here
// answers), then the next. Keep-alive unless the server says `Connection: close`, then a new
// connection. It is cheaper per request than node:http's client, so on a 2-core machine the server,
// not the client, is what runs out of CPU first.
//
//   node scripts/bench-load.mjs job.json   # {"url":"http://127.0.0.1:8080","paths":["/sns/auth?…"],"connections":20,"seconds":5}
//
// `paths` are taken in turn; with `once: true` each is sent exactly once (fresh codes) and the run ends
// when they are used up (or `seconds` pass). Prints one JSON line: {requests, seconds, rps, statuses, errors}.
import fs from 'node:fs';
import net from 'node:net';

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { hostname, port } = new URL(job.url);
const connections = job.connections ?? 20;
const paths = job.paths;
const host = `${hostname}:${port}`;
const requests = paths.map((p) => Buffer.from(`GET ${p} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: wxauth-bench\r\nAccept: */*\r\n\r\n`, 'latin1'));

let next = 0;
let done = 0;
let errors = 0;
const statuses = {};
let stopping = false;
const started = process.hrtime.bigint();
const deadline = setTimeout(() => (stopping = true), (job.seconds ?? 5) * 1000);

function take() {
  if (stopping) return undefined;
  if (job.once) return next < requests.length ? requests[next++] : undefined;
  const r = requests[next];
  next = (next + 1) % requests.length;
  return r;
}

/** One connection's loop; resolves when there is nothing left to send. */
function worker() {
  return new Promise((resolve) => {
    let socket;
    let buffer = Buffer.alloc(0);
    let expecting = false;
    const send = () => {
      const request = take();
      if (!request) {
        socket?.destroy();
        return resolve();
      }
      if (!socket || socket.destroyed) open();
      expecting = true;
      socket.write(request);
    };
    const open = () => {
      buffer = Buffer.alloc(0);
      socket = net.connect({ host: hostname, port, noDelay: true });
      socket.on('data', onData);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (!expecting) return;
        // Closed with an answer still owed: count it and carry on with a new connection.
        errors++;
        expecting = false;
        socket = undefined;
        send();
      });
    };
    const onData = (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        const status = head.slice(9, 12);
        statuses[status] = (statuses[status] ?? 0) + 1;
        done++;
        buffer = buffer.subarray(end + 4 + length);
        expecting = false;
        if (/\r\nconnection:\s*close/i.test(head)) {
          const old = socket;
          socket = undefined;
          old.removeAllListeners('close');
          old.destroy();
        }
        send();
        return;
      }
    };
    send();
  });
}

await Promise.all(Array.from({ length: connections }, worker));
clearTimeout(deadline);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ requests: done, seconds, rps: done / seconds, statuses, errors }) + '\n');
