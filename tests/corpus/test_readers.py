"""Each reader on small, invented inputs: HTML pages, JSON and JSON Lines, RSS and Atom, Markdown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from corpus import Comment
from tests.corpus.builders import read_all as read
from tests.corpus.builders import write

# --- HTML -------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Mayor Brannock Opens the Tidewater Bridge | The Fenwick Courier</title>
<meta property="og:site_name" content="The Fenwick Courier">
<meta name="author" content="Odile Marchetti">
<meta property="article:published_time" content="2024-09-14T08:30:00Z">
<link rel="canonical" href="https://fenwickcourier.example/news/tidewater-bridge">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
<main><article>
<h1>Mayor Brannock Opens the Tidewater Bridge</h1>
<p class="byline">By Odile Marchetti</p>
<p>Mayor Ansel Brannock cut the ribbon on the Tidewater Bridge on Saturday morning, ending four years of
construction along the estuary.</p>
<p>The span links the old harbour district with the northern suburbs and is expected to carry twelve
thousand vehicles a day once the toll plazas open next month.</p>
<p>Residents of Quill Street, who had campaigned against the original route, said the final design had
answered most of their concerns about noise and traffic.</p>
</article>
<section id="comments">
<ol class="comment-list">
<li class="comment" id="comment-11">
<article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Perpetua Vale</b>
<span class="says">says:</span></div><div class="comment-metadata"><time>September 14, 2024 at 9:02 am</time></div>
</footer>
<div class="comment-content"><p>Finally a way across that does not involve the ferry queue.</p></div>
<div class="reply"><a class="comment-reply-link">Reply</a></div>
</article>
<ol class="children">
<li class="comment" id="comment-12">
<article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Hollis Dunmore</b>
<span class="says">says:</span></div></footer>
<div class="comment-content"><p>The ferry was half the charm of living here, honestly.</p></div>
</article>
</li>
</ol>
</li>
<li class="comment" id="comment-13">
<article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Rosalind Ashby</b></div></footer>
<div class="comment-content"><p>Who is paying for the tolls in the end?</p></div>
</article>
</li>
</ol>
</section>
</main>
<footer class="site-footer"><p>Copyright 2024 The Fenwick Courier. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>
"""


def test_html_page_metadata(tmp_path: Path) -> None:
    [article], problems = read(write(tmp_path / "bridge.html", PAGE))
    assert problems == []
    assert article.title == "Mayor Brannock Opens the Tidewater Bridge"  # " | The Fenwick Courier" stripped
    assert article.outlet == "The Fenwick Courier"
    assert article.date == date(2024, 9, 14)
    assert article.authors == ["Odile Marchetti"]
    assert article.url == "https://fenwickcourier.example/news/tidewater-bridge"


def test_html_page_body_is_the_article_only(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "bridge.html", PAGE))
    assert article.paragraphs[0].startswith("Mayor Ansel Brannock cut the ribbon")
    assert "Residents of Quill Street" in article.body
    assert len(article.paragraphs) == 3
    for furniture in ("Home", "Politics", "cookies", "Privacy policy", "All rights reserved", "ferry queue"):
        assert furniture not in article.body
    assert not article.body.startswith("Mayor Brannock Opens")  # the <h1> is the title, not body


def test_html_wordpress_comments_with_depth(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "bridge.html", PAGE))
    assert article.comments == [
        Comment(text="Finally a way across that does not involve the ferry queue.", author="Perpetua Vale", depth=0),
        Comment(text="The ferry was half the charm of living here, honestly.", author="Hollis Dunmore", depth=1),
        Comment(text="Who is paying for the tolls in the end?", author="Rosalind Ashby", depth=0),
    ]


def test_html_simple_comment_markup(tmp_path: Path) -> None:
    page = (
        PAGE.split('<section id="comments">')[0]
        + """
<div id="comments">
<div class="comment"><span class="comment-author">Ilse Moreau</span><p>Lovely to see the bridge open at last.</p></div>
<div class="comment"><span class="comment-author">Tobias Renwick</span><p>The tolls are too steep for commuters.</p>
<div class="comment"><span class="comment-author">Ilse Moreau</span><p>They are cheaper than the ferry.</p></div>
</div></div></main></body></html>"""
    )
    [article], _ = read(write(tmp_path / "bridge.html", page))
    assert [(c.author, c.depth, c.text) for c in article.comments] == [
        ("Ilse Moreau", 0, "Lovely to see the bridge open at last."),
        ("Tobias Renwick", 0, "The tolls are too steep for commuters."),
        ("Ilse Moreau", 1, "They are cheaper than the ferry."),
    ]
    assert "tolls are too steep" not in article.body


def test_txt_file_holding_html_is_read_as_html(tmp_path: Path) -> None:
    [article], problems = read(write(tmp_path / "saved.txt", PAGE))
    assert problems == []
    assert article.title == "Mayor Brannock Opens the Tidewater Bridge"
    assert article.outlet == "The Fenwick Courier"
    assert "<p>" not in article.body and "cookie" not in article.body


