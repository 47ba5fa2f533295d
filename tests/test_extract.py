"""The `extract` stage: HTML article extraction, page metadata, plain-text normalisation."""

from __future__ import annotations

from crosswire.clean.extract import extract_document, normalise_plain_text
from crosswire.clean.html import extract_html
from crosswire.clean.stage import clean_article
from crosswire.metadata.stage import infer_metadata
from crosswire.model import Article, Corpus, RawDocument, Rejection, RemovedBlock
from crosswire.registry import StageContext, get

PARAGRAPHS = [
    "Heavy shelling hit the outskirts of the river town of Dalmora on Tuesday night, "
    "local officials said, damaging the water station that serves most of its residents.",
    "The district governor told reporters that at least four civilians were wounded and "
    "that repair crews could not reach the station until the firing stopped at dawn.",
    "Aid groups working in the area said they had moved stocks of bottled water to two "
    "schools on the eastern side of the town, where families have been sheltering since May.",
    "Both sides blamed each other for the attack. Neither statement could be verified, and "
    "journalists have not been allowed into the district for several weeks.",
]
HEADLINE = "Shelling cuts water to river town of Dalmora"


def news_page(*, body: str | None = None, head_extra: str = "") -> str:
    paragraphs = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <title>{HEADLINE} | Plains Courier</title>
  <meta property="og:title" content="{HEADLINE}">
  <meta name="author" content="By Mara Quill">
  <meta property="article:published_time" content="2024-03-05T08:15:00+02:00">
  <meta property="og:site_name" content="Plains Courier">
  <link rel="canonical" href="https://courier.example/world/dalmora-water">
  {head_extra}
</head>
<body>
  <header class="site-header">
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
    </ul></nav>
  </header>
  <main>
    <article class="story">
      <h1>{HEADLINE}</h1>
      <div class="story-body">{paragraphs}</div>
      <div class="share-tools"><a href="/share/fb">Share on Facebook</a>
        <a href="/share/x">Share on X</a></div>
    </article>
    <aside class="related-stories"><h3>More from the region</h3><ul>
      <li><a href="/a">Floods close the northern highway for a third day</a></li>
      <li><a href="/b">Grain prices rise again at the Saltmarsh exchange</a></li>
    </ul></aside>
  </main>
  <footer class="site-footer"><p>Copyright 2024 Plains Courier. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a></footer>
</body>
</html>"""


def html_document(content: str, **declared: str) -> RawDocument:
    return RawDocument(
        input_sha256="f" * 64,
        source="page.html",
        position="0",
        format="html",
        content=content,
        **declared,
    )


def text_document(content: str) -> RawDocument:
    return RawDocument(
        input_sha256="e" * 64, source="story.txt", position="0", format="txt", content=content
    )


# --------------------------------------------------------------------------
# HTML


def test_html_body_is_the_article_paragraphs_joined_by_blank_lines() -> None:
    page = extract_html(news_page())
    assert page.text == "\n\n".join(PARAGRAPHS)


def test_html_navigation_sidebar_share_bar_and_footer_stay_out() -> None:
    text = extract_html(news_page()).text
    for furniture in ("Home", "Weather", "Floods close", "Share on", "Copyright", "Privacy"):
        assert furniture not in text


def test_html_headline_is_the_title_never_the_body() -> None:
    page = extract_html(news_page())
    assert page.title == HEADLINE
    assert HEADLINE not in page.text


def test_html_page_metadata_with_evidence() -> None:
    page = extract_html(news_page())
    assert page.author == "Mara Quill"
    assert page.published == "2024-03-05T08:15:00+02:00"
    assert page.site_name == "Plains Courier"
    assert page.url == "https://courier.example/world/dalmora-water"
    assert page.language == "en"
    assert page.evidence["author"] == 'meta name="author"'
    assert page.evidence["url"] == 'link rel="canonical"'


def test_json_ld_names_the_author_and_date() -> None:
    json_ld = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "NewsArticle", "headline": "Shelling cuts water",
      "author": [{"@type": "Person", "name": "Ilse Varga"}],
      "datePublished": "2024-03-06"}</script>"""
    page = extract_html(news_page(head_extra=json_ld))
    assert page.author == "Ilse Varga"
    assert page.published == "2024-03-06"
    assert page.evidence["author"] == "JSON-LD author"
    assert page.title == HEADLINE  # the social-card title still wins for the headline


def test_site_name_is_cut_from_a_page_title() -> None:
    bare = news_page().replace(f'<meta property="og:title" content="{HEADLINE}">', "")
    assert extract_html(bare).title == HEADLINE


