// Starts the analysis worker: the module Trunk builds from src/bin/worker.rs (index.html's
// second rel="rust" link; see ARCHITECTURE.md, "The analysis worker"). The page starts this
// file as a module worker (src/app/analyst.rs), which the strict CSP allows: a file of the
// app's own origin, no blob: address.
//
// A module that loads but cannot start is said to the page as a `failed` message of the
// worker protocol (src/jobs/protocol.rs): a promise rejected in a worker reaches no error
// handler of the page. The message is written as protocol::write writes it, around its
// message; tests/jobs.rs checks the two agree, so a new protocol version updates this too. A module that cannot load fires the worker's error event.
import init from './worker.js';

init().catch((e) => {
  const message = `the analysis could not start (${e})`;
  postMessage('{"v":2,"body":{"failed":{"job":null,"message":' + JSON.stringify(message) + '}}}');
});
