// rfsim calibrate --client node-redis: one scenario client driven by the real node-redis (package "redis", pinned in
// package.json), with its own defaults: createSentinel({ name, sentinelRootNodes }) and nothing else but
// nodeAddressMap, which dials every announced address at this client's own proxy port so that a partition cuts it as
// it cuts the others. Protocol: writer_common.js.
"use strict";
const { createSentinel } = require("redis");
const { config, portMap, emit, now, firstWord, readWrites } = require("./writer_common");

const addressMap = {};
for (const [announced, mapped] of portMap) {
  addressMap[`127.0.0.1:${announced}`] = { host: "127.0.0.1", port: mapped };
}
const announcedOf = new Map([...portMap].map(([announced, mapped]) => [mapped, announced]));

const sentinel = createSentinel({
  name: config.master,
  sentinelRootNodes: config.sentinels.map((port) => ({ host: "127.0.0.1", port })),
  nodeAddressMap: addressMap,
});
sentinel.on("error", () => {}); // reconnects are node-redis's business; every write reports its own outcome

// The node the Sentinel client routes writes to now (announced port): node-redis names it in its topology events.
let masterPort = -1;
sentinel.on("topology-change", (event) => {
  if (event && event.type === "MASTER_CHANGE" && event.node) {
    masterPort = Number(event.node.port);
  }
});

// How node-redis ends a command (client/commands-queue.js, @redis/client 6.3.1): its 5 s command timeout runs only
// while the command waits to be written (commandsToWrite removes the timer once it is written), so a TimeoutError was
// never sent; SocketClosedUnexpectedlyError rejects the commands written and waiting for a reply (sent, unknown),
// unless the Sentinel client re-runs the write on the new master (execute() retries while the client is not ready).
function classify(error) {
  const name = (error && error.constructor && error.constructor.name) || "Error";
  if (name === "ErrorReply" || name === "SimpleError" || name === "BlobError") {
    return ["failed", firstWord(error.message)];
  }
  if (name === "TimeoutError" || name === "ClientClosedError" || name === "ClientOfflineError") {
    return ["failed", `${name} (not sent)`];
  }
  return ["unknown", `${name} (sent)`];
}

function write(id, element) {
  sentinel.sAdd(config.key, element).then(
    (added) => emit(`${id} ok ${now()} ${masterPort} ${added === 0 ? "duplicate" : "-"}`),
    (error) => {
      const [outcome, reason] = classify(error);
      emit(`${id} ${outcome} ${now()} -1 ${reason}`);
    });
}

async function main() {
  process.stderr.write(`node-redis ${require("redis/package.json").version}\n`);
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      await sentinel.connect();
      await sentinel.ping();
      break;
    } catch (error) {
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