def test_stage_article_from_html_records_page_metadata_origins() -> None:
    article = extract_document(html_document(news_page()))
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.title == HEADLINE
    assert article.author == "Mara Quill"
    assert article.outlet == "Plains Courier"
    assert article.url == "https://courier.example/world/dalmora-water"
    assert (article.published, article.published_precision) == ("2024-03-05", "day")
    assert article.origin_of("title") == "html-meta"
    assert article.origin_of("published") == "html-meta"
    origin = next(o for o in article.origins if o.field == "author")
    assert origin.evidence == 'meta name="author": Mara Quill'


def test_container_metadata_wins_over_the_page() -> None:
    document = html_document(
        news_page(),
        title="Water station hit",
        author="Feed Desk",
        published="Wed, 06 Mar 2024 10:00:00 GMT",
    )
    article = extract_document(document)
    assert isinstance(article, Article)
    assert (article.title, article.author) == ("Water station hit", "Feed Desk")
    assert article.published == "2024-03-06"
    assert article.origin_of("title") == "metadata"
    assert article.origin_of("author") == "metadata"
    assert article.origin_of("published") == "metadata"
    assert article.origin_of("outlet") == "html-meta"  # not declared: the page's value


def test_html_fragment_keeps_all_its_text() -> None:
    fragment = "<p>First short paragraph of a feed item.</p><p>And a second, <b>bold</b> one.</p>"
    page = extract_html(fragment)
    assert page.paragraphs == (
        "First short paragraph of a feed item.",
        "And a second, bold one.",
    )


def test_page_without_article_text_is_rejected_no_text() -> None:
    page = """<html><head><title>Courier</title><script>var x = 1;</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav></body></html>"""
    rejection = extract_document(html_document(page))
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.stage) == ("no_text", "extract")
    assert rejection.position == "0"


def test_unparseable_markup_is_rejected_no_text() -> None:
    rejection = extract_document(html_document("   "))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no_text"


# --------------------------------------------------------------------------
# What the HTML extractor leaves out, kept for audit


def furnished_page(*, body: str | None = None) -> str:
    """A blog page with every kind of furniture around the article, and no author meta."""
    paragraphs = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <title>{HEADLINE} – River Post</title>
  <script>var tracking = "script text never shows";</script>
  <style>.lede {{ font-weight: bold; }}</style>
  <link rel="canonical" href="https://riverpost.example/2024/03/05/dalmora-water/">
</head>
<body>
  <a class="skip-link" href="#main">Skip to the content</a>
  <nav class="primary-menu"><a href="/">Front page</a> <a href="/region">Region</a>
    <a href="/opinion">Opinion</a></nav>
  <noscript>Noscript text never shows</noscript>
  <template><p>Template text never shows</p></template>
  <main id="main">
    <article class="post">
      <h1 class="entry-title">{HEADLINE}</h1>
      <div class="entry-meta">Posted by <span class="author">Mara Quill</span> on
        <time datetime="2024-03-05">5 March 2024</time></div>
      <figure class="wp-block-image">
        <img src="/img/pump.jpg" alt="">
        <figcaption>Workers inspect the damaged pump house at dawn.</figcaption>
        <span class="credit">Photo: River Post / Ada Brun</span>
      </figure>
      <div class="entry-content">{paragraphs}
        <div style="display: none">Hidden text never shows</div>
        <p hidden>Hidden paragraph never shows</p>
      </div>
      <div class="share-bar"><span>Share this story:</span>
        <a href="#">Facebook</a> <a href="#">Telegram</a></div>
      <p class="lightbox-caption">Workers inspect the damaged pump house at dawn.</p>
    </article>
    <section class="related-posts"><h3>More from the region</h3><ul>
      <li><a href="/a">Floods close the northern highway for a third day</a></li>
      <li><a href="/b">{HEADLINE}</a></li>
    </ul></section>
    <div id="comments" class="comments-area">
      <h2 class="comments-title">3 comments on the water cuts</h2>
      <div class="comment-body"><p>Thanks for covering this, nobody else did.</p>
        <a class="comment-reply-link" href="#respond">Reply</a></div>
      <div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
        <form><label>Name *</label> <input name="name"> <button>Post Comment</button></form>
      </div>
    </div>
  </main>
  <aside class="newsletter-box"><p>Get the morning digest in your inbox.</p>
    <button type="submit">Subscribe</button></aside>
  <footer class="site-footer"><p>© 2024 River Post. All rights reserved.</p></footer>
