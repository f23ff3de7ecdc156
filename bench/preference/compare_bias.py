#!/usr/bin/env python3
"""Checks that `concord-cli check --json` (position-bias, length-bias) and peer_bias.py found the
same overall counts and p-values (the check prints p to three significant digits).

Usage: compare_bias.py CHECK.json PEER.json       exit 1 when they differ
"""

import json
import re
import sys


def main():
    check = json.load(open(sys.argv[1]))
    peer = json.load(open(sys.argv[2]))
    found = {}
    for finding in check["findings"]:
        match = re.search(r"overall, .* \(n = (\d+), exact binomial test against 50%: p = ([0-9.e+-]+)\)",
                          finding["message"])
        if match and finding["check"] in ("position-bias", "length-bias"):
            found[finding["check"].split("-")[0]] = (int(match.group(1)), float(match.group(2)))
    ok = True
    for kind in ("position", "length"):
        expected = peer[kind]["overall"]
        n, p = found.get(kind, (None, None))
        same = n == expected["n"] and p is not None and float("%.3g" % expected["p"]) == p
        ok &= same
        print("%s bias: concord n = %s, p = %s; peer n = %d, p = %.6g%s" %
              (kind, n, p, expected["n"], expected["p"], "" if same else "   DIFFERENT"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