# --- JSON -------------------------------------------------------------------------------------------

ONE = {
    "title": "Ferry fares frozen for a second year",
    "text": "The Oskarsholm ferry company will keep fares unchanged until next spring.\n\n"
    "Its director, Annelie Brandvold, said fuel costs had eased.",
    "outlet": "Skerry Post",
    "date": "2024-02-11",
    "url": "https://skerrypost.example/ferry-fares",
    "author": "Jorund Pell",
    "tags": ["Transport", "Ferries"],
}


def test_json_single_object(tmp_path: Path) -> None:
    [article], problems = read(write(tmp_path / "one.json", json.dumps(ONE)))
    assert problems == []
    assert article.title == "Ferry fares frozen for a second year"
    assert article.outlet == "Skerry Post"
    assert article.date == date(2024, 2, 11)
    assert article.authors == ["Jorund Pell"]
    assert article.tags == ["Transport", "Ferries"]
    assert article.url == "https://skerrypost.example/ferry-fares"
    assert article.paragraphs == [
        "The Oskarsholm ferry company will keep fares unchanged until next spring.",
        "Its director, Annelie Brandvold, said fuel costs had eased.",
    ]


def test_json_array_gives_one_article_per_item_with_parts(tmp_path: Path) -> None:
    second = {**ONE, "title": "Harbour crane repaired", "text": "The crane at berth nine works again, the port said."}
    articles, problems = read(write(tmp_path / "many.json", json.dumps([ONE, second])))
    assert problems == []
    assert [a.title for a in articles] == ["Ferry fares frozen for a second year", "Harbour crane repaired"]
    assert [a.source.part for a in articles] == [1, 2]


def test_json_object_with_articles_list(tmp_path: Path) -> None:
    data = {"exported": "2024-03-01", "count": 1, "articles": [ONE]}
    [article], problems = read(write(tmp_path / "export.json", json.dumps(data)))
    assert problems == []
    assert article.title == "Ferry fares frozen for a second year"


def test_json_newsapi_style_source_name(tmp_path: Path) -> None:
    data = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "Vantmoor Herald"},
                "author": "Sigrun Achterberg",
                "title": "Vantmoor council delays the bus depot vote",
                "description": "A short summary.",
                "url": "https://vantmoorherald.example/2024/06/03/depot",
                "publishedAt": "2024-06-03T09:00:00Z",
                "content": "Councillors in Vantmoor postponed a vote on the new bus depot after residents asked "
                "for more time to study the plans.",
            }
        ],
    }
    [article], problems = read(write(tmp_path / "newsapi.json", json.dumps(data)))
    assert problems == []
    assert article.outlet == "Vantmoor Herald"
    assert article.date == date(2024, 6, 3)
    assert article.authors == ["Sigrun Achterberg"]
    assert article.body.startswith("Councillors in Vantmoor postponed")  # content preferred to description


def test_json_field_name_variants(tmp_path: Path) -> None:
    data = {
        "Headline": "Brevik school gets a new roof",
        "content": "Builders finished the roof of the Brevik primary school a week ahead of schedule.",
        "publisher": "Fjordside Echo",
        "published": "March 4, 2024",
        "link": "https://fjordsideecho.example/school-roof",
        "byline": "By Halvard Quist and Meret Okafor",
        "keywords": "schools, Brevik",
    }
    [article], problems = read(write(tmp_path / "variant.json", json.dumps(data)))
    assert problems == []
    assert article.title == "Brevik school gets a new roof"
    assert article.outlet == "Fjordside Echo"
    assert article.date == date(2024, 3, 4)
    assert article.url == "https://fjordsideecho.example/school-roof"
    assert article.authors == ["Halvard Quist", "Meret Okafor"]
    assert article.tags == ["schools", "Brevik"]


def test_json_html_inside_text_field(tmp_path: Path) -> None:
    data = {
        "title": "Tramline extension opens",
        "body": "<p>The number 4 tram now runs to <b>Kestrel Park</b>.</p><p>Trams run every ten minutes.</p>"
        "<script>track()</script>",
        "outlet": "Cobble Street Journal",
    }
    [article], _ = read(write(tmp_path / "html-field.json", json.dumps(data)))
    assert article.paragraphs == ["The number 4 tram now runs to Kestrel Park.", "Trams run every ten minutes."]


def test_json_comments_field(tmp_path: Path) -> None:
    data = {
        **ONE,
        "comments": [
            {"author": "Frode V.", "text": "Good news for islanders."},
            {"user": "seaview_22", "body": "Fares were already too high."},
            "An anonymous remark.",
        ],
    }
    [article], _ = read(write(tmp_path / "with-comments.json", json.dumps(data)))
    assert article.comments == [
        Comment(text="Good news for islanders.", author="Frode V."),
        Comment(text="Fares were already too high.", author="seaview_22"),
        Comment(text="An anonymous remark.", author=None),
    ]
    assert "islanders" not in article.body


