// What the Node.js drivers share: the configuration, the stdin/stdout protocol of rfsim calibrate --client, and the
// clock. See redis_py_writer.py for the protocol; a write's outcome follows the model's rules (an error reply or a
// write never sent is failed, a write sent whose reply never came is unknown).
"use strict";
const fs = require("fs");
const readline = require("readline");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const portMap = new Map(Object.entries(config.portMap).map(([k, v]) => [Number(k), Number(v)]));
const announcedByMapped = new Map([...portMap].map(([k, v]) => [v, k]));

function emit(line) {
  process.stdout.write(line + "\n");
}

// CLOCK_MONOTONIC nanoseconds (libuv's uv_hrtime), the clock rfsim's Stopwatch reads.
function now() {
  return process.hrtime.bigint().toString();
}

function firstWord(message) {
  const text = String(message || "");
  const space = text.indexOf(" ");
  return (space > 0 ? text.slice(0, space) : text) || "error";
}

// Reads "<id> <element>" lines and calls write(id, element) for each at once; never waits for a write to finish.
function readWrites(write) {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const space = line.indexOf(" ");
    if (space > 0) {
      write(Number(line.slice(0, space)), line.slice(space + 1));
    }
  });
  // rfsim closed stdin: the run is over; rfsim stops this process by its pid.
  lines.on("close", () => setInterval(() => {}, 1000));
}

module.exports = { config, portMap, announcedByMapped, emit, now, firstWord, readWrites };
