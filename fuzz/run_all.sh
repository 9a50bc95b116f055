#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS seconds each (default 180), one job, and prints a
# table of executions, corpus size and findings per target. Run from the repository root:
#   bash fuzz/run_all.sh [SECONDS] [TARGET...]
# Corpora grow under fuzz/work/<target>/ (ignored by git); crashes go to fuzz/artifacts/<target>/.
# Findings are crashes, leaks, timeouts (-timeout) and running out of memory. libFuzzer also
# writes `slow-unit-*` files for inputs slower than 10 s: on a busy or suspended machine these
# are the machine's, so they are listed apart (replay one with the target binary to time it).
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
printf '%-14s %12s %8s %8s %9s %6s\n' target executions seconds corpus findings slow
findings() { (find "fuzz/artifacts/$1" -type f -not -name 'slow-unit-*' 2>/dev/null || true) | wc -l; }
slow() { (find "fuzz/artifacts/$1" -type f -name 'slow-unit-*' 2>/dev/null || true) | wc -l; }
for t in "${targets[@]}"; do
    mkdir -p "fuzz/work/$t"
    extra=()
    case $t in fluent*) extra=(-max_len=4096) ;; highlight) extra=(-max_len=8192) ;; esac
    before=$(findings "$t")
    slow_before=$(slow "$t")
    cargo fuzz run -O "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${extra[@]}" \
        >"$logs/$t.log" 2>&1 || true
    after=$(findings "$t")
    slow_after=$(slow "$t")
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -n 1)
    took=$(sed -n 's/.*Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$logs/$t.log" | tail -n 1)
    corpus=$(ls "fuzz/work/$t" | wc -l)
    printf '%-14s %12s %8s %8s %9s %6s\n' "$t" "${execs:-?}" "${took:-?}" "$corpus" \
        $((after - before)) $((slow_after - slow_before))
    rm -rf /dev/shm/polydocs-fuzz-"$t"-* 2>/dev/null || true
done
