"""The clean stage: page furniture out, article text untouched.

Every furniture example here is written for these tests (a made-up Sahel
outlet), not taken from the sample corpus, so the tests check that the
cleaner generalises rather than remembers.
"""

from __future__ import annotations

import pytest

from crosswire.clean.furniture import clean_paragraphs, clean_text, split_sentences
from crosswire.errors import ConfigError
from crosswire.model import Article, Corpus, RemovedBlock
from crosswire.registry import StageContext, get

TITLE = "Floods cut off Mopti as the Niger bursts its banks"

BODY = [
    "MOPTI, Mali — Floodwater from the Niger and Bani rivers swept through low-lying districts "
    "of Mopti on Sunday, forcing thousands of families onto rooftops and cutting the main road "
    "to Sévaré, local officials said.",
    "The regional civil protection office said at least 14 people had drowned and that boats "
    "were still searching the flooded rice fields east of the city for those missing.",
    "Farmers said the water arrived within hours after an earth dyke gave way near the port. "
    "Several warehouses holding seed millet were submerged.",
    "Aid groups warned that cholera could spread quickly in the camps that have sprung up on "
    "higher ground, where clean water is scarce and latrines are few.",
    "The governor appealed for pumps and fuel and said schools would stay closed until the "
    "water receded, which meteorologists expect to take at least two weeks.",
]


def _clean(
    paragraphs: list[str],
    *,
    title: str | None = TITLE,
    outlet: str | None = None,
    threshold: float = 0.5,
) -> tuple[list[str], list[RemovedBlock]]:
    result = clean_paragraphs(paragraphs, title=title, outlet=outlet, threshold=threshold)
    return list(result.paragraphs), list(result.removed)


def _with(position: str, *furniture: str) -> list[str]:
    """The body with furniture paragraphs at the top, in the middle or at the bottom."""
    if position == "top":
        return [*furniture, *BODY]
    if position == "middle":
        return [*BODY[:3], *furniture, *BODY[3:]]
    return [*BODY, *furniture]


# --------------------------------------------------------------------------
# One test per kind of furniture


FURNITURE_CASES = [
    ("top", "This story is over 4 years old", "age_banner"),
    ("top", "Jump to navigation", "site_chrome"),
    ("top", "LIVE", "site_chrome"),
    ("top", "News › Africa › Mali", "site_chrome"),
    ("top", "DEVELOPING: Curfew declared in Ségou after night of looting", "site_chrome"),
    ("top", "Last updated: 12 August 2024 at 09:42 CAT", "updated_stamp"),
    ("top", "By Aminata Traoré in Bamako", "byline"),
    ("top", "by Moussa Diallo on 12 August 2024", "byline"),
    ("top", "Fatou Sow · 12 August 2024", "byline"),
    ("middle", "MORE ON THIS STORY: Dyke repairs stalled for lack of funds", "related"),
    ("middle", "VIDEO: Drone footage of the flooded market in Mopti", "video_prompt"),
    ("middle", "Image: Ousmane Keita / Sahel Courier", "photo_credit"),
    ("bottom", "Like Sahel Courier on Facebook and follow us on Instagram.", "social_prompt"),
    (
        "bottom",
        "Want the week's Sahel news in one email? Sign up for our Friday digest.",
        "newsletter_prompt",
    ),
    ("bottom", "Share this story via WhatsApp", "share_prompt"),
    ("bottom", "Facebook · Twitter · Email · Print", "share_prompt"),
    (
        "bottom",
        "Opinions expressed in this column belong to the writer and do not necessarily "
        "represent those of Sahel Courier.",
        "disclaimer",
    ),
    ("bottom", "With additional reporting from Reuters in Bamako", "source_stamp"),
    ("bottom", "Source: Sahel Courier archives", "source_stamp"),
    (
        "bottom",
        "Copyright © 2024 Sahel Courier Ltd. Reproduction without permission is prohibited.",
        "copyright",
    ),
    ("bottom", "There are no comments yet.", "empty_widget"),
]


@pytest.mark.parametrize(("position", "furniture", "reason"), FURNITURE_CASES)
def test_each_kind_of_furniture_is_removed_with_its_reason(
    position: str, furniture: str, reason: str
) -> None:
    kept, removed = _clean(_with(position, furniture))
    assert kept == BODY
    assert [(r.text, r.reason) for r in removed] == [(furniture, reason)]
    assert 0.5 < removed[0].score <= 1.0


def test_comment_section_is_removed_to_its_end() -> None:
    comments = [
        "14 comments",
        "Ibrahim T. says: 12 August 2024 at 8:41 pm",
        "This is heartbreaking. My uncle's shop in the old port is under water too.",
        "Reply",
        "Awa K. says: 13 August 2024 at 7:02 am",
        "The dyke was never repaired after 2020, everyone in Mopti knew it would fail.",
    ]
    kept, removed = _clean(_with("bottom", *comments))
    assert kept == BODY
    assert [r.text for r in removed] == comments
    assert {r.reason for r in removed} == {"comments"}


