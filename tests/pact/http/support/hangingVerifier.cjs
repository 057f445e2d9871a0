'use strict';
// A stand-in for the Pact verifier's own process (src/pact/http/verifierProcess.ts) whose Pact core
// never answers: it says it is ready, takes the job and then neither answers nor exits, and it
// ignores SIGTERM, as a process stuck in a native call may. Plain JavaScript: no loader to start.
process.on('SIGTERM', () => console.log('stand-in: SIGTERM ignored'));
process.on('message', () => console.log('stand-in: job received, never answering'));
console.log(`stand-in verifier pid ${process.pid}`);
process.send({ kind: 'ready' });
require('node:timers').setInterval(() => undefined, 60_000);
