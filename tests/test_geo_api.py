"""The public API of crawler.geo: shape, ordering by weight, relevance behaviour, speed."""

from __future__ import annotations

import dataclasses
import statistics
import time

import pytest

from crawler.geo import RELEVANCE_THRESHOLD_DEFAULT, GeoTags, tag_text

FILLER = ("The committee met on Tuesday to review the annual budget and discussed several proposals "
          "for new parks, school repairs and public transport, and members asked for more data. ")
LONG_BODY = FILLER * 20  # about 500 words with no place in them


def test_geotags_shape() -> None:
    tags = tag_text("Kazakhstan and Uzbekistan sign deal", "Talks in Tashkent", "Officials met in Astana.")
    assert isinstance(tags, GeoTags)
    assert [f.name for f in dataclasses.fields(GeoTags)] == ["countries", "places", "relevance"]
    assert isinstance(tags.countries, tuple) and isinstance(tags.places, tuple)
    assert all(isinstance(c, str) and len(c) == 2 for c in tags.countries)
    assert set(tags.countries) <= {"KZ", "KG", "TJ", "TM", "UZ"}
    assert 0.0 <= tags.relevance <= 1.0


def test_geotags_is_frozen() -> None:
    tags = tag_text(None, None, "Bishkek")
    with pytest.raises(dataclasses.FrozenInstanceError):
        tags.relevance = 0.0  # type: ignore[misc]


def test_empty_input() -> None:
    assert tag_text(None, None, None) == GeoTags((), (), 0.0)
    assert tag_text("", "", "") == GeoTags((), (), 0.0)


def test_language_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        tag_text("a", "b", "c", "ru")  # type: ignore[misc]


def test_threshold_is_a_probability() -> None:
    assert 0.0 < RELEVANCE_THRESHOLD_DEFAULT < 1.0


def test_countries_ordered_by_weight() -> None:
    tags = tag_text(None, None, "Uzbekistan and Tashkent. Uzbekistan again. Kazakhstan once.")
    assert tags.countries == ("UZ", "KZ")


def test_title_outweighs_body() -> None:
    tags = tag_text("Kyrgyzstan votes", None, "Observers came from Tajikistan and Tajikistan's capital Dushanbe.")
    assert tags.countries[0] == "KG"


def test_places_include_countries_and_are_ordered() -> None:
    tags = tag_text("Floods in Osh", None, "Kyrgyzstan asked for help. Osh and Osh again.")
    assert tags.places[0] == "Osh"
    assert "Kyrgyzstan" in tags.places


def test_title_naming_a_place_is_about_the_region() -> None:
    assert tag_text("Protests in Almaty", None, LONG_BODY).relevance >= 0.95


def test_one_passing_mention_in_a_long_article_is_low() -> None:
    body = LONG_BODY + "Exports went to India, Kazakhstan and Morocco. " + LONG_BODY
    assert tag_text("City budget approved", None, body).relevance < RELEVANCE_THRESHOLD_DEFAULT


def test_several_body_mentions_are_high() -> None:
    body = ("Kazakhstan raised rates. The bank in Astana said prices in Almaty rose. " + FILLER) * 2
    assert tag_text("Central bank raises rates", None, body).relevance >= RELEVANCE_THRESHOLD_DEFAULT


def test_relevance_monotonic_in_title_and_lead() -> None:
    body = LONG_BODY + "Bishkek was mentioned once."
    none = tag_text("Budget news", "A report", body).relevance
    lead = tag_text("Budget news", "A report from Bishkek", body).relevance
    title = tag_text("Budget news from Bishkek", "A report", body).relevance
    both = tag_text("Budget news from Bishkek", "A report from Bishkek", body).relevance
    assert none < lead < title <= both


def test_relevance_grows_with_body_mentions() -> None:
    scores = [tag_text(None, None, LONG_BODY + " Tashkent." * n).relevance for n in range(4)]
    assert scores == sorted(scores) and scores[0] == 0.0 and scores[3] > scores[1]


def test_enumeration_of_countries_is_a_passing_mention() -> None:
    listed = tag_text(None, None, FILLER + "Peru, Kazakhstan and Morocco grew fast.").relevance
    topic = tag_text(None, None, FILLER + "Kazakhstan grew fast this year.").relevance
    assert listed < topic


def test_speed_per_3kb_article() -> None:
    text = ("В Бишкеке и Алма-Ате прошли встречи. Toshkentda va Qazaqstanda yangiliklar. "
            "Officials in Dushanbe met partners from Ashgabat. " + FILLER) * 12
    text = text.encode()[:3000].decode(errors="ignore")
    tag_text(None, None, text)  # loads the gazetteer
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        tag_text("Title", "Lead", text)
        runs.append(time.perf_counter() - start)
    # The target is 2 ms; the bound leaves room for a busy shared test machine.
    assert statistics.median(runs) < 0.02
