'use strict';
// The receiver that does nothing: every request is read to its end and answered 200 at once, on
// keep-alive connections. Benchmarked clients are then the bottleneck, not the receiver: against
// the reference receiver (signature check, schema validation, de-duplication) a client only
// measures how fast that receiver is. Run in its own process, as the reference receiver is.
const http = require('node:http');

const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    response.end('ok');
  });
});
// Longer than the 1 s a delivery client keeps an idle connection: the client always closes first.
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
process.on('SIGTERM', () => process.exit(0));
