// bench/sync's live mode: replicas kept connected by net::LiveSync, in the load generator's
// process, against `concord-cli serve`:
//   1. propagation: one replica at a time labels a sample and pushes it; the time from the
//      acknowledgement reaching the writer's replica to every other replica having stored it;
//   2. idle: the server's CPU over a window while many live replicas stay connected and idle;
//      with a second server (otherPort), half the replicas on each: the same time for the
//      replicas on the other server than the writer's, a label's way through the database;
//   3. the peer: the same replicas polling the old way (a new TLS connection and hello every
//      2 s, as the GUI's bridge did), and the server's CPU over the same window.
#pragma once

#include <string>

namespace concord::bench {

struct LiveBenchOptions
{
    int port = 0;
    int otherPort = 0; // a second server on the same project: odd replicas join it (0: none)
    std::string tokens;
    std::string dir; // where the replicas are made
    int serverPid = 0;
    int replicas = 50;      // connected during the propagation rounds
    int labels = 200;       // rounds, one label each
    int gapMs = 50;         // between rounds, so that each label goes out on a notice of its own
    int idleReplicas = 100; // connected during the idle window
    int pollReplicas = 100; // polling during the peer's window
    int windowSeconds = 10; // each CPU window
};

// Prints one JSON line.
void liveBench(const LiveBenchOptions& options);

} // namespace concord::bench
