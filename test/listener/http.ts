// A request to a listener on 127.0.0.1 over a fresh connection, as a browser following WeChat's redirect
// would send it: the status, body and headers it answered (shared by the listener tests).
import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
