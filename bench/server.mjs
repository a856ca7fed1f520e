// The bench's loopback server, run in a child process (bench/run.mjs forks it) so that its CPU is
// not counted as client CPU. It answers every request with the same IntegrationStateV2 body,
// serialized once, after reading the request body whole. Tells the parent its port over IPC.
import { createServer } from 'node:http';
import { integrationState } from './fixture.mjs';

const body = Buffer.from(JSON.stringify(integrationState()));
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(body.length),
};

const server = createServer((req, res) => {
  let received = 0;
  req.on('data', (chunk) => {
    received += chunk.length;
  });
  req.on('end', () => {
    if (req.method !== 'PUT' || received === 0) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ message: `expected a PUT with a body, got ${req.method} (${received} bytes)` }),
      );
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port, bytes: body.length });
});
process.on('disconnect', () => process.exit(0));
