"""Near-duplicate rules: edited copies are found, template notes and separate reports are not merged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from crawler.dedupe.fingerprint import MAX_NUMBERS, sketch
from crawler.dedupe.near import (
    DEFAULT_PARAMS,
    band_key_matrix,
    band_keys,
    containment,
    figures_differ,
    number_overlap,
    similarity,
)
from crawler.state.sqlite import open_state

FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"
SUBSTITUTES = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8").strip()


def notes() -> list[str]:
    return [part.strip() for part in fixture("template_notes.txt").split("---")]


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def add_boilerplate(text: str) -> str:
    return "\n".join(
        [
            "Subscribe to our Telegram channel to get the news first.",
            text,
            "© 2024 News Agency. Reproduction only with a hyperlink to the source. All rights reserved.",
        ]
    )


def rewrite_lead(text: str) -> str:
    new_lead = (
        "After years of negotiations the two Central Asian neighbours have finally agreed where the "
        "contested frontier runs, officials announced in the Kyrgyz capital."
    )
    return "\n".join([new_lead, *paragraphs(text)[1:]])


def edit_words(every: int) -> Callable[[str], str]:
    """Substitute every n-th word (1/7 = 14%) with a word that is not in the text."""

    def edit(text: str) -> str:
        out = []
        for para in paragraphs(text):
            words = para.split()
            for i in range(every - 1, len(words), every):
                words[i] = SUBSTITUTES[i % len(SUBSTITUTES)] + "x"
            out.append(" ".join(words))
        return "\n".join(out)

    return edit


def append_paragraphs(text: str) -> str:
    update = (
        "Update: the presidential administration said later on Thursday that the ratification debate "
        "would be broadcast live. Border guards of both countries were ordered to avoid any movement "
        "of troops near the disputed villages until the commission completes its work.\n"
        "Local authorities in Batken promised to publish the list of affected households next week."
    )
    return text + "\n" + update


def drop_paragraphs(text: str) -> str:
    return "\n".join(paragraphs(text)[:-2])


def combined(text: str) -> str:
    return edit_words(10)(rewrite_lead(add_boilerplate(text)))


TRANSFORMATIONS: dict[str, Callable[[str], str]] = {
    "boilerplate": add_boilerplate,
    "lead": rewrite_lead,
    "words_14pct": edit_words(7),
    "append": append_paragraphs,
    "drop": drop_paragraphs,
    "lead+words+boilerplate": combined,
}


@pytest.mark.parametrize("name", TRANSFORMATIONS)
def test_each_transformation_is_a_near_duplicate(name: str) -> None:
    original = fixture("article_en.txt")
    copy = TRANSFORMATIONS[name](original)
    assert copy != original
    score = similarity(sketch(copy), sketch(original))
    assert score is not None, name
    assert 0.0 < score < 1.0


@pytest.mark.parametrize("name", TRANSFORMATIONS)
def test_each_transformation_found_by_the_store(tmp_path: Path, name: str) -> None:
    original = fixture("article_en.txt")
    with open_state(tmp_path) as state:
        state.check_and_add("original", "https://a.example/story", original, title="Border treaty signed")
        state.check_and_add("other", "https://a.example/metro", fixture("article_ru.txt"))
        verdict = state.check_and_add(
            "copy", "https://b.example/copy", TRANSFORMATIONS[name](original), title="Another headline entirely"
        )
    assert verdict.kind == "near"
    assert verdict.kept_id == "original"


def test_russian_copy_with_edits_is_found() -> None:
    original = fixture("article_ru.txt")
    copy = edit_words(8)(add_boilerplate(original).replace("ё", "е"))
    assert similarity(sketch(copy), sketch(original)) is not None


def test_template_notes_are_not_merged() -> None:
    sketches = [sketch(note) for note in notes()]
    for i, a in enumerate(sketches):
        for j, b in enumerate(sketches):
            if i != j:
                assert similarity(a, b) is None, (i, j)


def test_template_notes_are_all_new_in_the_store(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        kinds = [
            state.check_and_add(f"note-{i}", f"https://n.example/{i}", note).kind for i, note in enumerate(notes())
        ]
    assert kinds == ["new"] * len(notes())


def test_syndicated_note_with_same_figures_is_found() -> None:
    note = notes()[0]
    copy = "Источник: пресс-служба Нацбанка\n" + note + "\nПодписывайтесь на наш Telegram-канал."
    assert similarity(sketch(copy), sketch(note)) is not None
    assert not figures_differ(sketch(copy), sketch(note))


def test_figures_differ_on_template_notes() -> None:
    first, second = sketch(notes()[0]), sketch(notes()[1])
    count, overlap = number_overlap(first.numbers, second.numbers)
    assert count >= DEFAULT_PARAMS.min_numbers
    assert overlap < DEFAULT_PARAMS.min_number_overlap
    assert figures_differ(first, second)


def test_number_overlap_on_complete_and_truncated_samples() -> None:
    def sample(values: list[int]) -> bytes:
        return np.array(sorted(values), dtype="<u4").tobytes()

    # Complete samples are compared whole, whatever their largest values.
    assert number_overlap(sample([1, 2, 3, 4]), sample([1, 2, 3, 4, 900, 1000])) == (4, 1.0)
    assert number_overlap(sample([1, 2, 50, 60]), sample([1, 2, 3, 4, 5])) == (4, 0.5)
    # A truncated sample (MAX_NUMBERS smallest hashes) only speaks for values up to its largest one.
    truncated = sample(list(range(10, 10 + MAX_NUMBERS)))
    assert number_overlap(truncated, sample([10, 11, 12, 5000])) == (3, 1.0)
    assert number_overlap(b"", sample([1, 2])) == (0, 1.0)


def test_separate_reports_of_one_event_are_not_merged() -> None:
    a, b = sketch(fixture("event_report_a.txt")), sketch(fixture("event_report_b.txt"))
    assert similarity(a, b) is None
    assert similarity(b, a) is None


def test_unrelated_articles_are_not_merged() -> None:
    assert similarity(sketch(fixture("article_en.txt")), sketch(fixture("article_ru.txt"))) is None


def test_short_bodies_are_never_near_duplicates() -> None:
    assert similarity(sketch("Watch the video of the day."), sketch("Watch the video of the day.")) is None


def test_containment_estimate() -> None:
    # B holds all of A (100 shingles) plus 100 more: J = 0.5, containment of A = 1.
    assert containment(0.5, 100, 200) == pytest.approx(1.0)
    assert containment(0.0, 100, 200) == 0.0
    assert containment(0.5, 0, 200) == 0.0


def test_band_keys_are_stable_non_negative_and_band_specific() -> None:
    sk = sketch(fixture("article_en.txt"))
    keys = band_keys(sk.signature)
    assert len(keys) == DEFAULT_PARAMS.bands
    assert len(set(keys)) == len(keys)
    assert all(0 <= key < 2**63 for key in keys)
    assert keys == band_keys(sketch(fixture("article_en.txt")).signature)
    # Identical rows in two different bands still give two different keys.
    same_rows = bytes(4 * 128)
    assert len(set(band_keys(same_rows))) == DEFAULT_PARAMS.bands


def test_band_key_matrix_matches_single_keys() -> None:
    sigs = [sketch(fixture(name)).signature for name in ("article_en.txt", "article_ru.txt")]
    matrix = band_key_matrix(np.frombuffer(b"".join(sigs), dtype="<u4").reshape(2, -1))
    assert matrix.tolist() == [band_keys(sig) for sig in sigs]
