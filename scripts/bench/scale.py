#!/usr/bin/env python3
"""Makes a scaled copy of an annals site for the benchmark: the documents N times over, and
the registry in proportion (each copy of an entity with its own ID and names, so that the
automaton, the mention index and the pages grow with it), plus a Hugo site holding the same
document Markdown with a minimal theme that renders each page with its footnotes.

    scale.py SITE N DEST [--shared-names]
        → DEST/annals (an annals site) and DEST/hugo (a Hugo site)

By default each copy of the documents names its own copies of the entities (the names
rewritten in the copied text along with the registry), so that mentions spread over the
entities as in a collection of that size; with --shared-names the copied text is left as it
is and every copy names the first copy's entities (the corpus of the earlier benchmarks:
the same number of mentions, all on the first copy's pages).
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


MONTHS_AND_DAYS = set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
NAME_KEYS = ("name", "title", "term", "sort_name", "real_name", "expansion", "aliases", "original")
ID_KEYS = ("people",)
LINK = re.compile(r"\b(person|event|group|term|place|work):([\w-]+)")
WORD = re.compile(r"[^\W\d_]+")
LATIN_MARK, CYRILLIC_MARK = "\x01", "\x02"


def rename_entity(text: str, copy: int) -> str:
    """The shared-names corpus: the copy of an entity file with names no other copy claims,
    and no copy of the documents naming them (every copy names the first copy's entities)."""
    if copy == 1:
        return text
    front, _, body = text.partition("\n+++\n")
    def suffix_strings(line: str) -> str:
        key = line.split("=", 1)[0].strip()
        if key in NAME_KEYS[:-1]:
            return re.sub(r'"([^"]*)"', lambda m: f'"{m.group(1)} {copy}"', line)
        return suffix_ids(line, copy)
    return "\n".join(suffix_strings(line) for line in front.split("\n")) + "\n+++\n" + body


def suffix_ids(line: str, copy: int) -> str:
    if line.split("=", 1)[0].strip() in ID_KEYS:
        return re.sub(r'"([^"]*)"', lambda m: f'"{m.group(1)}-{copy}"', line)
    return line


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def copy_code(copy: int, cyrillic: bool) -> str:
    """Letters that make a name the copy's own: Latin for Latin names, Cyrillic consonants
    for Cyrillic ones (so that the folding of Russian case endings still finds the stem)."""
    letters = "бвгджзклмнпрстфхцчш" if cyrillic else "bcdfghjklmnpqrstvwxz"
    return ("щ" if cyrillic else "q") + letters[copy // len(letters) % len(letters)] + letters[copy % len(letters)]


class Renamer:
    """Rewrites the registry's names wherever they occur, so that each copy of the collection
    names its own copies of the entities: a word of a registry name that the collection only
    ever writes capitalised (Lenin, Miasnikov, Kronstadt) takes the copy's letters; a name
    made only of common words (the Workers' Opposition, the Tenth Party Congress) takes them
    after its last word. The same rewriting of the registry's names and of the documents'
    text keeps the two agreeing in every copy. Forms annals derives itself and the text
    writes differently (10th for Tenth, a lower-case "workers' opposition") keep naming the
    first copy."""

    def __init__(self, names: list[str], collection_text: str):
        lower = {w for w in WORD.findall(collection_text) if w[0].islower()}
        self.proper = set()
        common_names = set()
        for name in names:
            words = [w for w in WORD.findall(name) if len(w) >= 3 and w[0].isupper()]
            proper = [w for w in words if w.lower() not in lower and w not in MONTHS_AND_DAYS]
            self.proper.update(proper)
            if not proper and any(len(w) >= 3 and w not in MONTHS_AND_DAYS for w in WORD.findall(name)):
                common_names.add(name)
        phrases = "|".join(r"(?<!\w)" + re.escape(p) + r"(?!\w)" for p in sorted(common_names, key=len, reverse=True))
        self.pattern = re.compile(rf"(?P<phrase>{phrases or '(?!)'})|(?P<word>[^\W\d_]{{3,}})")
        self.cyrillic_stems = {w for w in self.proper if is_cyrillic(w)}

    def template(self, text: str) -> str:
        """The text with a mark where each copy's letters go."""
        return self.pattern.sub(self.mark, text)

    def mark(self, match: re.Match) -> str:
        if match.group("phrase"):
            phrase = match.group("phrase")
            words = [w for w in WORD.finditer(phrase) if len(w.group()) >= 3 and w.group() not in MONTHS_AND_DAYS]
            last = words[-1]
            return phrase[: last.end()] + mark_for(last.group()) + phrase[last.end():]
        word = match.group("word")
        if word in self.proper:
            return word + mark_for(word)
        if is_cyrillic(word):
            # a declined form: the stem of a registry name and its case ending
            for cut in (1, 2, 3):
                if word[:-cut] in self.cyrillic_stems:
                    return word[:-cut] + CYRILLIC_MARK + word[-cut:]
        return word


def mark_for(word: str) -> str:
    return CYRILLIC_MARK if is_cyrillic(word) else LATIN_MARK


def fill(template: str, copy: int) -> str:
    """A copy's text from its template: the copy's letters at each mark, its IDs in links."""
    if copy == 1:
        return template.replace(LATIN_MARK, "").replace(CYRILLIC_MARK, "")
    text = template.replace(LATIN_MARK, copy_code(copy, False)).replace(CYRILLIC_MARK, copy_code(copy, True))
    return LINK.sub(lambda m: f"{m.group(1)}:{m.group(2)}-{copy}", text)


def fill_entity(template: str, copy: int) -> str:
    front, _, body = fill(template, copy).partition("\n+++\n")
    if copy > 1:
        front = "\n".join(suffix_ids(line, copy) for line in front.split("\n"))
    return front + "\n+++\n" + body


def registry_files(content: pathlib.Path) -> list[pathlib.Path]:
    return [item for folder in REGISTRY if (content / folder).is_dir() for item in sorted((content / folder).glob("*.md"))]


def registry_names(files: list[pathlib.Path]) -> list[str]:
    names = []
    for item in files:
        front = item.read_text(encoding="utf-8").partition("\n+++\n")[0]
        for line in front.split("\n"):
            if line.split("=", 1)[0].strip() in NAME_KEYS:
                names += re.findall(r'"([^"]*)"', line)
    return names


def copy_path(relative: pathlib.Path, copy: int) -> pathlib.Path:
    """Where a copy of a file goes: the first folder or the file itself takes the copy's number."""
    if copy == 1:
        return relative
    head, *rest = relative.parts
    head = f"{head}-{copy}" if rest else f"{pathlib.Path(head).stem}-{copy}{pathlib.Path(head).suffix}"
    return pathlib.Path(head, *rest)


def copy_site(content: pathlib.Path, target: pathlib.Path, n: int, shared_names: bool) -> None:
    """The documents N times over and the registry in proportion."""
    entities = registry_files(content)
    if shared_names:
        copy_documents(content / "documents", target / "documents", n)
        for item in entities:
            text = item.read_text(encoding="utf-8")
            for copy in range(1, n + 1):
                write(target / item.parent.name / copy_path(pathlib.Path(item.name), copy), rename_entity(text, copy))
        return
    documents = content / "documents"
    files = [p for p in sorted(documents.rglob("*")) if p.is_file()]
    texts = {item: item.read_text(encoding="utf-8") for item in files + entities if item.suffix == ".md"}
    renamer = Renamer(registry_names(entities), "\n".join(texts.values()))
    for item in files:
        relative = item.relative_to(documents)
        if relative.name == "_index.md" and len(relative.parts) == 1:
            shutil.copy(item, target / "documents" / relative)
            continue
        template = renamer.template(texts[item]) if item in texts else None
        for copy in range(1, n + 1):
            path = target / "documents" / copy_path(relative, copy)
            if template is None:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(item, path)
            else:
                write(path, fill(template, copy))
    for item in entities:
        template = renamer.template(texts[item])
        for copy in range(1, n + 1):
            write(target / item.parent.name / copy_path(pathlib.Path(item.name), copy), fill_entity(template, copy))


def write(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def for_hugo(text: str) -> str:
    """The same Markdown; front-matter keys that mean something else to Hugo (its `date` must
    be a full date, its `url` is the page's own address) are renamed."""
    front, _, body = text.partition("\n+++\n")
    front = re.sub(r"(?m)^(date|url) =", r"original_\1 =", front)
    return front + "\n+++\n" + body


def main() -> None:
    shared_names = "--shared-names" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--shared-names"]
    site, n, dest = pathlib.Path(args[0]), int(args[1]), pathlib.Path(args[2])
    shutil.rmtree(dest, ignore_errors=True)
    annals = dest / "annals"
    (annals / "content" / "documents").mkdir(parents=True)
    shutil.copy(site / "site.toml", annals / "site.toml")
    shutil.copy(site / "content" / "_index.md", annals / "content" / "_index.md")
    copy_site(site / "content", annals / "content", n, shared_names)

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
    corpus = "every copy names the first copy's entities" if shared_names else "each copy names its own entities"
    print(f"x{n}: {pages} document pages, {size / 1e6:.1f} MB of Markdown ({corpus})")


if __name__ == "__main__":
    main()
