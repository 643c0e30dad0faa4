#!/usr/bin/env node
// The proxy's yardstick in `npm run bench`: the least a reverse proxy on node:http can do — forward
// each request to the upstream over keep-alive connections and pipe the answer back, nothing seen,
// nothing logged. On a machine with few cores, a proxy costs a whole process's CPU per request; how
// close wxauth proxy gets to this one is what its own work (lines, detectors, masking) costs.
//
//   node scripts/bench-bare-proxy.mjs http://127.0.0.1:<upstream port>
//
// Prints `http://127.0.0.1:<port>` once listening.
import http from 'node:http';

const upstream = new URL(process.argv[2] ?? 'http://127.0.0.1:3900');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const server = http.createServer((req, res) => {
  const out = http.request(
    { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    },
  );
  out.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(out);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
