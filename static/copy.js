// Code blocks, when scripts run (they read the same without): a copy button on each,
// announced when done, with words from this script's data- attributes (base.html, from
// Fluent). Published without these comments and the indentation (src/render/minify.rs).
(() => {
  const d = document, words = d.currentScript.dataset, main = d.querySelector("main");
  const el = (tag, cls) => Object.assign(d.createElement(tag), { className: cls });
  // One live region for every block, there before anything is copied so it is announced.
  const status = el("p", "visually-hidden");
  status.setAttribute("role", "status");
  main.append(status);
  for (const block of main.querySelectorAll(".code")) {
    // Room for the button above the code when the block names no language.
    if (!block.querySelector(".code-lang")) block.prepend(el("span", "code-lang"));
    const button = el("button", "copy");
    button.type = "button";
    button.textContent = words.copy;
    const done = () => {
      status.textContent = button.textContent = words.copied;
      setTimeout(() => { status.textContent = ""; button.textContent = words.copy; }, 2000);
    };
    // Without the Clipboard API (a page served over plain HTTP): a selected hidden textarea.
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
})();
