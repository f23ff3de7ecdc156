#!/usr/bin/python3
"""Checks that concord-cli's preference agreement and the numpy peer's give the same numbers.

Usage: /usr/bin/python3 compare_agreement.py AGREEMENT.json PEER.json [TOLERANCE]
AGREEMENT.json: `concord-cli agreement PROJECT --question preference --json`;
PEER.json: `peer_agreement.py PROJECT`. TOLERANCE: largest absolute difference (1e-9).
Prints one line per number; exits 1 when one differs by more.
"""
import json
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        concord = json.load(f)
    with open(sys.argv[2]) as f:
        peer = json.load(f)
    tolerance = float(sys.argv[3]) if len(sys.argv) == 4 else 1e-9
    pairs = {
        "percent": concord["coefficients"]["percent"]["value"],
        "alpha_nominal": concord["coefficients"]["alpha-nominal"]["value"],
        "alpha_ordinal": concord["coefficients"]["alpha-ordinal"]["value"],
        "opposite_share": concord["opposite_winners"]["share"],
    }
    failed = False
    for name, ours in pairs.items():
        difference = abs(ours - peer[name])
        verdict = "ok" if difference <= tolerance else "DIFFERS"
        failed = failed or verdict != "ok"
        print(f"agreement {name}: concord {ours!r} peer {peer[name]!r} |difference| {difference:.1e} {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
