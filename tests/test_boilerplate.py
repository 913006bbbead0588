"""Tests of boilerplate removal: each family, in the region's languages, and prose that must survive."""

import lxml.html
import pytest

from crawler.text.boilerplate import clean_paragraphs, prune_furniture

PROSE = [
    "Law enforcement authorities in Kyrgyzstan arrested an employee of a cultural agency and three others "
    "on charges of recruiting locals, media reported on Tuesday.",
    "A court in Bishkek placed the suspect in pre-trial detention until June 17 on charges of mercenary "
    "activities, according to the court's press service.",
    "Правительство Узбекистана утвердило программу развития Ферганской долины на 2026–2030 годы, сообщает "
    "пресс-служба кабинета министров.",
    "Ҳукумат барномаи рушди минтақаро барои солҳои оянда тасдиқ кард ва маблағгузориро зиёд намуд.",
]


@pytest.mark.parametrize(
    "noise",
    [
        "Read also: Kyrgyzstan opens new border post",
        "Читайте также: В Бишкеке открыли новый парк",
        "Тақырыпқа қатысты: Астанада жаңа мектеп ашылды",
        "Тақырыпка тиешелүү: Бишкекте жаңы парк ачылды",
        "Mavzuga oid: Toshkentda yangi maktab ochildi",
        "Shuningdek oʻqing: Samarqandda festival",
        "Мавзуга оид: Тошкентда янги мактаб очилди",
        "Şeýle hem okaň: Aşgabatda täze mekdep açyldy",
        "#Kyrgyzstan #Arrests #Russian #Cultural",
        "Optimized by Optimole",
        "Share on Facebook Tweet Telegram WhatsApp",
        "Поделиться: ВКонтакте Telegram WhatsApp",
        "We use cookies to improve your experience. By continuing to browse you agree.",
        "Мы используем файлы cookie для улучшения работы сайта.",
        "Фото: Иван Петров / Вести",
        "Photo: Reuters",
        "© 2026 Вести Долины. Все права защищены.",
        "Copyright 2026 Steppe Times. All rights reserved.",
        "Subscribe to our newsletter for the daily briefing",
        "Подписывайтесь на наш Telegram-канал",
        "Continue",
        "Not ready to support today?",
        "Remind me later.",
    ],
)
def test_noise_paragraph_dropped(noise: str) -> None:
    assert clean_paragraphs([PROSE[0], PROSE[1], noise, PROSE[2]]) == [PROSE[0], PROSE[1], PROSE[2]]


def test_trailing_donation_appeal_cut() -> None:
    appeal = ["A Message from The Moscow Times:", "Dear readers,", "We are facing unprecedented challenges.",
              "Your support, no matter how small, makes a world of difference. Please support us monthly.",
              "Continue", "paiment methods"]
    assert clean_paragraphs(PROSE + appeal) == PROSE


def test_russian_appeal_cut() -> None:
    appeal = ["Уважаемые читатели,", "Мы работаем благодаря вашей поддержке. Поддержите нас пожертвованием."]
    assert clean_paragraphs(PROSE + appeal) == PROSE


def test_prose_mentioning_donations_survives() -> None:
    report = ("The foundation said donations from abroad helped rebuild 40 schools in the Fergana Valley after the "
              "floods, and that it would publish an audit of every contribution received since March, together with "
              "the list of contractors, the costs of each project and the dates on which the work was completed.")
    assert clean_paragraphs([PROSE[0], report, PROSE[1]]) == [PROSE[0], report, PROSE[1]]


def test_per_source_phrases_and_cut_after() -> None:
    paragraphs = [*PROSE, "Steppe Times needs you", "Join our club"]
    assert clean_paragraphs(paragraphs, cut_after=("Steppe Times needs you",)) == PROSE
    assert clean_paragraphs([*PROSE, "Join our club today"], phrases=("join our club",)) == PROSE


def test_repeated_short_lines_removed_once() -> None:
    assert clean_paragraphs([PROSE[0], "Короткая строка", "Короткая строка", PROSE[1]]) == \
        [PROSE[0], "Короткая строка", PROSE[1]]


def test_dom_pruning_keeps_article() -> None:
    html = f"""<html><body><nav>Home News</nav><article class="post">
    <div class="entry-content">{''.join(f'<p>{p}</p>' for p in PROSE)}
    <div class="share-bar"><a>Share on Facebook</a></div>
    <p><strong>Read also:</strong> <a href="/x">Another story</a></p>
    <div class="related-posts"><a href="/y">Related</a></div>
    <div class="donation-box"><h3>Support us</h3><p>Donate</p></div>
    <div id="cookie-notice">We use cookies</div></div></article>
    <aside class="sidebar"><a href="/z">Most read</a></aside></body></html>"""
    doc = lxml.html.document_fromstring(html)
    prune_furniture(doc)
    text = doc.text_content()
    assert all(p in text for p in PROSE)
    for gone in ("Share on Facebook", "Read also", "Another story", "Related", "Donate", "We use cookies",
                 "Most read", "Home News"):
        assert gone not in text


def test_dom_pruning_spares_a_body_with_a_furniture_class() -> None:
    paragraphs = "".join(f"<p>{p} {p}</p>" for p in PROSE)
    doc = lxml.html.document_fromstring(f'<html><body><div class="content share-enabled widget">{paragraphs}'
                                        "</div></body></html>")
    prune_furniture(doc)
    assert PROSE[0] in doc.text_content()
