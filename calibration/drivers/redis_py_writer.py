#!/usr/bin/python3
"""rfsim calibrate --client redis-py: one scenario client driven by the real redis-py, with its own defaults.

Started by rfsim (by pid) with a JSON configuration file; stopped by rfsim (SIGKILL by pid). Protocol:
  stdin  "<id> <element>"   : SADD <key> <element> now, without waiting for earlier writes (open workload)
  stdout "ready"            : a first write went through the primary the Sentinels name
         "fatal <message>"  : could not get there
         "<id> ok|failed|unknown <CLOCK_MONOTONIC ns> <announced port or -1> <reason>"
Outcomes follow the model's rules: an error reply or a write never sent is failed; a write sent whose reply never
came (connection closed, timeout) is unknown.

The application is the usual one: a Sentinel-managed client (Sentinel(...).master_for(...)) shared by a pool of
worker threads (ASSUMPTION A48: 16 per client, rfsim explain assumptions), each running one write at a time from a FIFO queue, as a threaded
web server's workers would. redis-py keeps one connection per concurrent command in its pool.
Every announced address is dialled at this client's own proxy port (portMap), so a partition cuts it as it cuts the
other members; the connection keeps the announced port, which is what redis-py reports and compares.
"""
import json
import queue
import sys
import threading
import time

import redis
from redis.exceptions import ConnectionError, ResponseError, TimeoutError
from redis.sentinel import MasterNotFoundError, Sentinel, SentinelManagedConnection

WORKERS = 16

with open(sys.argv[1], encoding="utf-8") as f:
    config = json.load(f)
port_map = {int(k): int(v) for k, v in config["portMap"].items()}
key = config["key"]
local = threading.local()
out_lock = threading.Lock()


class MappedConnection(SentinelManagedConnection):
    """redis-py's own Sentinel connection; only the socket dials the client's proxy port for the announced one."""

    def _connect(self):
        announced = self.port
        self.port = port_map.get(int(announced), int(announced))
        try:
            return super()._connect()
        finally:
            self.port = announced

    def send_packed_command(self, command, check_health=True):
        # Connecting (and asking the Sentinels) happens first; a failure there means nothing was sent.
        if not self._sock:
            self.connect()
        local.sent = True
        local.port = int(self.port)
        return super().send_packed_command(command, check_health)


def emit(line):
    with out_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def classify(error):
    """(outcome, reason) with the model's rules."""
    if isinstance(error, ResponseError):
        return "failed", str(error).split(" ", 1)[0] or type(error).__name__
    if isinstance(error, MasterNotFoundError):
        return "failed", "MasterNotFoundError"
    if isinstance(error, ConnectionError) and "previous master is now a slave" in str(error):
        # SentinelManagedConnection turns -READONLY into a disconnect and this ConnectionError: a reply came.
        return "failed", "READONLY"
    if isinstance(error, (ConnectionError, TimeoutError)):
        sent = getattr(local, "sent", False)
        return ("unknown" if sent else "failed"), f"{type(error).__name__} ({'sent' if sent else 'not sent'})"
    return "unknown", type(error).__name__


def write(client, write_id, element):
    local.sent = False
    local.port = -1
    try:
        client.sadd(key, element)
        emit(f"{write_id} ok {time.monotonic_ns()} {local.port} -")
    except Exception as error:  # every outcome is recorded, whatever the library raised
        outcome, reason = classify(error)
        emit(f"{write_id} {outcome} {time.monotonic_ns()} -1 {reason}")


def worker(client, work):
    while True:
        write_id, element = work.get()
        write(client, write_id, element)


def main():
    sentinel = Sentinel([("127.0.0.1", p) for p in config["sentinels"]])
    client = sentinel.master_for(config["master"], connection_class=MappedConnection)
    deadline = time.monotonic() + 30
    while True:
        try:
            client.ping()
            break
        except Exception as error:  # not ready yet: the cluster has just started
            if time.monotonic() > deadline:
                emit(f"fatal {type(error).__name__}: {error}")
                return
            time.sleep(0.2)
    work = queue.Queue()
    for i in range(WORKERS):
        threading.Thread(target=worker, args=(client, work), name=f"worker-{i}", daemon=True).start()
    emit("ready")
    for line in sys.stdin:
        parts = line.split(" ", 1)
        if len(parts) == 2:
            work.put((int(parts[0]), parts[1].rstrip("\n")))
    # rfsim closed stdin: the run is over; rfsim stops this process by its pid.
    while True:
        time.sleep(1)


if __name__ == "__main__":
    print(f"redis-py {redis.__version__}", file=sys.stderr, flush=True)
    main()
