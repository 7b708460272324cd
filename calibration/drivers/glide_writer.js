// rfsim calibrate --client valkey-glide: one scenario client driven by the real Valkey GLIDE (@valkey/valkey-glide,
// pinned in package.json), with its own defaults. GLIDE has no Sentinel client, so this does what a GLIDE user of
// Redis + Sentinel does: a standalone GlideClient given every data node's address (this client's proxy port for each,
// so a partition cuts it as it cuts the others) and nothing else. GLIDE picks the node whose INFO REPLICATION says
// role:master when the client is created and keeps it (docs/sources.md §11.20). Protocol: writer_common.js.
"use strict";
const { GlideClient, RequestError, TimeoutError, ConnectionError, ClosingError } = require("@valkey/valkey-glide");
const { config, portMap, emit, now, firstWord, readWrites } = require("./writer_common");

// portMap holds the Sentinels' ports too; a GLIDE user lists only the data nodes.
const sentinelPorts = new Set(config.sentinels);
const addresses = [...portMap]
  .filter(([, mapped]) => !sentinelPorts.has(mapped))
  .sort(([a], [b]) => a - b)
  .map(([, mapped]) => ({ host: "127.0.0.1", port: mapped }));

let client;
// The announced port of the node GLIDE sends writes to, asked once: its primary is fixed at creation.
let primaryPort = -1;

// How a write ends: an error reply (RequestError and not one of its connection subclasses) is failed; a
// TimeoutError (requestTimeout, 250 ms by default, counts from the request's start) or a lost connection was sent
// and its outcome is unknown, unless GLIDE says it never had a connection (ClosingError: the client is closed).
function classify(error) {
  if (error instanceof TimeoutError) {
    return ["unknown", "TimeoutError (sent)"];
  }
  if (error instanceof ConnectionError) {
    return ["unknown", "ConnectionError (sent)"];
  }
  if (error instanceof ClosingError) {
    return ["failed", "ClosingError (not sent)"];
  }
  if (error instanceof RequestError) {
    // GLIDE wraps the server's reply: "An error was signalled by the server: - ReadOnly: You can't write ...".
    const text = String(error.message || "");
    const marker = text.indexOf(": - ");
    return ["failed", firstWord(marker >= 0 ? text.slice(marker + 4) : text).replace(/:$/, "")];
  }
  return ["unknown", `${(error && error.name) || "Error"} (sent)`];
}

function write(id, element) {
  client.sadd(config.key, [element]).then(
    (added) => emit(`${id} ok ${now()} ${primaryPort} ${added === 0 ? "duplicate" : "-"}`),
    (error) => {
      const [outcome, reason] = classify(error);
      emit(`${id} ${outcome} ${now()} -1 ${reason}`);
    });
}

async function main() {
  // The package's exports hide package.json; read it from beside the resolved entry point.
  const path = require("path");
  const entry = require.resolve("@valkey/valkey-glide");
  const packageDir = entry.slice(0, entry.lastIndexOf(`${path.sep}build-ts`));
  process.stderr.write(`valkey-glide ${require(path.join(packageDir, "package.json")).version}\n`);
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      client = await GlideClient.createClient({ addresses, clientName: config.name });
      const port = await client.customCommand(["CONFIG", "GET", "port"]);
      // CONFIG GET answers [{ key: "port", value: "..." }] in GLIDE's node binding.
      primaryPort = Number(port && port[0] && port[0].value);
      break;
    } catch (error) {
      if (client) {
        client.close();
        client = undefined;
      }
      if (Date.now() > deadline) {
        emit(`fatal ${error && error.message}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  emit("ready");
  readWrites(write);
}
main();
