#!/usr/bin/env python3
"""What code highlighting and the search index cost a build, and what the index weighs.

Builds the synthetic site of ../shared/bench/gen_site.py (with bench/templates/, or with
`--theme shipped` inside this repository's site as bench/scale.py does) four ways, in
turn, fresh output each run: as it is; with `search: false`; with its fenced blocks renamed to a
language without a grammar (so nothing is highlighted); and with neither. Then it reports the
median wall time of each, what search adds (the median of each round's ratio, as the four
builds of a round run within seconds of one another), the cost of highlighting per 1 000
code blocks, the index of each
language (files, bytes, gzip bytes, largest shard) and the largest download of a first query
(meta.json + the largest shard + the ten largest bundles of page texts). With `--pagefind BIN` it also
indexes the same HTML with Pagefind and reports its size and time, for comparison.

    cargo build --release
    python3 bench/search_highlight.py --pages 1000 --runs 5 --work /dev/shm/pd-bench
    python3 bench/search_highlight.py --pages 1000 --pagefind /path/to/pagefind_extended
    python3 bench/search_highlight.py --pages 2000 --theme shipped
"""

import argparse
import gzip
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN_SITE = ROOT.parent / "shared" / "bench" / "gen_site.py"
POLYDOCS = ROOT / "target" / "release" / "polydocs"
SITE_PARTS = ["site.yaml", "content", "locales", "templates", "static"]
FENCE = re.compile(r"^```(bash|json|yaml|sh|rust|toml|python|js|html|css|sql)$", re.M)


def generate(pages: int, folder: Path) -> None:
    subprocess.run(
        [sys.executable, str(GEN_SITE), "--layout", "neutral", "--pages", str(pages), "--out", str(folder)],
        check=True, stdout=subprocess.DEVNULL,
    )


def make_site(pages: int, folder: Path, search: bool, highlight: bool, theme: str) -> int:
    """Writes one variant; returns its number of fenced blocks with a grammar."""
    if not folder.exists() and theme == "bench":
        generate(pages, folder)
        shutil.copytree(ROOT / "bench" / "templates", folder / "templates", dirs_exist_ok=True)
    elif not folder.exists():
        # This repository's site with the synthetic pages under content/<code>/bench/, as
        # bench/scale.py makes it.
        generated = folder.parent / f"generated-{pages}"
        if not generated.exists():
            generate(pages, generated)
        for part in SITE_PARTS:
            if (ROOT / part).is_dir():
                shutil.copytree(ROOT / part, folder / part)
            else:
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / part, folder / part)
        for lang in (generated / "content").iterdir():
            shutil.copytree(lang, folder / "content" / lang.name / "bench")
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


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(folder: Path, output: Path) -> tuple[float, float]:
    """One build into a fresh folder: (wall seconds, CPU seconds)."""
    shutil.rmtree(output, ignore_errors=True)
    started, cpu_before = time.perf_counter(), cpu()
    run = subprocess.run([str(POLYDOCS), "--root", str(folder), "build", "--output", str(output)],
                         capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stdout}\n{run.stderr}")
    return elapsed, cpu() - cpu_before


def index_report(output: Path) -> None:
    print("| language | files | bytes on disk (gzip) | JSON bytes | largest shard | largest first query |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for search in sorted(output.glob("*/search")):
        files = [f for f in search.rglob("*") if f.is_file()]
        sizes = {f: f.stat().st_size for f in files}
        plain = sum(len(gzip.decompress(f.read_bytes())) if f.suffix == ".gz" else sizes[f] for f in files)
        shards = [s for f, s in sizes.items() if f.parent.name == "t"]
        texts = sorted((s for f, s in sizes.items() if f.parent.name == "p"), reverse=True)
        first = sizes[search / "meta.json"] + max(shards) + sum(texts[:10])
        print(f"| {search.parent.name} | {len(files)} | {sum(sizes.values()):,} | {plain:,} | "
              f"{max(shards):,} | {first:,} |")


def pagefind_report(binary: str, output: Path) -> None:
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    started, cpu_before = time.perf_counter(), cpu()
    run = subprocess.run([binary, "--site", str(output)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        print(f"pagefind failed:\n{run.stdout}\n{run.stderr}")
        return
    folder = output / "pagefind"
    files = [f for f in folder.rglob("*") if f.is_file()]
    total = sum(f.stat().st_size for f in files)
    print(f"\nPagefind: {elapsed:.2f} s wall, {cpu() - cpu_before:.2f} s CPU, {len(files)} files, {total:,} bytes")
    print("| language | index | fragments | meta | all |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for lang in sorted({f.name.split("_")[0].removeprefix("pagefind.") for f in files if "_" in f.name and f.suffix.startswith(".pf_")}):
        part = {kind: sum(f.stat().st_size for f in files if f.suffix == kind
                          and f.name.removeprefix("pagefind.").startswith(lang + "_"))
                for kind in (".pf_index", ".pf_fragment", ".pf_meta")}
        print(f"| {lang} | {part['.pf_index']:,} | {part['.pf_fragment']:,} | {part['.pf_meta']:,} | "
              f"{sum(part.values()):,} |")
    shared = sum(f.stat().st_size for f in files if not f.suffix.startswith(".pf_"))
    print(f"shared files (wasm, scripts, UI): {shared:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/polydocs-search-bench"))
    parser.add_argument("--pagefind", help="a Pagefind binary, to index the same HTML")
    parser.add_argument("--theme", choices=["bench", "shipped"], default="bench",
                        help="the pages alone with bench/templates, or inside this repository's site")
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
        folder = args.work / f"site-{args.theme}-{args.pages}-{int(search)}{int(highlight)}"
        blocks = make_site(args.pages, folder, search, highlight, args.theme) or blocks
        sites[name] = folder
    times = {name: [] for name in variants}
    for run in range(args.runs):
        names = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in names:
            times[name].append(build(sites[name], args.work / f"out-{name.replace(' ', '')}"))
    median = {name: statistics.median(w for w, _ in t) for name, t in times.items()}
    median_cpu = {name: statistics.median(c for _, c in t) for name, t in times.items()}
    theme = "bench/templates" if args.theme == "bench" else "the shipped theme"
    print(f"{args.pages} pages per language in {theme}, {blocks} fenced blocks with a grammar; "
          f"median of {args.runs}\n")
    print("| variant | wall | CPU |")
    print("| --- | ---: | ---: |")
    for name, t in median.items():
        print(f"| {name} | {t:.3f} s | {median_cpu[name]:.3f} s |")
    # The search cost is the median of each round's ratio: the four builds of a round run
    # within seconds of one another, while this machine's speed drifts from minute to minute.
    def cost(with_search: str, without: str, part: int) -> float:
        return statistics.median(a[part] / b[part] for a, b in zip(times[with_search], times[without])) - 1

    for part, (what, m) in enumerate((("wall", median), ("CPU", median_cpu))):
        search_cost = cost("search + highlight", "highlight only", part)
        search_alone = cost("search only", "neither", part)
        highlight_ms = (m["highlight only"] - m["neither"]) * 1000
        print(f"\n{what}: search adds {search_cost:.0%} to the build ({search_alone:.0%} without highlighting); "
              f"highlighting adds {highlight_ms:.0f} ms, {highlight_ms / blocks * 1000:.0f} ms per 1 000 blocks")
    print()
    output = args.work / "out-search+highlight"
    index_report(output)
    if args.pagefind:
        pagefind_report(args.pagefind, output)


if __name__ == "__main__":
    main()
