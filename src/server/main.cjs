'use strict';
// The language server's process as the VS Code extension starts it
// (dist/server-main.js, `--node-ipc`): Node's compile cache where there is
// one (Node 22.1+), then the server bundle beside it.
const Module = require('node:module');
if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache();
  } catch {
    // Run without it.
  }
}
require('./server.js').runServer(process.argv);
