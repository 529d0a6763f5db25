"""Tiny builders shared by the corpus tests: fixture files written into a temporary folder."""

from __future__ import annotations

from pathlib import Path

from corpus import Article, Problem, ReadOptions, read_corpus


def write_file(folder: Path, name: str, text: str) -> Path:
    """Write `text` (UTF-8) to folder/name, making parent folders; return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) to `path`, making parent folders; return the path."""
    return write_file(path.parent, path.name, text)


def read_all(*paths: Path, outlet: str | None = None) -> tuple[list[Article], list[Problem]]:
    """Read paths with read_corpus and split what comes back into articles and problems."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_corpus([str(p) for p in paths], ReadOptions(outlet=outlet)):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item)
    return articles, problems


def read_page_file(folder: Path, text: str, name: str = "page.txt") -> tuple[list[Article], list[Problem]]:
    """Write one page file and read it back."""
    return read_all(write_file(folder, name, text))


def make_article(
    body: str,
    title: str = "A headline",
    outlet: str = "Test Outlet",
    comments: list[str] | None = None,
    via: list[str] | None = None,
    name: str = "a.txt",
) -> Article:
    """An Article built in memory, for the people tests."""
    from corpus.model import Comment, Source, Via

    return Article(
        id=name,
        outlet=outlet,
        title=title,
        body=body,
        source=Source(path=name),
        comments=[Comment(text) for text in comments or []],
        via=[Via("Other Outlet", text) for text in via or []],
    )


def people_of(*articles: Article, config: object = None) -> list[dict[str, list[object]]]:
    """Run people extraction over the articles; per article {person name: [mentions]}."""
    from corpus.people import extract_people
    from corpus.people_config import PeopleConfig

    extract_people(list(articles), config if isinstance(config, PeopleConfig) else None)
    return [{p.name: list(p.mentions) for p in a.people} for a in articles]