</body>
</html>"""


FURNITURE = [
    ("Skip to the content", "site_chrome"),
    ("Front page Region Opinion", "site_chrome"),
    ("Posted by Mara Quill on 5 March 2024", "byline"),
    ("Workers inspect the damaged pump house at dawn.", "caption"),
    ("Photo: River Post / Ada Brun", "photo_credit"),
    ("Share this story: Facebook Telegram", "share_prompt"),
    ("Workers inspect the damaged pump house at dawn.", "duplicate"),
    ("More from the region", "related"),
    ("Floods close the northern highway for a third day", "related"),
    (HEADLINE, "related"),
    ("3 comments on the water cuts", "comments"),
    ("Thanks for covering this, nobody else did.", "comments"),
    ("Reply", "comments"),
    ("Leave a Reply", "reply_form"),
    ("Name * Post Comment", "reply_form"),
    ("Get the morning digest in your inbox.", "newsletter_prompt"),
    ("Subscribe", "newsletter_prompt"),
    ("© 2024 River Post. All rights reserved.", "copyright"),
]


def test_left_out_blocks_come_back_in_document_order_with_their_reasons() -> None:
    page = extract_html(furnished_page())
    assert page.text == "\n\n".join(PARAGRAPHS)
    assert [(b.text, b.reason) for b in page.removed] == FURNITURE
    assert all(0.5 <= b.score <= 1.0 for b in page.removed)


def test_no_body_paragraph_and_not_the_headline_is_left_out() -> None:
    page = extract_html(furnished_page())
    removed = [b.text for b in page.removed]
    assert not set(removed) & set(page.paragraphs)
    # The headline went to the title; only the related list's copy of it is left out.
    assert page.title == HEADLINE
    assert removed.count(HEADLINE) == 1


def test_script_style_hidden_and_template_text_never_comes_back() -> None:
    page = extract_html(furnished_page())
    everything = page.text + " ".join(b.text for b in page.removed)
    assert "never shows" not in everything
    assert "font-weight" not in everything


def test_punctuation_only_blocks_are_not_kept() -> None:
    body = "".join(f"<p>{p}</p><p>* * *</p>" for p in PARAGRAPHS)
    page = extract_html(furnished_page(body=body))
    assert page.text == "\n\n".join(PARAGRAPHS)
    assert all(any(c.isalnum() for c in b.text) for b in page.removed)


def test_page_reason_comes_from_the_markup_then_the_words() -> None:
    page = extract_html(
        news_page().replace(
            '<div class="story-body">',
            '<div class="story-body"><p><strong>WATCH:</strong> <a href="/v">Divers inspect '
            "the flooded intake</a></p>",
        )
    )
    reasons = {b.text: b.reason for b in page.removed}
    assert reasons["Home"] == reasons["Weather"] == "site_chrome"  # <nav>
    assert reasons["Share on Facebook Share on X"] == "share_prompt"  # class="share-tools"
    assert reasons["More from the region"] == "related"  # class="related-stories"
    assert reasons["Copyright 2024 Plains Courier. All rights reserved."] == "copyright"
    assert reasons["Privacy policy"] == "site_chrome"  # in the footer, says nothing itself
    assert reasons["WATCH: Divers inspect the flooded intake"] == "video_prompt"  # its words


def test_text_no_element_explains_is_boilerplate() -> None:
    page = extract_html(
        news_page().replace("</main>", "</main><div class='x1'>Tickets from 12 euros</div>")
    )
    assert [(b.text, b.reason, b.score) for b in page.removed][-3] == (
        "Tickets from 12 euros",
        "boilerplate",
        0.6,
    )


def test_feed_fragment_keeps_its_link_prompt_in_removed() -> None:
    fragment = (
        f"<p>{PARAGRAPHS[0]}</p><p><strong>WATCH:</strong> <a href='/v'>Drone footage of the "
        f"station</a></p><p>{PARAGRAPHS[1]}</p>"
    )
    page = extract_html(fragment)
    assert page.paragraphs == tuple(PARAGRAPHS[:2])
    assert [(b.text, b.reason) for b in page.removed] == [
        ("WATCH: Drone footage of the station", "video_prompt")
    ]


def test_byline_reaches_the_metadata_stage_as_author() -> None:
    article = extract_document(html_document(furnished_page()))
    assert isinstance(article, Article)
    assert article.author is None  # the page declares none
    assert RemovedBlock(
        text="Posted by Mara Quill on 5 March 2024", reason="byline", score=0.85
    ) in (article.removed)
    assert infer_metadata(article).author == "Mara Quill"


def test_stage_keeps_the_extractors_blocks_first_and_clean_appends() -> None:
    page = extract_html(furnished_page())
    article = extract_document(html_document(furnished_page()))
    assert isinstance(article, Article)
    assert article.removed == page.removed
    cleaned = clean_article(article)
    assert cleaned.removed[: len(page.removed)] == page.removed


def test_plain_text_has_nothing_removed_at_extraction() -> None:
    article = extract_document(text_document("\n\n".join(PARAGRAPHS)))
    assert isinstance(article, Article)
    assert article.removed == ()


def test_title_loses_the_site_suffix_the_domain_spells() -> None:
    page = extract_html(furnished_page().replace(f'<h1 class="entry-title">{HEADLINE}</h1>', ""))
    assert page.title == HEADLINE
    assert page.site_name == "River Post"
    assert page.evidence["site_name"] == "title element"


def test_title_loses_the_declared_site_name_suffix() -> None:
    page = news_page().replace(f'<meta property="og:title" content="{HEADLINE}">', "")
    page = page.replace('content="Plains Courier"', 'content="The Plains Courier"')
    assert extract_html(page).title == HEADLINE


def test_title_keeps_a_suffix_that_names_no_site() -> None:
    html = furnished_page().replace("– River Post", "– a week without water")
    html = html.replace(f'<h1 class="entry-title">{HEADLINE}</h1>', "")
    assert extract_html(html).title == f"{HEADLINE} – a week without water"


# --------------------------------------------------------------------------
# Plain text


def test_crlf_and_blank_lines_give_contract_paragraphs() -> None:
    text = "First paragraph here.\r\n\r\n\r\nSecond   paragraph\there.\r\n"
    assert normalise_plain_text(text) == "First paragraph here.\n\nSecond paragraph here."


def test_hard_wrapped_lines_are_rejoined() -> None:
    wrapped = (
        "The convoy left the port at dawn and reached the checkpoint north of the\n"
        "city shortly before noon, where it was held for several hours by the\n"
        "soldiers on duty.\n"
        "\n"
        "A second convoy, carrying fuel and medicine for the hospital, is due to\n"
        "leave on Thursday if the road stays open.\n"
    )
    assert normalise_plain_text(wrapped) == (
        "The convoy left the port at dawn and reached the checkpoint north of the city "
        "shortly before noon, where it was held for several hours by the soldiers on duty."
        "\n\n"
        "A second convoy, carrying fuel and medicine for the hospital, is due to leave on "
        "Thursday if the road stays open."
    )


def test_short_lines_in_wrapped_text_keep_their_own_paragraph() -> None:
    text = (
        "Convoy held at northern checkpoint\n"
        "By Jane Roe\n"
        "The convoy left the port at dawn and reached the checkpoint north of the\n"
        "city shortly before noon, where it was held for several hours by the\n"
        "soldiers on duty.\n"
        "- first item of a list\n"
        "- second item of a list\n"
    )
    assert normalise_plain_text(text).split("\n\n") == [
        "Convoy held at northern checkpoint",
        "By Jane Roe",
        "The convoy left the port at dawn and reached the checkpoint north of the city "
        "shortly before noon, where it was held for several hours by the soldiers on duty.",
        "- first item of a list",
        "- second item of a list",
    ]


def test_unwrapped_lines_are_each_a_paragraph() -> None:
    long_line = "This paragraph was written on one long line without any hard wrapping at all. " * 2
    text = f"{long_line.strip()}\n{long_line.strip()}\nShort closing line."
    assert normalise_plain_text(text).split("\n\n") == [
        long_line.strip(),
        long_line.strip(),
        "Short closing line.",
    ]


def test_every_line_of_plain_text_is_kept() -> None:
    text = "Share this story\nRead more: other news\n\nThe article itself is here."
    normalised = normalise_plain_text(text)
    for line in ("Share this story", "Read more: other news", "The article itself is here."):
        assert line in normalised


def test_plain_text_article_keeps_container_metadata() -> None:
    document = RawDocument(
        input_sha256="d" * 64, source="feed.json#2", position="2", format="json",
        content="\n".join(PARAGRAPHS), title="Water cut", outlet="Valley Wire", language="en",
    )  # fmt: skip
    article = extract_document(document)
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert (article.title, article.outlet, article.language) == ("Water cut", "Valley Wire", "en")
    assert article.origin_of("outlet") == "metadata"
    assert article.origin_of("language") == "metadata"


def test_short_text_is_rejected_too_short() -> None:
    rejection = extract_document(text_document("Only a few words."), min_chars=80)
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.stage) == ("too_short", "extract")


def test_blank_text_is_rejected_no_text() -> None:
    rejection = extract_document(text_document(" \r\n \n\t"))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no_text"


# --------------------------------------------------------------------------
# The registered stage


def test_registered_stage_turns_documents_into_articles_and_rejections() -> None:
    info = get("extract")
    assert info.needs == ("documents",)
    assert set(info.provides) == {"articles", "rejections"}
    extract = info.factory(min_chars=40)
    corpus = Corpus(
        documents=(
            html_document(news_page()),
            text_document("Too short."),
            text_document("\n".join(PARAGRAPHS)),
        )
    )
    result = extract(corpus, StageContext())
    assert [a.format for a in result.articles] == ["html", "txt"]
    assert [r.reason for r in result.rejections] == ["too_short"]
