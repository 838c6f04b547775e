/**
 * Preload hook (`node --require test/privacy/denyNetwork.cjs ...`, or through NODE_OPTIONS)
 * that turns every way Node can reach the network into a recorded failure: TCP/IPC socket
 * connects, TLS, UDP, HTTP(S), fetch and DNS. Each attempt is appended as one JSON line to
 * the file named by IMR_NETWORK_LOG, then throws. Loading the hook writes a `loaded` line
 * so a test can tell "no attempt" from "hook never ran".
 *
 * Local stdio pipes and IPC channels set up by the parent are not connects and keep working.
 */
'use strict';
const fs = require('fs');
const net = require('net');
const tls = require('tls');
const dgram = require('dgram');
const http = require('http');
const https = require('https');
const dns = require('dns');

const LOG = process.env.IMR_NETWORK_LOG;

function record(entry) {
  if (!LOG) return;
  try {
    fs.appendFileSync(LOG, JSON.stringify({ pid: process.pid, ...entry }) + '\n');
  } catch {
    // The log is best effort; the throw below is what stops the request.
  }
}

function deny(api) {
  return function denied() {
    const stack = new Error().stack.split('\n').slice(2, 6).map((s) => s.trim());
    record({ attempt: api, args: describe(arguments), stack });
    throw new Error(`network access denied by test hook: ${api}`);
  };
}

function describe(args) {
  try {
    return JSON.stringify(Array.from(args).map((a) => (typeof a === 'function' ? 'fn' : a))).slice(0, 300);
  } catch {
    return '?';
  }
}

net.Socket.prototype.connect = deny('net.Socket.prototype.connect');
net.connect = deny('net.connect');
net.createConnection = deny('net.createConnection');
tls.connect = deny('tls.connect');
dgram.createSocket = deny('dgram.createSocket');
http.request = deny('http.request');
http.get = deny('http.get');
https.request = deny('https.request');
https.get = deny('https.get');
dns.lookup = deny('dns.lookup');
dns.resolve = deny('dns.resolve');
dns.resolve4 = deny('dns.resolve4');
dns.resolve6 = deny('dns.resolve6');
if (dns.promises) {
  dns.promises.lookup = deny('dns.promises.lookup');
  dns.promises.resolve = deny('dns.promises.resolve');
}
globalThis.fetch = deny('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');

record({ loaded: process.argv.slice(1, 3).join(' ') || 'worker', thread: require('worker_threads').threadId });
