// The baseline: a bare node:http handler answering a small JSON body, nothing else.
import http from "node:http";
import type { AddressInfo } from "node:net";

const body = JSON.stringify({ result: { data: { json: { user: { id: "u", email: "a@b.c" } } } } });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
