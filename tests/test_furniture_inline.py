"""Furniture glued inside one paragraph (text scraped without its line breaks).

Every text here is written for these tests (a made-up outlet covering floods
on a made-up river), not taken from any evaluation set.
"""

from __future__ import annotations

import pytest

from crosswire.clean.furniture import clean_text
from crosswire.clean.inline import cut_inline, find_cuts

LEDE = (
    "Floodwater from the Varna river swept through three villages on Sunday and forced "
    "hundreds of families onto higher ground, the regional governor said."
)
MORE = (
    "Rescue teams in boats were still searching the flooded fields east of the town for two "
    "fishermen reported missing since the dyke gave way near the old port."
)


def _rules(text: str) -> list[str]:
    return [cut.rule for cut in find_cuts(text)]


@pytest.mark.parametrize(
    ("head", "kept"),
    [
        ("Mon 03 Mar 2025 at 0915", "Mon 03 Mar 2025"),
        ("Tuesday 4 March 2025 14:28", "Tuesday 4 March 2025"),
        ("March 4 2025 1849 UTC+3", "March 4 2025"),
        ("04.03.2025(updated 1500 04.03.2025)", "04.03.2025"),
    ],
)
def test_a_clock_after_the_heading_date_goes_and_the_date_stays(head: str, kept: str) -> None:
    text, removed = cut_inline(f"{head} {LEDE}")
    assert text == f"{kept} {LEDE}"
    assert [b.reason for b in removed] == ["updated_stamp"]


def test_a_four_digit_count_after_a_date_is_not_a_clock() -> None:
    text = "March 4 2025 2000 families fled the Varna valley as the river rose, officials said."
    assert cut_inline(text) == (text, [])


def test_a_stamp_standing_alone_is_left_to_the_paragraph_scorer() -> None:
    assert find_cuts("Updated: March 4 2025 at 09:42") == []


def test_a_share_bar_and_its_counters_go_but_a_number_opening_the_lede_stays() -> None:
    text, removed = cut_inline(f"Varna floods Print Tweet Views 912 {LEDE}")
    assert text == f"Varna floods {LEDE}"
    assert removed[0].text == "Print Tweet Views 912"
    text, _removed = cut_inline("Get short URL 0 35 people drowned in the Varna floods on Sunday.")
    assert text == "35 people drowned in the Varna floods on Sunday."


def test_one_network_name_in_prose_is_not_a_share_bar() -> None:
    text = "The Varna Today Facebook page posted photos of the flooded square on Sunday."
    assert find_cuts(text) == []


def test_a_tag_list_between_standfirst_and_lede_is_cut_to_the_lede() -> None:
    text = f"Three villages flooded. Tags Varna floods Mirel dyke rescue Two fishermen are {MORE}"
    cleaned, removed = cut_inline(text)
    assert [b.text for b in removed] == ["Tags Varna floods Mirel dyke rescue"]
    assert cleaned.startswith("Three villages flooded. Two fishermen are")


def test_a_tag_list_ends_at_the_capitalised_word_before_the_first_function_word() -> None:
    text = f"Villages flooded. Tags Varna floods Mirel Government boats reached the town of {MORE}"
    assert cut_inline(text)[1][0].text == "Tags Varna floods Mirel"


def test_a_tag_list_with_no_plain_end_is_left_alone() -> None:
    # "boats arrived Mirel dam in": a verb before the capital, so the sentence began earlier.
    text = f"Villages flooded. Tags Varna floods Mirel boats arrived Mirel dam in the {MORE}"
    assert "tag_list" not in _rules(text)


def test_tags_inside_a_sentence_are_prose() -> None:
    text = f"{LEDE} Rangers fitted Tags to the collars of the herd before the water rose."
    assert find_cuts(text) == []


def test_a_related_list_is_cut_only_up_to_an_opener_followed_by_prose() -> None:
    headlines = "Varna dam to reopen Storm hits Mirel coast Ministry denies aid delay"
    text = f"Floods in Varna. Related {headlines} At least 14 people {MORE}"
    cleaned, removed = cut_inline(text)
    assert removed[0].text == f"Related {headlines}"
    assert cleaned.startswith("Floods in Varna. At least 14 people")