def test_pingbacks_reply_form_and_blog_sidebar() -> None:
    tail = [
        "Trackback: Weekly Sahel round-up | Desert Notes",
        "Leave a comment",
        "Your e-mail will not be shared with anyone. Fields marked * are required.",
        "Name *",
        "Recent posts",
        "Millet prices double in Ségou",
        "Notes from a flooded classroom",
        "About the author",
        "Mariam is a teacher in Sévaré who writes about daily life on the river.",
        "No archives to show.",
    ]
    kept, removed = _clean(_with("bottom", *tail))
    assert kept == BODY
    reasons = [r.reason for r in removed]
    assert reasons == [
        "pingbacks",
        "reply_form",
        "reply_form",
        "reply_form",
        "sidebar",
        "sidebar",
        "sidebar",
        "sidebar",
        "sidebar",
        "empty_widget",
    ]


def test_unrelated_teaser_pasted_into_the_middle_is_an_inserted_ad() -> None:
    ad = "Crypto exchange unveils zero-fee trading for new customers this quarter. Learn more"
    kept, removed = _clean(_with("middle", ad))
    assert kept == BODY
    assert [(r.text, r.reason) for r in removed] == [(ad, "inserted_ad")]


def test_on_topic_labelled_link_is_related_not_an_ad() -> None:
    link = "See also: Mali's rainy season in five charts"
    kept, removed = _clean(_with("middle", link))
    assert kept == BODY
    assert [r.reason for r in removed] == ["related"]


def test_caption_beside_its_credit_and_its_repeat() -> None:
    caption = "Women carry sacks of millet through a flooded street in Mopti."
    credit = "Picture: Ousmane Keita / Sahel Courier"
    paragraphs = [caption, credit, caption, *BODY]
    kept, removed = _clean(paragraphs)
    assert kept == BODY
    assert [(r.text, r.reason) for r in removed] == [
        (caption, "caption"),
        (credit, "photo_credit"),
        (caption, "duplicate"),
    ]


def test_caption_with_credit_in_one_paragraph() -> None:
    caption = "Rescuers pull a boat along a submerged road near Sévaré. (Photo: Sahel Courier)"
    kept, removed = _clean(_with("middle", caption))
    assert kept == BODY
    assert [r.reason for r in removed] == ["caption"]


def test_headline_repeated_above_the_body() -> None:
    kept, removed = _clean([TITLE, *BODY])
    assert kept == BODY
    assert [(r.text, r.reason) for r in removed] == [(TITLE, "headline")]


def test_menu_bar_and_masthead_above_the_body() -> None:
    menu = "Home Mali Niger Burkina Faso Opinion Podcasts"
    masthead = "Sahel Courier | News from the river towns"
    kept, removed = _clean([masthead, menu, *BODY], outlet="Sahel Courier")
    assert kept == BODY
    assert [r.reason for r in removed] == ["site_chrome", "site_chrome"]


# --------------------------------------------------------------------------
# Article text survives


def test_paragraph_quoting_a_tweet_survives() -> None:
    quote = (
        "“Our teams reached Sévaré overnight and need more boats,” the Mali Red Cross said on "
        "Twitter, urging people to follow its updates on local radio."
    )
    attribution = "— Mali Red Cross (@MaliRedCross) August 12, 2024"
    paragraphs = [*BODY[:2], quote, attribution, *BODY[2:]]
    kept, removed = _clean(paragraphs)
    assert kept == paragraphs
    assert removed == []


def test_sentence_mentioning_a_newsletter_survives() -> None:
    mention = (
        "The farmers' cooperative said its monthly newsletter, printed in Bambara and French, "
        "had warned members in June that the dyke near the port was weak."
    )
    paragraphs = [*BODY[:2], mention, *BODY[2:]]
    assert _clean(paragraphs) == (paragraphs, [])


def test_short_one_sentence_body_paragraphs_survive() -> None:
    short = ["More rain is forecast.", "The army has sent two boats.", "Schools are shut."]
    paragraphs = [BODY[0], short[0], BODY[1], short[1], BODY[2], short[2], *BODY[3:]]
    assert _clean(paragraphs) == (paragraphs, [])


def test_list_of_casualties_survives() -> None:
    victims = [
        "Those who drowned include:",
        "Boubacar Cissé, 62, a fisherman",
        "Hawa Diarra, 9, and her brother Adama, 6",
        "Two porters from the old port whose names were not released",
    ]
    paragraphs = [*BODY[:2], *victims, *BODY[2:]]
    assert _clean(paragraphs) == (paragraphs, [])


def test_cue_words_inside_narrative_sentences_survive() -> None:
    tricky = [
        "By Tuesday, the water had reached the steps of the Great Mosque, witnesses said.",
        "Officials urged residents to read more about evacuation routes on the governorate's "
        "website, which they said would be updated every morning while the emergency lasts.",
        "Soldiers were told to follow the river road to Sévaré, a commander said, because the "
        "bridge on the main highway had been declared unsafe.",
        "Residents who watch the river every day said they had never seen it rise so fast, and "
        "several shared videos of the current carrying away market stalls.",
    ]
    paragraphs = [*BODY[:2], *tricky, *BODY[2:]]
    assert _clean(paragraphs) == (paragraphs, [])


