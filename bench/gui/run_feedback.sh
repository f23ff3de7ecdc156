#!/usr/bin/env bash
# bench/gui, feedback data: the desktop app's real MainWindow (offscreen) on a preference project
# of N records (default 100,000; two markdown responses of about 2 KB each), Ctrl+Enter to the
# next record fully shown (median and p99 over RECORDS submissions), and a 20-turn chat of
# about 40 KB: its first paint and the frames while scrolling it; each beside the same work done
# by bare QTextBrowsers in the same process, and the peak resident memory.
#
#   bench/gui/run_feedback.sh BUILD_DIR [N=100000]   (BUILD_DIR: a build with the GUI)
#
# Environment: REPS (runs, default 3), RECORDS (submissions per run, default 1000), NO_BUILD.
# Writes bench/out/gui/ (the project is made once and copied for each run).
set -euo pipefail

build=$(cd "${1:?usage: bench/gui/run_feedback.sh BUILD_DIR [N]}" && pwd)
n=${2:-100000}
reps=${REPS:-3}
records=${RECORDS:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/gui"
mkdir -p "$out"
if [[ -z ${NO_BUILD:-} ]]; then
    cmake -DCONCORD_BUILD_BENCH=ON "$build" >/dev/null
    cmake --build "$build" --target feedback_bench >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 2; }
fi
bench="$build/bench/gui/feedback_bench"
export QT_QPA_PLATFORM=offscreen

project="$out/preference-$n.concord"
if [[ ! -f $project ]]; then
    rm -f "$project".tmp*
    "$bench" create "$project.tmp" "$n"
    mv "$project.tmp" "$project"
fi
work="$out/feedback-work.concord"
results="$out/feedback-results.txt"
: >"$results"
for rep in $(seq "$reps"); do
    rm -f "$work" "$work-wal" "$work-shm"
    cp "$project" "$work"
    "$bench" run "$work" dana "$records" 2>/dev/null | sed "s/^/run $rep /" >>"$results"
    rm -f "$out/chat.concord" "$out/chat.concord-wal" "$out/chat.concord-shm"
    "$bench" chat "$out/chat.concord" 2>/dev/null | sed "s/^/chat $rep /" >>"$results"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
value() { awk -v w="$1" -v k="$2" '$1 == w { split($3, kv, "="); if (kv[1] == k) print kv[2] }' "$results" | median; }
ratio() { echo "scale=2; $1 / $2" | bc; }
{
    echo "Feedback GUI on $n preference records ($records submissions per run), median of $reps runs"
    printf '%-58s %10s\n' "first record painted, ms from MainWindow construction" "$(value run first_record_ms_from_window)"
    printf '%-58s %10s\n' "Ctrl+Enter to next record shown, median ms" "$(value run next_record_ms_median)"
    printf '%-58s %10s\n' "Ctrl+Enter to next record shown, p99 ms" "$(value run next_record_ms_p99)"
    printf '%-58s %10s\n' "Ctrl+Enter to next record shown, max ms" "$(value run next_record_ms_max)"
    printf '%-58s %10s\n' "peer: two bare QTextBrowsers, same markdown, median ms" "$(value run peer_two_browsers_ms_median)"
    printf '%-58s %10s\n' "ratio next record / peer (medians)" \
        "$(ratio "$(value run next_record_ms_median)" "$(value run peer_two_browsers_ms_median)")"
    printf '%-58s %10s\n' "peak RSS after open, MiB" "$(( $(value run peak_rss_kb_after_open) / 1024 ))"
    printf '%-58s %10s\n' "peak RSS after the submissions, MiB" "$(( $(value run peak_rss_kb) / 1024 ))"
    printf '%-58s %10s\n' "chat of $(value chat chat_bytes) bytes: first paint, ms from construction" \
        "$(value chat chat_first_paint_ms_from_window)"
    printf '%-58s %10s\n' "  scroll frame median / p99 / max, ms" "$(value chat scroll_frame_ms_median) / $(value chat scroll_frame_ms_p99) / $(value chat scroll_frame_ms_max)"
    printf '%-58s %10s\n' "  peer: bare QTextBrowser, plain text: first paint, ms" "$(value chat peer_first_paint_ms)"
    printf '%-58s %10s\n' "  peer scroll frame median / p99, ms" "$(value chat peer_scroll_frame_ms_median) / $(value chat peer_scroll_frame_ms_p99)"
    printf '%-58s %10s\n' "  ratio scroll frame p99 / peer" \
        "$(ratio "$(value chat scroll_frame_ms_p99)" "$(value chat peer_scroll_frame_ms_p99)")"
    echo "machine: $(nproc) CPU(s), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
        "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr)"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); Qt platform: offscreen"
} | tee "$out/feedback-$n.txt"
