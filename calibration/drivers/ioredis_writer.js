// rfsim calibrate --client ioredis: one scenario client driven by the real ioredis (package.json pins it), with its
// own defaults: new Redis({ sentinels, name }) and nothing else but natMap, which dials every announced address at
// this client's own proxy port so that a partition cuts it as it cuts the others. Protocol: writer_common.js.
"use strict";
const Redis = require("ioredis");
const { config, portMap, announcedByMapped, emit, now, firstWord, readWrites } = require("./writer_common");

const natMap = {};
for (const [announced, mapped] of portMap) {
  natMap[`127.0.0.1:${announced}`] = { host: "127.0.0.1", port: mapped };
}

const redis = new Redis({
  sentinels: config.sentinels.map((port) => ({ host: "127.0.0.1", port })),
  name: config.master,
  natMap,
  connectionName: config.name,
});
redis.on("error", () => {}); // reconnects are ioredis's business; every write reports its own outcome

// A command is sent when ioredis writes it to the socket (it then waits in commandQueue); one that waits in the
// offline queue was not. Re-sends after a reconnect (autoResendUnfulfilledCommands) pass here again.
const sendCommand = redis.sendCommand.bind(redis);
redis.sendCommand = (command, stream) => {
  const result = sendCommand(command, stream);
  const queue = redis.commandQueue;
  if (command.rfsimId !== undefined && queue.length > 0 && queue.peekBack().command === command) {
    command.rfsimSends = (command.rfsimSends || 0) + 1;
  }
  return result;
};

function write(id, element) {
  const command = new Redis.Command("sadd", [config.key, element]);
  command.rfsimId = id;
  redis.sendCommand(command).then(
    (added) => {
      const port = announcedByMapped.get(redis.stream && redis.stream.remotePort) ?? -1;
      // SADD answers 0 for an element already there: a re-sent write its first node had applied (a duplicate).
      emit(`${id} ok ${now()} ${port} ${added === 0 ? "duplicate" : "-"}`);
    },
    (error) => {
      const sent = (command.rfsimSends || 0) > 0;
      if (error && error.name === "ReplyError") {
        emit(`${id} failed ${now()} -1 ${firstWord(error.message)}`);
      } else {
        const name = (error && error.name) || "Error";
        emit(`${id} ${sent ? "unknown" : "failed"} ${now()} -1 ${name} (${sent ? "sent" : "not sent"})`);
      }
    });
}

const deadline = Date.now() + 30000;
function ready() {
  redis.ping().then(
    () => {
      emit("ready");
      readWrites(write);
    },
    (error) => {
      if (Date.now() > deadline) {
        emit(`fatal ${error && error.message}`);
      } else {
        setTimeout(ready, 200);
      }
    });
}
process.stderr.write(`ioredis ${require("ioredis/package.json").version}\n`);
ready();