def test_dateline_opening_stays_in_the_text() -> None:
    kept, removed = _clean(BODY)
    assert kept[0].startswith("MOPTI, Mali — ")
    assert removed == []


def test_french_article_keeps_its_body() -> None:
    corps = [
        "MOPTI (Mali) — Les eaux du Niger ont envahi dimanche plusieurs quartiers de Mopti, "
        "obligeant des milliers de familles à se réfugier sur les toits, selon les autorités.",
        "Au moins quatorze personnes se sont noyées, a indiqué la protection civile, qui "
        "poursuit les recherches dans les rizières inondées à l'est de la ville.",
        "Les organisations humanitaires craignent une épidémie de choléra dans les camps "
        "installés sur les hauteurs, où l'eau potable manque.",
    ]
    related = "À lire aussi : Au Mali, la saison des pluies inquiète les agriculteurs"
    rights = "© Le Journal du Fleuve 2024"
    kept, removed = _clean([corps[0], related, *corps[1:], rights], title=None)
    assert kept == corps
    assert [r.reason for r in removed] == ["related", "copyright"]


# --------------------------------------------------------------------------
# Glued sentences, order, the stage itself


def test_furniture_sentence_glued_to_a_body_paragraph_is_split_off() -> None:
    glued = BODY[4] + " Follow us on WhatsApp for flood alerts"
    kept, removed = _clean([*BODY[:4], glued])
    assert kept == BODY
    assert [(r.text, r.reason) for r in removed] == [
        ("Follow us on WhatsApp for flood alerts", "social_prompt")
    ]


def test_leading_label_glued_to_a_body_paragraph_is_split_off() -> None:
    glued = "Read more: Dyke repairs stalled for lack of funds. " + BODY[2]
    kept, removed = _clean([*BODY[:2], glued, *BODY[3:]])
    assert kept == BODY
    assert [r.reason for r in removed] == ["related"]


def test_removed_blocks_are_in_document_order() -> None:
    paragraphs = [
        "Jump to navigation",
        "By Aminata Traoré in Bamako",
        *BODY[:2],
        "VIDEO: Drone footage of the flooded market in Mopti",
        *BODY[2:],
        "Share this story via WhatsApp",
        "Copyright © 2024 Sahel Courier Ltd.",
    ]
    kept, removed = _clean(paragraphs)
    assert kept == BODY
    assert [r.text for r in removed] == [p for p in paragraphs if p not in BODY]


def test_sentence_splitter_keeps_abbreviations_and_initials() -> None:
    text = "Lt. Col. A. Keita said the U.S. team left. The boats stayed."
    assert split_sentences(text) == [
        "Lt. Col. A. Keita said the U.S. team left.",
        "The boats stayed.",
    ]


def test_threshold_controls_how_much_goes() -> None:
    weak = "Home Mali Niger Burkina Faso Opinion Podcasts"  # a menu bar: shape evidence only
    strict = clean_paragraphs([weak, *BODY], threshold=0.9)
    loose = clean_paragraphs([weak, *BODY], threshold=0.5)
    assert strict.paragraphs[0] == weak
    assert loose.paragraphs[0] == BODY[0]


def test_clean_text_normalises_white_space_and_joins_with_blank_lines() -> None:
    text = "  Jump to navigation \n\n" + "\n\n".join(BODY).replace("Sunday,", "Sunday,\t ")
    cleaned = clean_text(text, title=TITLE)
    assert cleaned.text == "\n\n".join(BODY)


def test_stage_cleans_articles_and_keeps_earlier_removed_blocks_first() -> None:
    headline = RemovedBlock(text=TITLE, reason="headline", score=1.0)
    article = Article(
        input_sha256="0" * 64,
        position="0",
        source="sahel.txt",
        format="txt",
        text="\n\n".join(["By Aminata Traoré in Bamako", *BODY, "Share this story via WhatsApp"]),
        title=TITLE,
        removed=(headline,),
    )
    stage = get("clean").factory(threshold=0.5, headline="drop")
    out = stage(Corpus(articles=(article,)), StageContext())
    (cleaned,) = out.articles
    assert cleaned.text == "\n\n".join(BODY)
    assert [r.reason for r in cleaned.removed] == ["headline", "byline", "share_prompt"]
    assert cleaned.id == article.id


@pytest.mark.parametrize("threshold", [0.0, 1.0, -0.2, 3])
def test_stage_rejects_a_threshold_outside_0_1(threshold: float) -> None:
    with pytest.raises(ConfigError):
        get("clean").factory(threshold=threshold)


def test_stage_rejects_an_article_that_is_all_furniture() -> None:
    page = Article(
        input_sha256="1" * 64,
        position="3",
        source="widgets.html",
        format="html",
        text="Skip to content\n\nRecent posts\n\nNo comments yet.\n\n© 2024 Sahel Courier",
    )
    out = get("clean").factory()(Corpus(articles=(page,)), StageContext())
    assert out.articles == ()
    (rejection,) = out.rejections
    assert (rejection.reason, rejection.stage, rejection.position) == ("no_text", "clean", "3")
