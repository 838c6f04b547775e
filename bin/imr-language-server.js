#!/usr/bin/env node
// Starts the IMR language server; pass --stdio (or --node-ipc / --socket=N) as LSP clients do.
require('./requireBuilt')('imr-language-server', 'server.js');
