// "Cite this" for a paragraph: when the address names a paragraph (#p-12), the page's
// citations are rewritten to cite it (its address, and "para." or "¶" with its number).
// Without this script the block cites the page.
(function () {
  "use strict";
  const block = document.querySelector("details.cite-this");
  if (!block) return;
  const pageUrl = block.dataset.url;
  // The styles are HTML (their titles in italics); the formats are plain text.
  const originals = new Map();
  for (const element of block.querySelectorAll(".cite-style, .cite-format")) {
    const html = element.classList.contains("cite-style");
    originals.set(element, html ? element.innerHTML : element.textContent);
  }
  const scope = block.querySelector(".cite-scope");
  const pageScope = scope.innerHTML;

  function paragraph() {
    const id = decodeURIComponent(location.hash.slice(1));
    const match = /^p-(\d+)/.exec(id);
    const element = id && document.getElementById(id);
    if (!match || !element) return null;
    return { id: id, number: match[1] };
  }

  function update() {
    const cited = paragraph();
    for (const [element, original] of originals) {
      const html = element.classList.contains("cite-style");
      const put = function (value) {
        if (html) element.innerHTML = value;
        else element.textContent = value;
      };
      if (!cited) {
        put(original);
        continue;
      }
      const url = pageUrl + "#" + cited.id;
      let text = original.split(pageUrl).join(url);
      const style = element.dataset.style || element.dataset.format;
      if (style === "chicago" || style === "mla") {
        // The paragraph before the edition, the last title in italics: "…” para. 12.
        // <i>The Edition</i>, URL."
        const at = text.lastIndexOf("<i>");
        if (at >= 0) text = text.slice(0, at) + "para. " + cited.number + ". " + text.slice(at);
      } else if (style === "bibtex") {
        text = text.replace(/\n}$/, ",\n  note = {para. " + cited.number + "}\n}");
      } else if (style === "ris") {
        text = text.replace(/\nER {2}- $/, "\nSP  - para. " + cited.number + "\nER  - ");
      } else if (style === "csl-json") {
        text = text.replace(/"title"/, '"locator": "' + cited.number + '",\n    "label": "paragraph",\n    "title"');
      }
      put(text);
    }
    scope.innerHTML = cited
      ? "Citing paragraph " + cited.number + ". <a href=\"#\" class=\"cite-page\">Cite the whole page</a>"
      : pageScope;
  }

  block.addEventListener("click", function (event) {
    if (event.target.matches(".cite-page")) {
      event.preventDefault();
      history.replaceState(null, "", location.pathname + location.search);
      update();
    }
  });
  window.addEventListener("hashchange", update);
  update();
})();