def test_jsonl_one_article_per_line(tmp_path: Path) -> None:
    lines = [
        {
            "title": "Lighthouse keeper retires",
            "text": "After thirty years, Osric Penhale hands over the lamp.",
            "source": "Cape Dunmarrow Times",
        },
        {
            "title": "Seal pups counted",
            "text": "Volunteers counted 212 seal pups on the sandbanks this winter.",
            "source": "Cape Dunmarrow Times",
            "date": "2024-01-20",
        },
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    articles, problems = read(path)
    assert problems == []
    assert [a.title for a in articles] == ["Lighthouse keeper retires", "Seal pups counted"]
    assert {a.outlet for a in articles} == {"Cape Dunmarrow Times"}
    assert articles[1].date == date(2024, 1, 20)


# --- feeds ------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Larkspur Gazette</title><link>https://larkspur.example/</link><description>News</description>
<item><title>Orchard growers warn of late frost</title><link>https://larkspur.example/2024/03/02/frost</link>
<guid>larkspur-frost-1</guid><pubDate>Sat, 02 Mar 2024 07:15:00 +0000</pubDate>
<dc:creator>Benedikt Oyelaran</dc:creator>
<category>Farming</category><category>Weather</category>
<description>Growers fear a late frost.</description>
<content:encoded><![CDATA[<p>Apple growers in the Larkspur valley are lighting smudge pots as forecasters warn of a late
frost this weekend.</p><p>The cooperative chair, Mirela Tanaka, said blossom had come two weeks early.</p>]]></content:encoded>
</item>
<item><title>Ferry timetable changes</title><link>https://larkspur.example/ferry</link>
<description>The summer ferry timetable starts a week later this year.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Oriel Review</title><id>urn:oriel</id>
<updated>2024-05-01T00:00:00Z</updated>
<entry><title>Library hours extended in Penhallow</title><id>urn:oriel:1</id>
<link href="https://oriel.example/library-hours"/>
<updated>2024-05-01T10:00:00Z</updated><published>2024-04-30T10:00:00Z</published>
<author><name>Cassius Lindgren</name></author><category term="Libraries"/>
<content type="html">&lt;p&gt;The Penhallow public library will open until nine on weekdays from June.&lt;/p&gt;
&lt;p&gt;Librarian Wynne Abara said evening visits had doubled.&lt;/p&gt;</content></entry></feed>
"""


def test_rss_content_encoded_creator_categories_date(tmp_path: Path) -> None:
    articles, problems = read(write(tmp_path / "gazette.rss", RSS))
    assert problems == []
    first, second = articles
    assert first.title == "Orchard growers warn of late frost"
    assert first.outlet == "Larkspur Gazette"
    assert first.paragraphs[0].startswith("Apple growers in the Larkspur valley")
    assert "Growers fear a late frost." not in first.body  # full content, not the description
    assert first.authors == ["Benedikt Oyelaran"]
    assert first.tags == ["Farming", "Weather"]
    assert first.date == date(2024, 3, 2)
    assert first.url == "https://larkspur.example/2024/03/02/frost"
    assert second.body == "The summer ferry timetable starts a week later this year."
    assert [a.source.part for a in articles] == [1, 2]


def test_rss_in_xml_file(tmp_path: Path) -> None:
    articles, problems = read(write(tmp_path / "gazette.xml", RSS))
    assert problems == []
    assert len(articles) == 2


def test_atom_feed(tmp_path: Path) -> None:
    [article], problems = read(write(tmp_path / "oriel.atom", ATOM))
    assert problems == []
    assert article.title == "Library hours extended in Penhallow"
    assert article.outlet == "Oriel Review"
    assert article.authors == ["Cassius Lindgren"]
    assert article.tags == ["Libraries"]
    assert article.date == date(2024, 4, 30)
    assert article.paragraphs == [
        "The Penhallow public library will open until nine on weekdays from June.",
        "Librarian Wynne Abara said evening visits had doubled.",
    ]


# --- Markdown ---------------------------------------------------------------------------------------

MARKDOWN = """# Allotment waiting list shrinks in Greywell

The **Greywell** allotment society has cut its waiting list from three years to eight months after the
council released land behind the [old tannery](https://greywell.example/tannery).

Society secretary Philippa Okonjo said forty new plots would be marked out before April.
"""


def test_markdown_page(tmp_path: Path) -> None:
    [article], problems = read(write(tmp_path / "allotments.md", MARKDOWN))
    assert problems == []
    assert article.title == "Allotment waiting list shrinks in Greywell"
    assert article.paragraphs[0].startswith("The Greywell allotment society has cut its waiting list")
    assert "land behind the old tannery." in article.paragraphs[0]
    for markup in ("**", "#", "](", "https://"):
        assert markup not in article.body
    assert (
        article.paragraphs[1]
        == "Society secretary Philippa Okonjo said forty new plots would be marked out before April."
    )
