#!/usr/bin/env python3
"""polydocs against Hugo on the same synthetic multilingual documentation site.

For each N (pages per language, in en, fr and zh-TW) this generates the site with
../shared/bench/gen_site.py in polydocs' layout (with bench/templates/, which do the same work as
the Hugo layouts) and in Hugo's, then builds each RUNS times, alternating the two tools run by
run, cold each time (a fresh output folder and a fresh Hugo cache per run; outputs are deleted
only after all runs). It prints the median wall time, the peak resident memory (from
/usr/bin/time -v) and the ratios.

    python3 bench/compare.py                 # N = 1000 and 5000, 5 runs each
    python3 bench/compare.py --pages 1000 --runs 3

It builds polydocs in release mode and installs Debian's `hugo` and `time` packages if missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN_SITE = ROOT.parent / "shared" / "bench" / "gen_site.py"
POLYDOCS = ROOT / "target" / "release" / "polydocs"


def ensure_tools() -> None:
    missing = [pkg for cmd, pkg in (("hugo", "hugo"), ("/usr/bin/time", "time")) if not shutil.which(cmd)]
    if missing:
        print(f"installing {' '.join(missing)} from Debian's packages...", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)


def measure(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Runs a command under /usr/bin/time -v; returns (wall seconds, peak RSS MiB)."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", *cmd], cwd=cwd, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if not wall or not rss:
        sys.exit(f"could not read /usr/bin/time output:\n{result.stderr}")
    hours, minutes, seconds = wall.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return total, int(rss.group(1)) / 1024


def generate(layout: str, pages: int, out: Path) -> None:
    subprocess.run(
        [sys.executable, str(GEN_SITE), "--layout", layout, "--pages", str(pages), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def bench(pages: int, runs: int, work: Path) -> dict:
    neutral, hugo = work / f"neutral-{pages}", work / f"hugo-{pages}"
    generate("neutral", pages, neutral)
    shutil.copytree(ROOT / "bench" / "templates", neutral / "templates", dirs_exist_ok=True)
    generate("hugo", pages, hugo)
    outputs = work / f"out-{pages}"
    outputs.mkdir()
    times: dict[str, list[tuple[float, float]]] = {"polydocs": [], "hugo": []}
    for run in range(runs):
        order = ["polydocs", "hugo"] if run % 2 == 0 else ["hugo", "polydocs"]
        for tool in order:
            out = outputs / f"{tool}-{run}"
            if tool == "polydocs":
                cmd = [str(POLYDOCS), "--root", str(neutral), "build", "--output", str(out)]
                times[tool].append(measure(cmd, neutral))
            else:
                cache = outputs / f"hugo-cache-{run}"
                cmd = ["hugo", "--quiet", "--destination", str(out), "--cacheDir", str(cache)]
                times[tool].append(measure(cmd, hugo))
    html = {"polydocs": count_html(outputs / "polydocs-0"), "hugo": count_html(outputs / "hugo-0")}
    shutil.rmtree(outputs)
    return {"times": times, "html": html}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_tools()
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    print(f"polydocs (release) vs {version}; {os.cpu_count()} cores; median of {args.runs} cold runs\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="polydocs-bench-") as tmp:
        for pages in args.pages:
            result = bench(pages, args.runs, Path(tmp))
            p_wall = statistics.median(t for t, _ in result["times"]["polydocs"])
            h_wall = statistics.median(t for t, _ in result["times"]["hugo"])
            p_rss = max(m for _, m in result["times"]["polydocs"])
            h_rss = max(m for _, m in result["times"]["hugo"])
            rows.append((pages, result["html"], p_wall, h_wall, p_rss, h_rss))
    print("| pages/lang | HTML files (polydocs / Hugo) | polydocs wall | Hugo wall | speed-up | polydocs peak RSS | Hugo peak RSS | memory ratio |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pages, html, p_wall, h_wall, p_rss, h_rss in rows:
        print(
            f"| {pages} | {html['polydocs']} / {html['hugo']} | {p_wall:.2f} s | {h_wall:.2f} s | "
            f"{h_wall / p_wall:.1f}x | {p_rss:.0f} MiB | {h_rss:.0f} MiB | {h_rss / p_rss:.1f}x |"
        )


if __name__ == "__main__":
    main()
