#!/usr/bin/env bash
# bench/gui: the desktop app's real MainWindow (offscreen) on a project of N samples (default
# 1,000,000): time to the first sample shown, label-and-advance (median and p99 over LABELS
# key presses), peak resident memory; beside the same steps done by the sqlite3 shell and
# concord-cli in the same run.
#
#   bench/gui/run.sh BUILD_DIR [N=1000000]     (BUILD_DIR: a Release build with the GUI)
#
# Environment: REPS (runs per scenario, default 3), LABELS (default 1000), NO_BUILD. Needs python3, bc,
# sqlite3, the Qt offscreen platform. Writes bench/out/gui/ (the project is made once and
# copied for each run, so every run starts from the same file).
set -euo pipefail

build=$(cd "${1:?usage: bench/gui/run.sh BUILD_DIR [N]}" && pwd)
n=${2:-1000000}
reps=${REPS:-3}
labels=${LABELS:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/gui"
mkdir -p "$out"

# The driver links concord_gui, so CMake builds it (an option off by default).
# NO_BUILD=1 uses the gui_bench already in BUILD_DIR.
if [[ -z ${NO_BUILD:-} ]]; then
    cmake -DCONCORD_BUILD_BENCH=ON "$build" >/dev/null
    cmake --build "$build" --target gui_bench >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 2; }
fi
bench="$build/bench/gui/gui_bench"
cli="$build/app/concord-cli"
export QT_QPA_PLATFORM=offscreen

# The project (not timed): N generated samples, a three-label schema; alice has labeled every
# sample, bob every second one, carol the first half (she resumes in the middle).
data="$root/bench/out/samples-$n.jsonl"
[[ -f $data ]] || python3 "$root/bench/import/generate.py" "$n" "$data"
project="$out/gui-$n.concord"
if [[ ! -f $project ]]; then
    rm -f "$project".tmp*
    "$bench" create "$project.tmp" "$data" # what concord-cli init and import do
    "$bench" seed "$project.tmp" alice "$n"
    "$bench" seed "$project.tmp" bob "$n" 2
    "$bench" seed "$project.tmp" carol $((n / 2))
    sqlite3 "$project.tmp" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    mv "$project.tmp" "$project"
fi
work="$out/work.concord"
fresh_copy() {
    rm -f "$work" "$work-wal" "$work-shm"
    cp "$project" "$work"
    cat "$work" >/dev/null # every side reads it from the page cache
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now_ns() { date +%s%N; }

results="$out/results.txt"
: >"$results"
# One GUI run: ANNOTATOR. Appends its key=value lines, prefixed with the scenario and run.
gui_run() {
    local who=$1 rep=$2
    fresh_copy
    BENCH_T0_NS=$(now_ns) "$bench" run "$work" "$who" "$labels" >"$out/run-$who-$rep.txt" 2>"$out/run-$who-$rep.err" ||
        { cat "$out/run-$who-$rep.err" >&2; exit 1; }
    sed "s/^/$who $rep /" "$out/run-$who-$rep.txt" >>"$results"
}
for rep in $(seq "$reps"); do
    gui_run dana "$rep"  # a new annotator: the first sample
    gui_run carol "$rep" # resumes at the middle of the project
done
# The samples table's rows (the Samples screen's worker), on the same file.
for rep in $(seq "$reps"); do
    fresh_copy
    "$bench" overview "$work" | sed "s/^/overview $rep /" >>"$results"
done
value() { awk -v w="$1" -v k="$2" '$1 == w { split($3, kv, "="); if (kv[1] == k) print kv[2] }' "$results" | median; }

# Peers on the same file, whole processes: the sqlite3 shell opening it and printing the first
# sample a new annotator gets, and carol's next unlabeled sample (NOT EXISTS per sample, the
# query the GUI used before its walk over her index); and concord-cli labeling one sample
# (process start, open, validate, write) per invocation, when BUILD_DIR has it.
fresh_copy
sqlite_first() {
    local sql=$1 start end
    start=$(now_ns)
    sqlite3 "$work" "$sql" >/dev/null
    end=$(now_ns)
    echo "scale=1; ($end - $start) / 1000000" | bc
}
first_sql="SELECT pk, id, text FROM samples WHERE pk > 0 ORDER BY pk LIMIT 1;"
resume_sql="SELECT s.pk, s.id, s.text FROM samples s WHERE s.pk > 0 AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sample = s.pk AND a.annotator = 'carol') ORDER BY s.pk LIMIT 1;"
sq_first=$(for _ in $(seq 5); do sqlite_first "$first_sql"; done | median)
sq_resume=$(for _ in $(seq 5); do sqlite_first "$resume_sql"; done | median)
# The peer needs concord-cli in BUILD_DIR (it is not built for this bench); without it, "-".
cli_label="-"
[[ -x $cli ]] && cli_times=$(for i in $(seq 20); do
    start=$(now_ns)
    "$cli" label "$work" "$(printf 's%07d' "$i")" --label positive --annotator erin >/dev/null
    end=$(now_ns)
    echo "scale=2; ($end - $start) / 1000000" | bc
done) && cli_label=$(echo "$cli_times" | median)

gui_first=$(value dana first_sample_ms_from_exec)
gui_resume=$(value carol first_sample_ms_from_exec)
gui_label=$(value dana label_advance_ms_median)
{
    echo "GUI on $n samples ($(value dana labels) label-and-advance per run), median of $reps runs"
    printf '%-52s %10s %10s\n' "" "new (dana)" "resume (carol)"
    printf '%-52s %10s %10s\n' "first sample painted, ms from exec" "$gui_first" "$gui_resume"
    printf '%-52s %10s %10s\n' "  of which from MainWindow construction, ms" "$(value dana first_sample_ms_from_window)" \
        "$(value carol first_sample_ms_from_window)"
    printf '%-52s %10s %10s\n' "label-and-advance median, ms" "$gui_label" "$(value carol label_advance_ms_median)"
    printf '%-52s %10s %10s\n' "label-and-advance p99, ms" "$(value dana label_advance_ms_p99)" \
        "$(value carol label_advance_ms_p99)"
    printf '%-52s %10s %10s\n' "label-and-advance max, ms" "$(value dana label_advance_ms_max)" \
        "$(value carol label_advance_ms_max)"
    printf '%-52s %10s %10s\n' "peak RSS, MiB" "$(( $(value dana peak_rss_kb) / 1024 ))" \
        "$(( $(value carol peak_rss_kb) / 1024 ))"
    printf '%-52s %10s %10s\n' "sqlite3 shell: open + first row, ms (median of 5)" "$sq_first" "$sq_resume"
    printf '%-52s %10s %10s\n' "ratio GUI first sample / sqlite3 first row" \
        "$(echo "scale=1; $gui_first / $sq_first" | bc)" "$(echo "scale=1; $gui_resume / $sq_resume" | bc)"
    printf '%-52s %10s\n' "samples table rows (worker), ms" "$(value overview overview_ms)"
    printf '%-52s %10s\n' "  its peak RSS, MiB" "$(( $(value overview peak_rss_kb) / 1024 ))"
    printf '%-52s %10s\n' "concord-cli label, one process per label, ms (median of 20)" "$cli_label"
    [[ $cli_label == - ]] || printf '%-52s %10s\n' "ratio GUI label-and-advance / concord-cli label" \
        "$(echo "scale=3; $gui_label / $cli_label" | bc)"
    echo "machine: $(nproc) CPU(s), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
        "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr)"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); Qt platform: offscreen"
} | tee "$out/gui-$n.txt"