def test_a_page_foot_after_a_label_goes_to_the_end() -> None:
    foot = (
        "Related News Varna dam to reopen | Storm hits Mirel coast Follow us on Instagram "
        "Subscribe to our channel Copyright 2025 Varna Post. Privacy Policy Terms of Use"
    )
    cleaned, removed = cut_inline(f"{LEDE} {MORE} {foot}")
    assert cleaned == f"{LEDE} {MORE}"
    assert [(b.reason, b.text) for b in removed] == [("site_chrome", foot)]


def test_one_footer_phrase_in_the_story_does_not_end_it() -> None:
    text = f"{LEDE} Related News reached the town late. Subscribe readers were told to wait. {MORE}"
    assert "footer_tail" not in _rules(text)


def test_an_agency_credit_glued_after_the_last_stop_goes() -> None:
    text, removed = cut_inline(f"{LEDE} {MORE}-AFP")
    assert text == f"{LEDE} {MORE}"
    assert [(b.reason, b.text) for b in removed] == [("source_stamp", "-AFP")]


def test_clean_text_records_inline_cuts_and_keeps_the_story() -> None:
    text = f"Mon 03 Mar 2025 at 0915 {LEDE} Tags Varna floods Mirel Two fishermen are {MORE}"
    cleaned = clean_text(text)
    assert cleaned.text == f"Mon 03 Mar 2025 {LEDE} Two fishermen are {MORE}"
    assert [b.reason for b in cleaned.removed] == ["updated_stamp", "sidebar"]


def test_a_paragraph_that_is_only_a_share_bar_is_removed_whole() -> None:
    cleaned = clean_text(f"{LEDE}\n\nFacebook Twitter WhatsApp Email\n\n{MORE}")
    assert cleaned.paragraphs == (LEDE, MORE)
    assert [b.text for b in cleaned.removed] == ["Facebook Twitter WhatsApp Email"]


def test_a_page_foot_after_a_credit_goes_even_without_a_sentence_break() -> None:
    foot = "Related News Varna dam to reopen Follow us on Instagram Copyright 2025 Varna Post"
    cleaned, _removed = cut_inline(f"{LEDE} Source agencies {foot}")
    assert cleaned == f"{LEDE} Source agencies"


def test_a_bracketed_image_prompt_goes() -> None:
    text, removed = cut_inline(f"{LEDE} [Click to enlarge] {MORE}")
    assert text == f"{LEDE} {MORE}"
    assert [b.reason for b in removed] == ["site_chrome"]


def test_a_photo_credit_and_teaser_before_a_dateline_go_and_the_dateline_stays() -> None:
    teaser = "AP Photo Jane Roe Storm Hits Mirel Coast as Dam Holds"
    text, removed = cut_inline(f"{LEDE} {teaser} MIREL (Varna Post) {MORE}")
    assert text == f"{LEDE} MIREL (Varna Post) {MORE}"
    assert [(b.reason, b.text) for b in removed] == [("photo_credit", teaser)]


def test_a_credit_word_in_prose_before_a_dateline_is_kept() -> None:
    text = f"{LEDE} Reuters reported that the dam held. MIREL (Varna Post) {MORE}"
    assert find_cuts(text) == []


def test_editors_initials_closing_the_text_go() -> None:
    for initials in ("K.L/ M. Roe", "KLMB"):
        text, removed = cut_inline(f"{LEDE} {MORE} {initials}")
        assert text == f"{LEDE} {MORE}"
        assert [b.text for b in removed] == [initials]


def test_a_capitalised_participle_opening_the_lede_is_kept() -> None:
    text = f"Villages flooded. Tags Varna floods Mirel Suspected Mirel saboteurs and their {MORE}"
    assert cut_inline(text)[1][0].text == "Tags Varna floods Mirel"
