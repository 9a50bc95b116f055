// Docs pages, when scripts run (they read the same without): a copy button on each code block,
// announced when done (words from this script's data- attributes), and "On this page" marking
// the section in view: the last heading above the top third of the window (IntersectionObserver
// tells when one crosses that line; the last one at the end of the page).
(() => {
  "use strict";
  const d = document, words = d.currentScript.dataset, main = d.querySelector("main");
  const el = (tag, cls) => Object.assign(d.createElement(tag), { className: cls });
  const blocks = main.querySelectorAll(".code");
  const status = el("p", "visually-hidden");
  status.setAttribute("role", "status");
  if (blocks.length) main.append(status);
  for (const block of blocks) {
    if (!block.querySelector(".code-lang")) block.prepend(el("span", "code-lang"));
    const button = el("button", "copy");
    button.type = "button";
    button.textContent = words.copy;
    const done = () => {
      status.textContent = button.textContent = words.copied;
      setTimeout(() => { status.textContent = ""; button.textContent = words.copy; }, 2000);
    };
    const fallback = (text) => {
      const area = el("textarea", "visually-hidden");
      area.value = text;
      d.body.append(area);
      area.select();
      if (d.execCommand("copy")) done();
      area.remove();
      button.focus();
    };
    button.onclick = () => {
      const text = block.querySelector("pre").textContent;
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => fallback(text));
      else fallback(text);
    };
    block.append(button);
  }
  const links = [...d.querySelectorAll(".toc a")], id = (a) => a.getAttribute("href").slice(1);
  const heads = links.map((a) => d.getElementById(id(a))).filter(Boolean);
  if (!heads.length || !window.IntersectionObserver) return;
  const mark = () => {
    // At the end of the page, the last heading (it may never reach the top third).
    const end = innerHeight + scrollY >= d.documentElement.scrollHeight - 4;
    let head = heads[0];
    for (const h of heads) if (end || h.getBoundingClientRect().top < innerHeight / 3) head = h;
    for (const a of links) {
      if (id(a) === head.id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
  };
  const seen = new IntersectionObserver(mark, { rootMargin: "0px 0px -67% 0px" });
  for (const h of heads) seen.observe(h);
  const footer = d.querySelector("footer");
  if (footer) new IntersectionObserver(mark, { threshold: 1 }).observe(footer);
})();
