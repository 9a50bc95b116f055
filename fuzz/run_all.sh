#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS seconds each (default 180), one job, and prints a
# table of executions, corpus size and findings per target. Run from the repository root:
#   bash fuzz/run_all.sh [SECONDS] [TARGET...]
# Corpora grow under fuzz/work/<target>/ (ignored by git); crashes go to fuzz/artifacts/<target>/.
set -euo pipefail
seconds=${1:-180}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(site_config plan_yaml plan_load page fluent fluent_check markdown highlight)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O >/dev/null
logs=fuzz/work/logs
mkdir -p "$logs"
printf '%-14s %12s %8s %8s %9s\n' target executions seconds corpus findings
for t in "${targets[@]}"; do
    mkdir -p "fuzz/work/$t"
    extra=()
    case $t in fluent*) extra=(-max_len=4096) ;; highlight) extra=(-max_len=8192) ;; esac
    before=$( (find "fuzz/artifacts/$t" -type f 2>/dev/null || true) | wc -l)
    cargo fuzz run -O "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${extra[@]}" \
        >"$logs/$t.log" 2>&1 || true
    after=$( (find "fuzz/artifacts/$t" -type f 2>/dev/null || true) | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -n 1)
    took=$(sed -n 's/.*Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$logs/$t.log" | tail -n 1)
    corpus=$(ls "fuzz/work/$t" | wc -l)
    printf '%-14s %12s %8s %8s %9s\n' "$t" "${execs:-?}" "${took:-?}" "$corpus" $((after - before))
    rm -rf /dev/shm/polydocs-fuzz-"$t"-* 2>/dev/null || true
done
