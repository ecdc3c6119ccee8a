#!/usr/bin/env node
// tauri-driver, started from its prebuilt Linux binary (a Node-API module).
//
// The npm package @crabnebula/tauri-driver only picks the binary for the platform among its
// optional dependencies, and three of those (macOS, Windows) cannot be resolved from the
// registry, which breaks `npm ci`. So package.json depends on the Linux x64 binary package
// directly and this file does what the wrapper's cli.js does: run(args, name).
//
//   node tests/e2e/tauri-driver.cjs --port 4444 --native-port 4445 --native-driver /usr/bin/WebKitWebDriver
"use strict";

let driver;
try {
  driver = require("@crabnebula/tauri-driver-linux-x64-gnu");
} catch (error) {
  console.error(
    `tauri-driver: cannot load @crabnebula/tauri-driver-linux-x64-gnu (${error.message}).\n` +
      "Install it with `bash scripts/install-deps.sh e2e` (Linux x86-64 with glibc only).",
  );
  process.exit(2);
}

driver.run(process.argv.slice(2), "tauri-driver").catch((error) => {
  console.error(error.message);
  process.exit(1);
});
