"""Seeded generators for the dedupe evaluation: distinct documents, edited copies and template notes."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

WORD_RE = re.compile(r"\S+")
PARAGRAPH_SPLIT_RE = re.compile(r"\n+")

# Lines a republishing site adds or swaps around a syndicated story (several languages, as in the corpora).
BOILERPLATE = (
    "Subscribe to our Telegram channel to get the latest news first.",
    "Follow us on Facebook, Instagram and X for more updates.",
    "Photo: press service of the akimat",
    "Read also: the most important news of the day in one digest",
    "© 2024 All rights reserved. Reproduction only with an active hyperlink to the source.",
    "If you found a typo, select it and press Ctrl+Enter.",
    "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости.",
    "Фото: пресс-служба акимата города",
    "Читайте также: главные новости дня в одном обзоре",
    "При полном или частичном использовании материалов ссылка на источник обязательна.",
    "Мы в соцсетях: Facebook, Instagram, YouTube",
    "Telegram kanalimizga obuna boʻling va yangiliklardan xabardor boʻling.",
    "Folgen Sie uns auf Facebook und Instagram.",
    "Lesen Sie auch: Die wichtigsten Nachrichten des Tages im Überblick",
    "Mehr zum Thema finden Sie in unserem Newsletter, jetzt kostenlos abonnieren.",
)
TRANSFORMS = ("boilerplate", "lead", "words", "append", "drop", "headline")


@dataclass
class Doc:
    """One document of the evaluation stream."""

    doc_id: str
    title: str
    body: str
    group: str  # documents sharing a group are duplicates of each other; a singleton group is distinct
    kind: str  # "distinct", "original", "copy" or "note"
    publisher: str = ""
    origin: str = ""  # the corpus page a distinct part came from (parts of one page are same-topic negatives)
    transforms: list[str] = field(default_factory=list)


def words(text: str) -> list[str]:
    """Whitespace-separated words, punctuation attached (what an editor edits)."""
    return WORD_RE.findall(text)


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs of an extracted text."""
    return [p.strip() for p in PARAGRAPH_SPLIT_RE.split(text) if p.strip()]


def split_parts(text: str, rng: random.Random, min_words: int, max_words: int) -> list[str]:
    """Cut a text into consecutive, disjoint runs of whole paragraphs of min..max words.

    A paragraph longer than max_words is cut at a word boundary. The tail shorter than min_words is
    dropped, so every part is a distinct text of realistic news length.
    """
    pieces: list[str] = []
    for para in paragraphs(text):
        tokens = words(para)
        while len(tokens) > max_words:
            pieces.append(" ".join(tokens[:max_words]))
            tokens = tokens[max_words:]
        if tokens:
            pieces.append(" ".join(tokens))
    parts: list[str] = []
    current: list[str] = []
    size = 0
    target = rng.randint(min_words, max_words)
    for piece in pieces:
        current.append(piece)
        size += len(words(piece))
        if size >= target:
            parts.append("\n".join(current))
            current, size = [], 0
            target = rng.randint(min_words, max_words)
    return parts


def edit_words(text: str, rate: float, vocabulary: Sequence[str], rng: random.Random, max_run: int) -> str:
    """Substitute, insert or delete about rate x len(words) words, in runs of 1..max_run words.

    Paragraph breaks are kept. New words come from the vocabulary of other documents, so every edit
    really changes the token stream.
    """
    paras = [words(p) for p in paragraphs(text)]
    total = sum(len(p) for p in paras)
    budget = max(1, round(total * rate))
    while budget > 0:
        para = rng.choice([p for p in paras if p] or paras)
        run = min(budget, rng.randint(1, max_run))
        pos = rng.randrange(max(1, len(para)))
        operation = rng.choice(("substitute", "insert", "delete"))
        if operation == "substitute" or (operation == "delete" and len(para) <= run + 3):
            para[pos : pos + run] = [rng.choice(vocabulary) for _ in range(run)]
        elif operation == "insert":
            para[pos:pos] = [rng.choice(vocabulary) for _ in range(run)]
        else:
            del para[pos : pos + run]
        budget -= run
    return "\n".join(" ".join(p) for p in paras if p)


