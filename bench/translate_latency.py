#!/usr/bin/env python3
"""Translate mode's latency (`polydocs serve --translate fr`): a benchmark, not a timed test.

On the shipped site with N generated pages per language under content/<code>/bench/ (the
shipped theme at documentation scale, as bench/serve_latency.py's `scale` site), it measures,
EDITS times each, with the release binary:

  open page     GET /__polydocs/translate/page?path=... for a generated French page: what the
                script asks when a page loads (the states of its messages and blocks);
  open message  GET /__polydocs/translate/message?id=footer-note: what the panel asks when a
                message is picked (its source, translation, comment, diff, glossary);
  check         POST /__polydocs/translate/check of a message (run while the translator types);
  save          POST /__polydocs/translate/save of that message (checked, then written);
  reload        from the save's answer to the reload event naming the page (what makes its tab
                reload), and to the new text being served (the event, then one GET).

It prints the median, fastest and slowest of each, in milliseconds.

    cargo build --release
    python3 bench/translate_latency.py --pages 2000 --edits 10
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve_latency as sl  # noqa: E402


class Translating(sl.Serve):
    """`serve --translate fr`, answering the requests of its panel."""

    def __init__(self, root: Path, files: list[str]):
        super().__init__(root, files, ("--translate", "fr"))

    def request(self, method: str, path: str, body: str = "", token: str = "") -> tuple[int, str]:
        host, port = self.addr.rsplit(":", 1)
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.addr}\r\nConnection: close\r\n"
        if method == "POST":
            head += f"Content-Type: application/json\r\nX-Polydocs-Token: {token}\r\nContent-Length: {len(body.encode())}\r\n"
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall((head + "\r\n").encode() + body.encode())
            chunks = []
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        text = b"".join(chunks).decode("utf-8", "replace")
        head, _, rest = text.partition("\r\n\r\n")
        return int(head.split(" ")[1]), rest

    def get(self, path: str) -> str:
        return self.request("GET", path)[1]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(name: str, values: list[float]) -> str:
    return f"{name:<14} {statistics.median(values):8.1f} {min(values):8.1f} {max(values):8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    if not sl.POLYDOCS.exists():
        sys.exit("build the release binary first: cargo build --release")
    work = Path(tempfile.mkdtemp(prefix="pd-translate-latency-"))
    try:
        site = work / "scale"
        site.mkdir()
        edits = sl.scale_site(site, args.pages)
        _, url = edits["md"]
        file = url.strip("/") + "/index.html"
        serve = Translating(site, [file])
        try:
            page = serve.get(url)
            token = re.search(r'data-token="([0-9a-f]+)"', page).group(1)
            times: dict[str, list[float]] = {k: [] for k in ("open page", "open message", "check", "save", "reload event", "reload served")}
            for i in range(args.edits):
                times["open page"].append(timed(lambda: serve.get(f"/__polydocs/translate/page?path={sl.quote(url, safe='')}")))
                message = {}
                times["open message"].append(timed(lambda: message.update(json.loads(serve.get("/__polydocs/translate/message?id=footer-note")))))
                value = f"Ce site est proposé en plusieurs langues (version {i})."
                body = json.dumps({"id": "footer-note", "value": value, "base": message["base"]})
                times["check"].append(timed(lambda: serve.request("POST", "/__polydocs/translate/check", body, token)))
                while not serve.events.empty():
                    serve.events.get_nowait()
                builds = serve.builds()
                status = []
                times["save"].append(timed(lambda: status.append(serve.request("POST", "/__polydocs/translate/save", body, token))))
                assert status[0][0] == 200, status
                saved = time.perf_counter()
                while True:
                    at, event = serve.events.get(timeout=60)
                    if event["changed"] is None or file in event["changed"]:
                        times["reload event"].append((at - saved) * 1000)
                        break
                while value not in serve.get(url):
                    time.sleep(0.002)
                times["reload served"].append((time.perf_counter() - saved) * 1000)
                # Each edit is measured from an idle server.
                while serve.builds() == builds:
                    time.sleep(0.01)
                time.sleep(0.05)
        finally:
            serve.stop()
        print(f"translate mode, shipped site + {args.pages} generated pages per language, {args.edits} edits (ms)")
        print(f"{'':<14} {'median':>8} {'fastest':>8} {'slowest':>8}")
        for name, values in times.items():
            print(summary(name, values))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
