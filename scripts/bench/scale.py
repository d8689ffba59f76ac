#!/usr/bin/env python3
"""Makes a scaled copy of an annals site for the benchmark: the documents N times over, and
the registry in proportion (each copy of an entity with its own ID and names, so that the
automaton, the mention index and the pages grow with it), plus a Hugo site holding the same
document Markdown with a minimal theme that renders each page with its footnotes.

    scale.py SITE N DEST      → DEST/annals (an annals site) and DEST/hugo (a Hugo site)
"""
import pathlib
import re
import shutil
import sys

REGISTRY = ["people", "events", "groups", "terms", "works"]
HUGO_CONFIG = 'baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = true\n'
HUGO_SINGLE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n'
HUGO_LIST = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n'


def copy_documents(source: pathlib.Path, target: pathlib.Path, n: int) -> None:
    for copy in range(1, n + 1):
        for item in sorted(source.iterdir()):
            if item.name == "_index.md":
                if copy == 1:
                    shutil.copy(item, target / item.name)
                continue
            name = item.name if copy == 1 else f"{item.stem}-{copy}{item.suffix}" if item.is_file() else f"{item.name}-{copy}"
            if item.is_dir():
                shutil.copytree(item, target / name)
            else:
                shutil.copy(item, target / name)


def rename_entity(text: str, copy: int) -> str:
    """The copy of an entity file with names no other copy claims (the automaton grows)."""
    if copy == 1:
        return text
    front, _, body = text.partition("\n+++\n")
    def suffix_strings(line: str) -> str:
        key = line.split("=", 1)[0].strip()
        if key in ("name", "title", "term", "sort_name", "real_name", "expansion", "aliases"):
            return re.sub(r'"([^"]*)"', lambda m: f'"{m.group(1)} {copy}"', line)
        if key == "people":
            return re.sub(r'"([^"]*)"', lambda m: f'"{m.group(1)}-{copy}"', line)
        return line
    return "\n".join(suffix_strings(line) for line in front.split("\n")) + "\n+++\n" + body


def copy_registry(source: pathlib.Path, target: pathlib.Path, n: int) -> None:
    for folder in REGISTRY:
        if not (source / folder).is_dir():
            continue
        (target / folder).mkdir(parents=True, exist_ok=True)
        for item in sorted((source / folder).glob("*.md")):
            text = item.read_text(encoding="utf-8")
            for copy in range(1, n + 1):
                name = item.name if copy == 1 else f"{item.stem}-{copy}.md"
                (target / folder / name).write_text(rename_entity(text, copy), encoding="utf-8")


def for_hugo(text: str) -> str:
    """The same Markdown; front-matter keys that mean something else to Hugo (its `date` must
    be a full date, its `url` is the page's own address) are renamed."""
    front, _, body = text.partition("\n+++\n")
    front = re.sub(r"(?m)^(date|url) =", r"original_\1 =", front)
    return front + "\n+++\n" + body


def main() -> None:
    site, n, dest = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
    shutil.rmtree(dest, ignore_errors=True)
    annals = dest / "annals"
    (annals / "content" / "documents").mkdir(parents=True)
    shutil.copy(site / "site.toml", annals / "site.toml")
    shutil.copy(site / "content" / "_index.md", annals / "content" / "_index.md")
    copy_documents(site / "content" / "documents", annals / "content" / "documents", n)
    copy_registry(site / "content", annals / "content", n)

    hugo = dest / "hugo"
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG)
    (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (hugo / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    shutil.copytree(annals / "content" / "documents", hugo / "content" / "documents")
    for page in (hugo / "content").rglob("*.md"):
        page.write_text(for_hugo(page.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(site / "content" / "_index.md", hugo / "content" / "_index.md")
    size = sum(f.stat().st_size for f in (annals / "content" / "documents").rglob("*.md"))
    pages = sum(1 for _ in (annals / "content" / "documents").rglob("*.md"))
    print(f"x{n}: {pages} document pages, {size / 1e6:.1f} MB of Markdown")


if __name__ == "__main__":
    main()
