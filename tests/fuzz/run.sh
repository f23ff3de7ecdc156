#!/usr/bin/env bash
# Runs each fuzzer (the readers; an import's records with small limits; Label Studio's JSON;
# the sync protocol's frames and messages) for a given time on a copy of its seed corpus (in a
# temporary directory, so the corpus in the repository stays as committed). Exits non-zero if any
# fuzzer finds a crash, a hang or a broken invariant; its log and input are kept.
#
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS
#   BUILD_DIR was configured with CC=clang CXX=clang++ -DCONCORD_FUZZ=ON and built with
#   --target fuzzers.
set -euo pipefail

usage="usage: $0 BUILD_DIR SECONDS"
build=${1:?$usage}
seconds=${2:?$usage}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/concord-fuzz.XXXXXX")

failed=0
# Each target: its binary, its corpus and dictionary (tests/fuzz/NAME.dict, corpus/NAME).
for target in jsonl_reader:jsonl csv_reader:csv record_import:record labelstudio_reader:labelstudio \
    frame_decoder:frame message_parser:message record_schema:record_schema record_content:record_content \
    argilla_import:argilla_import; do
    name=${target#*:}
    fuzzer=fuzz_${target%%:*}
    binary="$build/tests/fuzz/$fuzzer"
    if [[ ! -x $binary ]]; then
        echo "missing $binary: build it first (see the usage at the top of $0)" >&2
        exit 2
    fi
    dir="$work/$name"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -R "$here/corpus/$name/." "$dir/corpus/"
    # One fuzzer at a time, one job each: the machines this runs on are small and shared.
    if "$binary" "$dir/corpus" -dict="$here/$name.dict" -max_total_time="$seconds" -timeout=10 \
        -artifact_prefix="$dir/artifacts/" -print_final_stats=1 >"$dir/log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
        echo "$fuzzer: ok, ${runs:-?} runs in ${seconds}s"
    else
        echo "$fuzzer: FAILED; log and inputs in $dir" >&2
        tail -n 30 "$dir/log" >&2
        failed=1
    fi
done

if [[ $failed -eq 0 ]]; then
    rm -rf "$work"
fi
exit "$failed"
