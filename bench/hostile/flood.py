#!/usr/bin/env python3
"""Opens N silent TCP connections to 127.0.0.1:PORT from 127.0.0.2..127.0.0.51 (so that the
server's cap per address does not decide it), measures the server's open descriptors and
resident memory from /proc before, while they are held and after the server closed them all,
then prints one JSON object. Standard library only.

usage: flood.py PORT SERVER_PID N [ROUNDS]

With ROUNDS > 1 the flood is repeated, and the state after each round is reported: memory
the server keeps after the first round should not grow with the next.
"""
import json
import os
import resource
import select
import socket
import sys
import time


def server_state(pid):
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    rss_kb = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
    return {"fds": fds, "rss_kb": rss_kb}


def flood(port, pid, count):
    sockets = []
    started = time.monotonic()
    for i in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((f"127.0.0.{2 + i % 50}", 0))
        s.connect(("127.0.0.1", port))
        sockets.append(s)
    time.sleep(1)  # let the server accept the backlog before looking
    held = server_state(pid)
    # Wait for the server to close each one (end of stream or reset), at most 120 s in all.
    open_ = {s.fileno(): s for s in sockets}
    deadline = time.monotonic() + 120
    poller = select.poll()
    for fd in open_:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while open_ and time.monotonic() < deadline:
        for fd, _ in poller.poll(1000):
            s = open_.pop(fd, None)
            if s is None:
                continue
            poller.unregister(fd)
            try:
                s.recv(1)
            except OSError:
                pass
            s.close()
    closed_after = time.monotonic() - started
    for s in open_.values():
        s.close()
    time.sleep(0.5)
    return {"closed_by_server": count - len(open_), "all_closed_after_s": round(closed_after, 2), "held": held,
            "after": server_state(pid)}


def main():
    port, pid, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))
    idle = server_state(pid)
    results = [flood(port, pid, count) for _ in range(rounds)]
    print(json.dumps({"connections": count, "idle": idle, "rounds": results}))


if __name__ == "__main__":
    main()