def rewrite_lead(text: str, vocabulary: Sequence[str], rng: random.Random) -> str:
    """A changed lead: the first paragraph is rewritten (half its words new, the rest reordered)."""
    paras = paragraphs(text)
    lead = words(paras[0])
    kept = [w for w in lead if rng.random() < 0.5]
    rng.shuffle(kept)
    fresh = [rng.choice(vocabulary) for _ in range(len(lead) - len(kept))]
    new_lead = kept + fresh
    rng.shuffle(new_lead)
    return "\n".join([" ".join(new_lead), *paras[1:]])


def change_boilerplate(text: str, rng: random.Random) -> str:
    """Another site's boilerplate: 1-3 lines added at the top and/or bottom."""
    paras = paragraphs(text)
    lines = rng.sample(BOILERPLATE, rng.randint(1, 3))
    where = rng.choice(("top", "bottom", "both"))
    head = lines[:1] if where in ("top", "both") else []
    tail = lines[len(head) :] if where != "top" else lines[1:]
    return "\n".join([*head, *paras, *tail])


def append_paragraphs(text: str, donor: str, rng: random.Random) -> str:
    """An update: 1-3 paragraphs (at most half the original length) added at the end."""
    paras = paragraphs(text)
    limit = max(20, len(words(text)) // 2)
    extra: list[str] = []
    for para in paragraphs(donor)[: rng.randint(1, 3)]:
        if sum(len(words(p)) for p in extra) + len(words(para)) > limit:
            para = " ".join(words(para)[: max(0, limit - sum(len(words(p)) for p in extra))])
        if para:
            extra.append(para)
    return "\n".join(paras + extra)


def drop_paragraphs(text: str, rng: random.Random) -> str:
    """A cut copy: paragraphs dropped at the end, at most a third of the words."""
    paras = paragraphs(text)
    total = len(words(text))
    kept = list(paras)
    while len(kept) > 1 and sum(len(words(p)) for p in kept[:-1]) >= total * 2 / 3 and rng.random() < 0.7:
        kept.pop()
    if len(kept) == len(paras):
        all_words = words(text)  # one paragraph: cut its last sentences' worth of words instead
        return " ".join(all_words[: max(1, round(len(all_words) * rng.uniform(0.7, 0.9)))])
    return "\n".join(kept)


def make_copy(
    original: Doc, copy_id: str, vocabulary: Sequence[str], donor: str, rng: random.Random, max_run: int
) -> Doc:
    """An edited copy of original: 1-3 transformations, word edits at a rate drawn up to 15%."""
    chosen = rng.sample(TRANSFORMS, rng.choice((1, 1, 2, 2, 3)))
    if "append" in chosen and "drop" in chosen:
        chosen.remove("drop")
    body, title = original.body, original.title
    labels: list[str] = []
    for name in TRANSFORMS:  # fixed order: structural changes first, word edits last
        if name not in chosen:
            continue
        if name == "lead" and len(paragraphs(body)) > 1 and len(words(paragraphs(body)[0])) * 3 <= len(words(body)):
            body = rewrite_lead(body, vocabulary, rng)
        elif name == "append":
            body = append_paragraphs(body, donor, rng)
        elif name == "drop":
            body = drop_paragraphs(body, rng)
        elif name == "boilerplate":
            body = change_boilerplate(body, rng)
        elif name == "words":
            rate = rng.uniform(0.03, 0.15)
            body = edit_words(body, rate, vocabulary, rng, max_run)
            name = f"words{round(rate * 100):02d}"
        elif name == "headline":
            title = " ".join(rng.sample(vocabulary, 8))
        else:
            continue
        labels.append(name)
    if not labels:  # the only choice was a lead change on a one-paragraph text
        body = change_boilerplate(body, rng)
        labels.append("boilerplate")
    return Doc(copy_id, title, body, original.group, "copy", original.publisher, original.origin, labels)


# Daily notes published from one template with other figures, places and dates: distinct reports.
NOTE_TEMPLATES = (
    "Национальный банк Казахстана установил официальный курс доллара США на {day} {month_ru} {year} года на "
    "уровне {a}.{b} тенге. По сравнению с предыдущим днем курс изменился на {c}.{d} тенге. Курс евро составил "
    "{e}.{f} тенге, российского рубля {g}.{h} тенге. По итогам утренней сессии на Казахстанской фондовой бирже "
    "средневзвешенный курс доллара составил {i}.{j} тенге, объем торгов {k} миллионов долларов, число сделок "
    "{l}. Аналитики отмечают, что на динамику курса влияют цены на нефть марки Brent, которые сегодня "
    "составляют {m}.{n} доллара за баррель.",
    "The Central Bank of Uzbekistan has set the official exchange rate of the US dollar at {a}{b}.{c} soums "
    "for {day} {month_en} {year}, a change of {d}.{e} soums from the previous day. The euro was set at {f}{g}.{h} "
    "soums and the Russian ruble at {i}.{j} soums. On the Uzbek Republican Currency Exchange, {k} deals worth "
    "{l}.{m} million dollars were concluded during the session. Commercial banks in {city_en} bought dollars "
    "at {n}{o} soums and sold them at {p}{q} soums on average.",
    "Синоптики Казгидромета рассказали о погоде в городе {city_ru} на {day} {month_ru}. Днем ожидается от "
    "{a} до {b} градусов тепла, ночью от {c} до {d} градусов. Ветер {wind_ru}, {e}-{f} метров в секунду, "
    "порывами до {g} метров в секунду. Атмосферное давление {h} миллиметров ртутного столба, влажность "
    "воздуха {i} процентов. Вероятность осадков {j} процентов. В горных районах области температура "
    "понизится до {k} градусов, на перевалах ожидается гололед.",
    "Weather forecast for {city_en} on {day} {month_en}: daytime temperatures will reach {a} to {b} degrees "
    "Celsius, falling to {c} to {d} degrees at night. A {wind_en} wind of {e} to {f} metres per second is "
    "expected, with gusts up to {g}. Air humidity will be around {i} percent and the chance of rain is {j} "
    "percent. Forecasters said the air quality index stood at {k} in the morning and advised residents "
    "with respiratory problems to limit time outdoors.",
    "Средняя стоимость бензина марки АИ-92 в {city_ru} на {day} {month_ru} {year} года составила {a} тенге за "
    "литр, что на {b} тенге больше, чем неделей ранее. Бензин АИ-95 продается по {c} тенге, дизельное "
    "топливо по {d} тенге за литр. Сжиженный газ подорожал до {e} тенге. За месяц цены выросли в среднем на "
    "{f}.{g} процента. Всего в области работают {h} автозаправочных станций, проверки провели на {i} из них.",
    "The KASE Index closed at {a}{b}.{c} points on {day} {month_en} {year}, {d}.{e} percent above the previous "
    "close. Trading volume reached {f}.{g} billion tenge across {h} deals. Shares of Kazatomprom rose {i}.{j} "
    "percent to {k}{l} tenge, while Halyk Bank gained {m}.{n} percent. The dollar traded at {o}{p}.{q} tenge "
    "on the exchange in {city_en}.",
)
MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
CITIES_RU = ("Алматы", "Астане", "Шымкенте", "Караганде", "Актобе", "Таразе", "Павлодаре", "Костанае")
CITIES_EN = ("Tashkent", "Samarkand", "Bukhara", "Almaty", "Astana", "Bishkek", "Osh", "Dushanbe")
WINDS_RU = ("северный", "южный", "западный", "восточный", "северо-западный", "юго-восточный")
WINDS_EN = ("northern", "southern", "western", "eastern", "north-westerly", "south-easterly")
NOTE_FIELDS = "abcdefghijklmnopq"


def template_notes(per_template: int, rng: random.Random) -> list[Doc]:
    """per_template notes from each template, each with fresh figures, a date and a city."""
    notes: list[Doc] = []
    for number, template in enumerate(NOTE_TEMPLATES):
        for index in range(per_template):
            values: dict[str, object] = {name: rng.randint(1, 99) for name in NOTE_FIELDS}
            month = rng.randrange(len(MONTHS_RU))
            values.update(
                day=rng.randint(1, 28),
                month_ru=MONTHS_RU[month],
                month_en=MONTHS_EN[month],
                year=rng.choice((2023, 2024, 2025)),
                city_ru=rng.choice(CITIES_RU),
                city_en=rng.choice(CITIES_EN),
                wind_ru=rng.choice(WINDS_RU),
                wind_en=rng.choice(WINDS_EN),
            )
            body = template.format(**values)
            note_id = f"note-{number}-{index}"
            notes.append(Doc(note_id, body.split(".")[0][:80], body, note_id, "note", f"template-{number}"))
    return notes
