// Starts `supplint server` (the language server, LSP over stdio) for Markdown, HTML and text.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration("supplint");
  const command = config.get("path", "supplint");
  const args = ["server", ...config.get("args", [])];
  return { command, args, transport: TransportKind.stdio };
}

function activate(context) {
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "file", language: "plaintext" },
    ],
  };
  client = new LanguageClient("supplint", "supplint", serverOptions(), clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
