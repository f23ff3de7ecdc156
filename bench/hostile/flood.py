#!/usr/bin/env python3
"""Opens N silent TCP connections to 127.0.0.1:PORT from 127.0.0.2..127.0.0.51 (so that the
server's cap per address does not decide it), measures the server's open descriptors and
resident memory from /proc before, while they are held and after the server closed them all,
then prints one JSON object. Standard library only.

usage: flood.py PORT SERVER_PID N
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


def main():
    port, pid, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))
    idle = server_state(pid)
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
    after = server_state(pid)
    print(json.dumps({"connections": count, "closed_by_server": count - len(open_),
                      "all_closed_after_s": round(closed_after, 2), "idle": idle, "held": held, "after": after}))


if __name__ == "__main__":
    main()
