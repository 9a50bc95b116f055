#!/usr/bin/env python3
"""What code highlighting and the search index cost a build, and what the index weighs.

Builds the synthetic site of ../shared/bench/gen_site.py (with bench/templates/) four ways, in
turn, fresh output each run: as it is; with `search: false`; with its fenced blocks renamed to a
language without a grammar (so nothing is highlighted); and with neither. Then it reports the
median wall time of each, the cost of highlighting per 1 000 code blocks, the index of each
language (files, bytes, gzip bytes, largest shard) and the largest download of a first query
(meta.json + the largest shard + the ten largest page texts). With `--pagefind BIN` it also
indexes the same HTML with Pagefind and reports its size and time, for comparison.

    cargo build --release
    python3 bench/search_highlight.py --pages 1000 --runs 5 --work /dev/shm/pd-bench
    python3 bench/search_highlight.py --pages 1000 --pagefind /path/to/pagefind_extended
"""

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN_SITE = ROOT.parent / "shared" / "bench" / "gen_site.py"
POLYDOCS = ROOT / "target" / "release" / "polydocs"
FENCE = re.compile(r"^```(bash|json|yaml|sh|rust|toml|python|js|html|css|sql)$", re.M)


def make_site(pages: int, folder: Path, search: bool, highlight: bool) -> int:
    """Writes one variant; returns its number of fenced blocks with a grammar."""
    if not folder.exists():
        subprocess.run(
            [sys.executable, str(GEN_SITE), "--layout", "neutral", "--pages", str(pages), "--out", str(folder)],
            check=True, stdout=subprocess.DEVNULL,
        )
        shutil.copytree(ROOT / "bench" / "templates", folder / "templates", dirs_exist_ok=True)
    config = folder / "site.yaml"
    text = re.sub(r"\nsearch: \w+\n", "\n", config.read_text())
    if not search:
        text += "search: false\n"
    config.write_text(text)
    blocks = 0
    for md in (folder / "content").rglob("*.md"):
        body = md.read_text()
        blocks += len(FENCE.findall(body))
        if not highlight:
            new = FENCE.sub(lambda m: f"```plain-{m.group(1)}", body)
            if new != body:
                md.write_text(new)
    return blocks


def build(folder: Path, output: Path) -> float:
    shutil.rmtree(output, ignore_errors=True)
    started = time.perf_counter()
    run = subprocess.run([str(POLYDOCS), "--root", str(folder), "build", "--output", str(output)],
                         capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stdout}\n{run.stderr}")
    return elapsed


def index_report(output: Path) -> None:
    print("| language | files | bytes | gzip bytes | largest shard | largest first query |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for search in sorted(output.glob("*/search")):
        files = [f for f in search.rglob("*.json")]
        sizes = {f: f.stat().st_size for f in files}
        gz = sum(len(gzip.compress(f.read_bytes())) for f in files)
        shards = [s for f, s in sizes.items() if f.parent.name == "t"]
        texts = sorted((s for f, s in sizes.items() if f.parent.name == "p"), reverse=True)
        first = sizes[search / "meta.json"] + max(shards) + sum(texts[:10])
        print(f"| {search.parent.name} | {len(files)} | {sum(sizes.values()):,} | {gz:,} | "
              f"{max(shards):,} | {first:,} |")


def pagefind_report(binary: str, output: Path) -> None:
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    run = subprocess.run([binary, "--site", str(output)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        print(f"pagefind failed:\n{run.stdout}\n{run.stderr}")
        return
    folder = output / "pagefind"
    files = [f for f in folder.rglob("*") if f.is_file()]
    total = sum(f.stat().st_size for f in files)
    print(f"\nPagefind: {elapsed:.2f} s, {len(files)} files, {total:,} bytes (files are gzip)")
    for prefix in ["pf_index", "pf_fragment", "pf_meta", "wasm", "pagefind"]:
        part = [f for f in files if f.name.startswith(prefix)]
        print(f"  {prefix}: {len(part)} files, {sum(f.stat().st_size for f in part):,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/polydocs-search-bench"))
    parser.add_argument("--pagefind", help="a Pagefind binary, to index the same HTML")
    args = parser.parse_args()
    if not POLYDOCS.exists():
        sys.exit("build polydocs first: cargo build --release")
    args.work.mkdir(parents=True, exist_ok=True)
    variants = {
        "search + highlight": (True, True),
        "highlight only": (False, True),
        "search only": (True, False),
        "neither": (False, False),
    }
    sites = {}
    blocks = 0
    for name, (search, highlight) in variants.items():
        folder = args.work / f"site-{args.pages}-{int(search)}{int(highlight)}"
        blocks = make_site(args.pages, folder, search, highlight) or blocks
        sites[name] = folder
    times = {name: [] for name in variants}
    for run in range(args.runs):
        names = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in names:
            times[name].append(build(sites[name], args.work / f"out-{name.replace(' ', '')}"))
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"{args.pages} pages per language, {blocks} fenced blocks with a grammar; median of {args.runs}\n")
    print("| variant | wall |")
    print("| --- | ---: |")
    for name, t in median.items():
        print(f"| {name} | {t:.3f} s |")
    search_cost = median["search + highlight"] / median["highlight only"] - 1
    highlight_ms = (median["highlight only"] - median["neither"]) * 1000
    print(f"\nsearch adds {search_cost:.0%} to the build; highlighting {highlight_ms:.0f} ms "
          f"({highlight_ms / blocks * 1000:.0f} ms per 1 000 blocks, wall, all cores)\n")
    output = args.work / "out-search+highlight"
    index_report(output)
    if args.pagefind:
        pagefind_report(args.pagefind, output)


if __name__ == "__main__":
    main()
