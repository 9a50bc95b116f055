#!/usr/bin/env python3
"""Edit-to-reload latency of `polydocs serve` (a benchmark, not a timed test).

Starts the release binary's `serve --port 0` on two sites, each a temporary copy:

  shipped  the support site of this repository (site.yaml, content/, locales/, templates/, static/);
  large    1 000 pages per language (en, fr, zh-TW) from ../shared/bench/gen_site.py --layout
           neutral, with bench/templates/ and a tiny locales/ folder (one message, shown in the
           footer of every page) so that it has a Fluent edit to measure too;
  scale    the shipped site with those pages under content/<code>/bench/: the shipped theme
           (navigation, search index, highlighting) at documentation scale.

It subscribes to the live-reload event stream (/__polydocs/events?file=...) as a browser tab on
the edited pages does, naming their files (serve renders open pages first), then for each kind
of edit saves the file EDITS times and measures, per save:

  event   from the write to the reload event that names the edited page (what makes a tab reload);
  served  from the write to the new text being served for that page (the event, then one GET,
          as the tab's reload does).

Serve publishes the edited or open pages before it has rendered the rest of the rebuild; the
next save waits until the rebuild has ended, so that each is measured from an idle server, and
the table counts the reload events for the page a save sends (1: the page is not reloaded
again when the rest is published).

Edits: one Fluent message in locales/fr/ui.ftl (re-renders the French pages), and one paragraph
appended to a French Markdown page (re-renders that page). It prints the median, fastest and
slowest of each. The times include serve's 20 ms wait for an editor's save to settle.

    python3 bench/serve_latency.py                # both sites, 10 edits each
    python3 bench/serve_latency.py --edits 20 --sites shipped
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
GEN_SITE = ROOT.parent / "shared" / "bench" / "gen_site.py"
POLYDOCS = ROOT / "target" / "release" / "polydocs"
SITE_PARTS = ["site.yaml", "content", "locales", "templates", "static"]
TARGETS_MS = {"shipped": 50, "large": 500, "scale": 500}


# ---------------------------------------------------------------------------------------------
# Sites


def shipped_site(dest: Path) -> dict:
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return {
        "ftl": ("locales/fr/ui.ftl", "footer-note", "/fr/"),
        "md": ("content/fr/hours.md", "/fr/hours/"),
    }


def large_site(dest: Path, pages: int) -> dict:
    subprocess.run(
        [sys.executable, str(GEN_SITE), "--layout", "neutral", "--pages", str(pages), "--out", str(dest)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.copytree(ROOT / "bench" / "templates", dest / "templates", dirs_exist_ok=True)
    # A footer message on every page, in each language: something for a Fluent edit to change.
    base = dest / "templates" / "base.html"
    html = base.read_text()
    assert "</main>\n" in html, "bench/templates/base.html changed: put the footer elsewhere"
    base.write_text(html.replace("</main>\n", '</main>\n<footer>{{ t(id="footer-note") }}</footer>\n', 1))
    for code, text in (("en", "Generated site."), ("fr", "Site généré."), ("zh-TW", "產生的網站。")):
        folder = dest / "locales" / code
        folder.mkdir(parents=True)
        (folder / "ui.ftl").write_text(f"footer-note = {text}\n")
    # The first French page of the first section.
    section = sorted(p for p in (dest / "content" / "fr").iterdir() if p.is_dir())[0]
    page = sorted(p for p in section.glob("*.md") if p.name != "_index.md")[0]
    rel = page.relative_to(dest).as_posix()
    url = "/fr/" + page.relative_to(dest / "content" / "fr").with_suffix("").as_posix() + "/"
    return {
        "ftl": ("locales/fr/ui.ftl", "footer-note", "/fr/"),
        "md": (rel, url),
    }


def scale_site(dest: Path, pages: int) -> dict:
    shipped_site(dest)
    generated = dest.parent / f"generated-{pages}"
    if not generated.exists():
        subprocess.run(
            [sys.executable, str(GEN_SITE), "--layout", "neutral", "--pages", str(pages), "--out", str(generated)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    for lang in (generated / "content").iterdir():
        shutil.copytree(lang, dest / "content" / lang.name / "bench")
    section = sorted(p for p in (dest / "content" / "fr" / "bench").iterdir() if p.is_dir())[0]
    page = sorted(p for p in section.glob("*.md") if p.name != "_index.md")[0]
    rel = page.relative_to(dest).as_posix()
    url = "/fr/" + page.relative_to(dest / "content" / "fr").with_suffix("").as_posix() + "/"
    return {
        "ftl": ("locales/fr/ui.ftl", "footer-note", url),
        "md": (rel, url),
    }


# ---------------------------------------------------------------------------------------------
# Talking to serve


class Serve:
    def __init__(self, root: Path, files: list[str], args: tuple[str, ...] = ()):
        self.files = files
        self.proc = subprocess.Popen(
            [str(POLYDOCS), "--root", str(root), "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, NO_COLOR="1"),
        )
        self.lines: list[str] = []
        self.addr = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line.rstrip())
            match = re.match(r"Serving http://([^/]+)/", line)
            if match:
                self.addr = match.group(1)
                break
        if not self.addr:
            self.stop()
            sys.exit("serve did not start:\n" + "\n".join(self.lines) + self.proc.stderr.read())
        # Keep reading so that the pipes never fill; the build lines are kept for the report.
        threading.Thread(target=self._drain, args=(self.proc.stdout, self.lines), daemon=True).start()
        self.errors: list[str] = []
        threading.Thread(target=self._drain, args=(self.proc.stderr, self.errors), daemon=True).start()
        self.events: queue.Queue = queue.Queue()
        threading.Thread(target=self._listen, daemon=True).start()
        first = self.events.get(timeout=10)
        assert first[1]["errors"] == [], first

    @staticmethod
    def _drain(pipe, into: list[str]) -> None:
        for line in pipe:
            into.append(line.rstrip())

    def _listen(self) -> None:
        host, port = self.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)))
        query = "&".join("file=" + quote(f, safe="") for f in self.files)
        sock.sendall(
            f"GET /__polydocs/events?{query} HTTP/1.1\r\nHost: {self.addr}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        stream = sock.makefile("rb")
        for raw in stream:
            if raw.startswith(b"data: "):
                self.events.put((time.perf_counter(), json.loads(raw[6:])))

    def builds(self) -> int:
        """Rebuilds finished so far (serve prints a line for each)."""
        return sum(" saved: " in line for line in list(self.lines))

    def get(self, path: str) -> str:
        host, port = self.addr.rsplit(":", 1)
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {self.addr}\r\nConnection: close\r\n\r\n".encode())
            chunks = []
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", "replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def measure(serve: Serve, root: Path, path: str, url: str, page_file: str, edit) -> tuple[float, float, int]:
    """Saves one edit; returns (ms to the reload event naming the page, ms to the new text served,
    reload events for the page until the rebuild ended)."""
    while not serve.events.empty():
        serve.events.get_nowait()
    builds = serve.builds()
    target = root / path
    text, marker = edit(target.read_text())
    start = time.perf_counter()
    target.write_text(text)
    deadline = start + 10
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            sys.exit(f"no reload event within 10 s after editing {path}\n" + "\n".join(serve.errors[-20:]))
        at, state = serve.events.get(timeout=left)
        if state["errors"]:
            sys.exit(f"the edit of {path} broke the build: {state['errors'][0]['summary']}")
        changed = state["changed"]
        if changed is None or page_file in changed:
            break
    event_ms = (at - start) * 1000
    while marker not in serve.get(url):
        if time.perf_counter() > deadline:
            sys.exit(f"{url} does not show the edit of {path}")
        time.sleep(0.001)
    served_ms = (time.perf_counter() - start) * 1000
    # The page reloads before the rest of a language is rendered: the next save waits for the
    # whole rebuild to end, so that each one is measured from an idle server.
    while serve.builds() == builds:
        if time.perf_counter() > start + 120:
            sys.exit(f"the rebuild after editing {path} did not end")
        time.sleep(0.01)
    # Later events that would reload the page again (the page is rendered once a save).
    time.sleep(0.05)
    again = 0
    while not serve.events.empty():
        _, state = serve.events.get_nowait()
        again += state["changed"] is None or page_file in state["changed"]
    return event_ms, served_ms, 1 + again


def page_file(url: str) -> str:
    return url.lstrip("/") + "index.html"


def bench_site(name: str, root: Path, plan: dict, edits: int) -> list[tuple]:
    # The pages whose reload is measured are open, as in a browser tab.
    serve = Serve(root, sorted({page_file(plan["ftl"][2]), page_file(plan["md"][1])}))
    rows = []
    try:
        ftl_path, message, ftl_url = plan["ftl"]
        md_path, md_url = plan["md"]

        def ftl_edit(i: int):
            def edit(text: str):
                marker = f"Édition {i} du message."
                return re.sub(rf"^{message} = .*$", f"{message} = {marker}", text, count=1, flags=re.M), marker

            return edit

        def md_edit(i: int):
            def edit(text: str):
                marker = f"Paragraphe ajouté numéro {i}."
                return text + f"\n{marker}\n", marker

            return edit

        for kind, path, url, make in (
            ("Fluent message (fr)", ftl_path, ftl_url, ftl_edit),
            ("Markdown page (fr)", md_path, md_url, md_edit),
        ):
            file = page_file(url)
            # One edit first, not counted: the first rebuild after the full build warms caches.
            measure(serve, root, path, url, file, make(-1))
            time.sleep(0.2)
            samples = []
            for i in range(edits):
                samples.append(measure(serve, root, path, url, file, make(i)))
                time.sleep(0.2)
            rows.append((name, kind, samples))
        build_lines = [line for line in serve.lines if line.startswith("Built ")]
        rebuild = [line for line in serve.lines if " saved: " in line]
        print(f"{name}: {build_lines[0] if build_lines else '?'}")
        for line in rebuild[:1] + rebuild[edits + 1 : edits + 2]:
            print(f"  e.g. {line}")
    finally:
        serve.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=10, help="edits of each kind (default 10)")
    parser.add_argument("--pages", type=int, default=1000, help="pages per language of the large site")
    parser.add_argument("--sites", nargs="+", choices=["shipped", "large", "scale"], default=["shipped", "large"])
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    rows = []
    with tempfile.TemporaryDirectory(prefix="polydocs-serve-bench-") as tmp:
        for name in args.sites:
            root = Path(tmp) / name
            if name == "shipped":
                root.mkdir()
                plan = shipped_site(root)
            elif name == "scale":
                root.mkdir()
                plan = scale_site(root, args.pages)
            else:
                plan = large_site(root, args.pages)
            rows.extend(bench_site(name, root, plan, args.edits))

    print(f"\npolydocs serve (release), {os.cpu_count()} cores; {args.edits} edits each, times from the save")
    print("| site | edit | reload event: median (min–max) | new text served: median (min–max) | reloads a save | target |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, kind, samples in rows:
        events = [e for e, _, _ in samples]
        served = [s for _, s, _ in samples]
        reloads = max(r for _, _, r in samples)
        label = {
            "shipped": "shipped site",
            "large": f"generated, {args.pages} pages/language, bench/templates",
            "scale": f"shipped theme + {args.pages} generated pages/language",
        }[name]
        print(
            f"| {label} | {kind} | {statistics.median(events):.0f} ms ({min(events):.0f}–{max(events):.0f}) "
            f"| {statistics.median(served):.0f} ms ({min(served):.0f}–{max(served):.0f}) "
            f"| {reloads} | < {TARGETS_MS[name]} ms |"
        )


if __name__ == "__main__":
    main()
