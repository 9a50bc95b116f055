#!/usr/bin/env python3
"""Turns Hexo's user documentation (tests/corpus/hexo-docs/, MIT) into a polydocs site.

    python3 ci/corpus/hexo_site.py POLYDOCS OUT_DIR [CORPUS_DIR]

Runs `POLYDOCS init OUT_DIR` for the corpus's nine languages, then writes each page under
`content/<code>/docs/`, converting only what a publisher moving from Hexo converts by hand or
with a script like this one:

- front matter: Hexo's `title:` is kept as it is;
- tag plugins outside code blocks: `{% codeblock [title] [lang:x] %}` becomes a fenced block,
  `{% note %}` and `{% blockquote %}` a block quote, `{% raw %}` is dropped, and embeds
  (`{% youtube %}`, `{% vimeo %}`) are removed;
- links: `permalinks.html` and `/docs/permalinks` become `../permalinks/`; Hexo's heading
  anchors (`#Using-an-Alternate-Config`, or `#使用替代配置檔` in Chinese) are not the
  addresses polydocs gives headings, so the fragment is dropped and the text kept; images of
  Hexo's own site (`/images/x.png`, `example.jpg`) are not in the corpus, so their alt text
  stays.

Everything else (code, tables, long lines, scripts without spaces) is left as written.
"""
import os
import re
import subprocess
import sys

LANGUAGES = [
    # (corpus folder, polydocs code, name)
    ("en", "en", "English"),
    ("es", "es", "Español"),
    ("ja", "ja", "日本語"),
    ("ko", "ko", "한국어"),
    ("pt-br", "pt-BR", "Português (Brasil)"),
    ("ru", "ru", "Русский"),
    ("th", "th", "ไทย"),
    ("zh-cn", "zh-CN", "简体中文"),
    ("zh-tw", "zh-TW", "繁體中文"),
]

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
TAG = re.compile(r"\{%-?\s*(\w+)([^%]*?)-?%\}")


def convert_tags(body):
    """Hexo's tag plugins outside fenced code, as described in the module's comment."""
    out = []
    fence = None
    quote = False
    for line in body.split("\n"):
        m = FENCE.match(line)
        if fence:
            out.append(line)
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(2)
            out.append(line)
            continue
        tag = TAG.search(line)
        if tag and line.strip() == tag.group(0):
            name, args = tag.group(1), tag.group(2).split()
            if name == "codeblock":
                lang = next((a[5:] for a in args if a.startswith("lang:")), "")
                fence = "```"
                out.append("```" + lang)
            elif name in ("note", "blockquote"):
                quote = True
                title = " ".join(a for a in args if a not in ("info", "warn", "danger", "success", "default", "primary"))
                out.append("> **" + title + "**" if title else ">")
            elif name in ("endnote", "endblockquote"):
                quote = False
            # raw, endraw, youtube, vimeo, pullquote and the rest: the line goes.
            continue
        if quote:
            out.append("> " + line if line.strip() else ">")
            continue
        out.append(line)
    text = "\n".join(out)
    # A codeblock closed by {% endcodeblock %} inside what became a fence.
    return re.sub(r"^\{%\s*endcodeblock\s*%\}$", "```", text, flags=re.M)


def convert_links(body, pages, up):
    """Hexo's links and images, outside code, as described in the module's comment: a link
    to a page of the corpus (`permalinks.html`, `/docs/permalinks`, `/zh-tw/docs/permalinks`)
    becomes a polydocs address; one to a part of Hexo's site the corpus lacks (`/api/...`)
    keeps its text."""
    folders = "|".join(re.escape(f) for f, _, _ in LANGUAGES)

    def link(m):
        bang, text, target = m.group(1), m.group(2), m.group(3).strip()
        if re.match(r"^[a-z]+:", target):
            return m.group(0)
        if bang:
            return text
        path = target.partition("#")[0]
        path = re.sub(rf"^/({folders})(?=/)", "", path)
        if path.startswith("/") and not path.startswith("/docs"):
            return text
        name = re.sub(r"^/docs/?", "", path)
        name = re.sub(r"\.html$", "", name).strip("/")
        if name in ("", "index"):
            return f"[{text}]({up or './'})" if path else text
        return f"[{text}]({up}{name}/)" if name in pages else text

    def definition(m):
        target = link(re.match(r"(!?)\[(.*)\]\((.*)\)", f"[{m.group(1)}]({m.group(2)})"))
        found = re.match(r"\[.*\]\((.*)\)$", target)
        return f"[{m.group(1)}]: {found.group(1)}" if found else ""

    out = []
    fence = None
    for line in body.split("\n"):
        m = FENCE.match(line)
        if fence:
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence):
                fence = None
        elif m:
            fence = m.group(2)
        else:
            line = re.sub(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)\)", link, line)
            line = re.sub(r"^\[([^\]\n]+)\]:\s*(\S+).*$", definition, line)
        out.append(line)
    return "\n".join(out)


def convert(text, pages, up):
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    front, body = (m.group(1), text[m.end():]) if m else ("", text)
    title = re.search(r"^title:\s*(.+)$", front, re.M)
    title = title.group(1).strip() if title else "Untitled"
    if not (title.startswith('"') or title.startswith("'")):
        title = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    body = convert_links(convert_tags(body), pages, up)
    return f"---\ntitle: {title}\n---\n{body}"


def main():
    polydocs, out = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(__file__), "..", "..", "tests", "corpus", "hexo-docs")
    codes = ",".join(code for _, code, _ in LANGUAGES)
    subprocess.run([polydocs, "--quiet", "init", out, "--languages", codes,
                    "--base-url", "https://hexo-docs.example/"],
                   check=True, stdin=subprocess.DEVNULL)
    config = os.path.join(out, "site.yaml")
    with open(config, encoding="utf-8") as f:
        yaml = f.read()
    for _, code, name in LANGUAGES:
        yaml = re.sub(rf"(- code: {re.escape(code)}\n    tag: [^\n]+\n    name: )[^\n]+", rf"\g<1>{name}", yaml)
    with open(config, "w", encoding="utf-8") as f:
        f.write(yaml)
    pages = {n[:-3] for n in os.listdir(os.path.join(corpus, "en")) if n.endswith(".md")}
    for folder, code, _ in LANGUAGES:
        src = os.path.join(corpus, folder)
        docs = os.path.join(out, "content", code, "docs")
        os.makedirs(docs, exist_ok=True)
        for name in sorted(os.listdir(src)):
            if not name.endswith(".md"):
                continue
            target = "_index.md" if name == "index.md" else name
            with open(os.path.join(src, name), encoding="utf-8") as f:
                # The section's own page is one folder up from its pages.
                page = convert(f.read(), pages, "" if target == "_index.md" else "../")
            with open(os.path.join(docs, target), "w", encoding="utf-8") as f:
                f.write(page)
    # init's own guide is not part of the corpus.
    for _, code, _ in LANGUAGES:
        for name in ("getting-started.md",):
            path = os.path.join(out, "content", code, "docs", name)
            if os.path.exists(path):
                os.remove(path)


if __name__ == "__main__":
    main()
