// Loads editors/vscode/extension.js with stand-ins for the `vscode` API and the language
// client, activates it, and prints how it would start the server (JSON on stdout).
"use strict";

const Module = require("module");
const path = require("path");

const settings = JSON.parse(process.argv[3] || "{}");
const started = {};
const fakes = {
  vscode: {
    workspace: {
      getConfiguration: (section) => ({
        get: (key, fallback) => (settings[`${section}.${key}`] ?? fallback),
      }),
    },
  },
  "vscode-languageclient/node": {
    TransportKind: { stdio: 0 },
    LanguageClient: class {
      constructor(id, name, server, client) {
        Object.assign(started, { id, name, server, client });
      }
      start() {
        started.running = true;
        return Promise.resolve();
      }
      stop() {
        return Promise.resolve();
      }
    },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in fakes ? fakes[request] : load.call(this, request, ...rest);
};

const extension = require(path.resolve(process.argv[2]));
const context = { subscriptions: [] };
extension.activate(context).then(() => {
  started.subscriptions = context.subscriptions.length;
  process.stdout.write(JSON.stringify(started));
});
