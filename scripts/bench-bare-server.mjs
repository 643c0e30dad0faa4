#!/usr/bin/env node
// The yardstick of `npm run bench`: a bare node:http server, in its own process, answering every
// request with one canned reply — the status, headers and body the measured server gave for the same
// request (recorded by bench.mjs just before). What wxauth's server does beyond this is its own cost.
//
//   node scripts/bench-bare-server.mjs '{"status":200,"headers":{"content-type":"text/plain"},"body":"…"}'
//
// Prints `http://127.0.0.1:<port>` once listening.
import http from 'node:http';

const reply = JSON.parse(process.argv[2] ?? '{}');
const body = Buffer.from(reply.body ?? '', 'utf8');
const headers = { ...reply.headers, 'content-length': body.length };
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
