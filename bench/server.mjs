// The bench's loopback server, run in a child process (bench/run.mjs forks it) so that its CPU is
// not counted as client CPU. It answers every PUT with the same IntegrationStateV2 body, and a GET
// of the bench's loyalty card (the Management call) with the same LoyaltyCard body, each
// serialized once, after reading the request body whole. Tells the parent its port over IPC.
import { createServer } from 'node:http';
import { CARD_PATH, integrationState, loyaltyCard } from './fixture.mjs';

const json = (value) => {
  const bytes = Buffer.from(JSON.stringify(value));
  return {
    bytes,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length) },
  };
};
const { bytes: body, headers } = json(integrationState());
const card = json(loyaltyCard());

const server = createServer((req, res) => {
  let received = 0;
  req.on('data', (chunk) => {
    received += chunk.length;
  });
  req.on('end', () => {
    if (req.method === 'GET' && req.url === CARD_PATH) {
      res.writeHead(200, card.headers);
      res.end(card.bytes);
      return;
    }
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
