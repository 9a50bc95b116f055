// "On this page", when scripts run: the link to the section in view is marked
// (aria-current), the last heading above the top third of the window. IntersectionObserver
// tells when a heading crosses that line; at the end of the page, the last heading is marked.
(() => {
  const d = document;
  const links = [...d.querySelectorAll(".toc a")], id = (a) => a.getAttribute("href").slice(1);
  const heads = links.map((a) => d.getElementById(id(a))).filter(Boolean);
  if (!heads.length || !window.IntersectionObserver) return;
  const mark = () => {
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
