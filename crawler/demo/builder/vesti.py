"""Vesti Doliny pages: an old-school windows-1251 Russian site with paginated listings, no feed, no JSON-LD."""
# ruff: noqa: E501 - the templates keep the CMS's long markup lines intact, as the real pages have them

from __future__ import annotations

import fnmatch
from datetime import datetime

from crawler.demo.builder.common import Rendered, esc
from crawler.demo.builder.story import Story, paragraph_html

PREFIX = "/vesti/"
ENCODING = "windows-1251"
PER_PAGE = 4
SITE_NAME = "Вести Долины"
READ_ALSO = "Читайте также:"
SHARE = "Поделиться:"
SHARE_SITES = ("ВКонтакте", "Одноклассники", "Telegram", "WhatsApp")
DONATE_HEADING = "Поддержите редакцию"
DONATE_TEXT = ("«Вести Долины» — независимое издание, которое живёт на пожертвования читателей. Даже небольшая "
               "сумма помогает нам ездить в районы и рассказывать о том, о чём молчат другие.")
DONATE_BUTTON = "Поддержать"
COPYRIGHT = "© 2026 Вести Долины. Все права защищены."
REPRINT = "При перепечатке материалов ссылка на «Вести Долины» обязательна."
FICTION = "«Вести Долины» — вымышленное издание демонстрационного сайта для проверки краулера."
SOURCE_LABEL = "Источник:"
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")
# Which pages the server sends without a charset parameter (only their <meta> tells); first match wins.
# build_site writes these as site/vesti/.charset, the rule file the server reads.
CHARSET_RULES = (
    ("news/*[13579].html", "none"),
    ("news/page/[24]/index.html", "none"),
    ("contacts.html", "none"),
    ("*", ENCODING),
)
ABOUT = ("«Вести Долины» — региональное издание о Ферганской долине: Андижан, Наманган, Фергана, Ош, "
         "Джалал-Абад, Баткен, Худжанд и Исфара. Мы пишем об экономике, воде, границах, погоде, культуре и "
         "спорте.", "Редакция работает в Худжанде, корреспонденты — в Оше, Фергане и Андижане.", FICTION)
CONTACTS = ("Адрес редакции: г.\u00a0Худжанд, ул.\u00a0Ленина, д.\u00a045, офис №\u00a012.",
            "Телефон: +992 92 700-00-00. Электронная почта: redakciya@vesti-doliny.example.")

BOILERPLATE_STRINGS: tuple[str, ...] = (READ_ALSO, SHARE, *SHARE_SITES, DONATE_HEADING, DONATE_TEXT, DONATE_BUTTON,
                                        COPYRIGHT, REPRINT, FICTION, SOURCE_LABEL)


def charset_rules_file() -> str:
    lines = ["# glob (relative to this folder)  charset, or `none` to send no charset (the page's <meta> decides)"]
    lines += [f"{pattern} {charset}" for pattern, charset in CHARSET_RULES]
    return "\n".join(lines) + "\n"


def sends_charset(site_path: str) -> bool:
    relative = site_path.removeprefix(PREFIX)
    return next(c for p, c in CHARSET_RULES if fnmatch.fnmatchcase(relative, p)) != "none"


def human_date(when: datetime) -> str:
    return f"{when.day}\u00a0{MONTHS[when.month - 1]} {when.year}, {when:%H:%M}"


def layout(title: str, main: str, site_path: str, sidebar: list[Story], description: str = "") -> str:
    """Table layout of the 2000s. Pages the server labels get http-equiv; the others only `<meta charset>`."""
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={ENCODING}">' if sends_charset(site_path)
            else f'<meta charset="{ENCODING}">')
    popular = "".join(f'<li><a href="{s.path}">{esc(s.title)}</a></li>' for s in sidebar)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
{meta}
<title>{esc(title)}</title>
<meta name="description" content="{esc(description)}">
<link rel="stylesheet" type="text/css" href="/vesti/css/style.css">
</head>
<body bgcolor="#ffffff">
<table width="100%" border="0" cellpadding="0" cellspacing="0" class="layout">
<tr><td colspan="2" class="header"><a href="/vesti/"><b>{SITE_NAME}</b></a> — новости Ферганской долины
<div class="menu"><a href="/vesti/">Главная</a> | <a href="/vesti/news/">Новости</a> | <a href="/vesti/about.html">О редакции</a> | <a href="/vesti/contacts.html">Контакты</a></div></td></tr>
<tr><td class="content" valign="top">
{main}</td>
<td class="sidebar" width="240" valign="top"><div class="block"><div class="block-title">Популярное</div><ul>{popular}</ul></div></td></tr>
<tr><td colspan="2" class="footer">{COPYRIGHT}<br>{REPRINT}<br><small>{FICTION}</small></td></tr>
</table>
</body>
</html>
"""


def donate(inside: bool) -> str:
    if inside:
        return f"<p><b>{DONATE_HEADING}</b></p>\n<p>{esc(DONATE_TEXT)}</p>\n"
    return (f'<div class="donate"><b>{DONATE_HEADING}</b><br>{esc(DONATE_TEXT)} '
            f'<a href="/vesti/about.html">{DONATE_BUTTON}</a></div>\n')


def article(story: Story, index: int, by_name: dict[str, Story], sidebar: list[Story],
            syndicated: dict[str, Story]) -> Rendered:
    rendered = Rendered(story, "")
    bp = rendered.boilerplate
    related = [by_name[n] for n in story.related]
    paragraphs = [f"<p>{paragraph_html(p)}</p>\n" for p in story.paragraphs]
    after = ""
    photo = ""
    if story.image and story.caption:
        photo = (f'<div class="article-photo"><img src="/vesti/img/{esc(story.image)}" width="500" alt="">'
                 f'<div class="photo-credit">{esc(story.caption)}</div></div>\n')
        bp.append("photo:credit-div")
        rendered.texts.append(story.caption)
        if index % 2 == 1:
            paragraphs.insert(1, f'<p align="center"><img src="/vesti/img/2_{esc(story.image)}" width="400" alt="">'
                                 f"<br><i>{esc(story.caption)}</i></p>\n")
            bp.append("photo:inside-p")
    if related and index % 2 == 0:
        links = ", ".join(f'<a href="{r.path}">{esc(r.title)}</a>' for r in related[:1])
        paragraphs.insert(min(2, len(paragraphs)), f"<p><b>{READ_ALSO}</b> {links}</p>\n")
        bp.append("read-also:inside-p")
        rendered.texts.append(f"{READ_ALSO} {related[0].title}")
    elif related:
        items = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in related)
        after += f'<div class="related"><b>{READ_ALSO}</b><ul>{items}</ul></div>\n'
        bp.append("read-also:after-block")
        rendered.texts += [READ_ALSO, *(r.title for r in related)]
    if index % 3 == 0:
        paragraphs.append(donate(inside=True))
        bp.append("donate:inside-p")
    elif index % 3 == 1:
        after = donate(inside=False) + after
        bp.append("donate:after-box")
    if index % 4 == 3:
        paragraphs.append(f"<p>{COPYRIGHT}</p>\n")
        bp.append("copyright:inside-p")
    bp += ["share:after-row", "copyright:footer"]
    share_links = " ".join(f'<a href="#" rel="nofollow">{s}</a>' for s in SHARE_SITES)
    source = ""
    if story.syndicated_from:
        original = syndicated[story.syndicated_from]
        rendered.texts.append(f"{SOURCE_LABEL} Радио Азатлык")
        source = f'<div class="article-source">{SOURCE_LABEL} <a href="__BASE__{original.path}">Радио Азатлык</a></div>\n'
    main = f"""<div class="article">
<h1 class="article-title">{esc(story.title)}</h1>
<div class="article-date">{human_date(story.published)}</div>
<div class="article-author">Автор: {esc(", ".join(story.authors))}</div>
{photo}<div class="article-text">
{"".join(paragraphs)}</div>
{source}<div class="share">{SHARE} {share_links}</div>
{after}</div>
"""
    rendered.html = layout(f"{story.title} — {SITE_NAME}", main, story.path, sidebar, story.description)
    return rendered


def listing_page(stories: list[Story], page: int, pages: int, sidebar: list[Story]) -> tuple[str, str]:
    """Page `page` of the news list: its site path and HTML."""
    path = f"{PREFIX}news/" if page == 1 else f"{PREFIX}news/page/{page}/"
    chunk = stories[(page - 1) * PER_PAGE: page * PER_PAGE]
    items = "".join(f"""<div class="news-item"><span class="news-date">{s.published:%d.%m.%Y %H:%M}</span>
<a class="news-title" href="{s.path}">{esc(s.title)}</a>
<div class="news-anons">{esc(s.description)}</div></div>
""" for s in chunk)

    def page_link(n: int) -> str:
        return f"{PREFIX}news/" if n == 1 else f"{PREFIX}news/page/{n}/"
    numbers = " ".join(f"<b>{n}</b>" if n == page else f'<a href="{page_link(n)}">{n}</a>' for n in range(1, pages + 1))
    nxt = f' <a href="{page_link(page + 1)}">Следующая »</a>' if page < pages else ""
    prev = f'<a href="{page_link(page - 1)}">« Предыдущая</a> ' if page > 1 else ""
    main = (f'<h1 class="page-title">Новости</h1>\n{items}<div class="pager">{prev}Страницы: {numbers}{nxt}</div>\n')
    title = f"Новости — {SITE_NAME}" + (f" — страница {page}" if page > 1 else "")
    return path, layout(title, main, path + "index.html", sidebar)


def build(stories: list[Story], others: dict[str, Story]) -> tuple[dict[str, str | bytes], list[Rendered], list[str]]:
    """Every Vesti file encoded as windows-1251 (so a stray character outside it fails the build loudly)."""
    by_name = {s.name: s for s in stories}
    sidebar = stories[1:6]
    texts: dict[str, str] = {}
    rendered = []
    for index, story in enumerate(sorted(stories, key=lambda s: (s.published, s.name))):
        page = article(story, index, by_name, sidebar, others)
        rendered.append(page)
        texts[story.path] = page.html
    pages_count = -(-len(stories) // PER_PAGE)
    pages = [PREFIX, PREFIX + "about.html", PREFIX + "contacts.html"]
    for n in range(1, pages_count + 1):
        path, text = listing_page(stories, n, pages_count, sidebar)
        texts[path + "index.html"] = text
        pages.append(path)
    home = "".join(f'<div class="news-item"><a class="news-title" href="{s.path}">{esc(s.title)}</a></div>\n'
                   for s in stories[:PER_PAGE])
    texts[PREFIX + "index.html"] = layout(SITE_NAME, f'<h1 class="page-title">Главное</h1>\n{home}'
                                          f'<p><a href="{PREFIX}news/">Все новости</a></p>\n', PREFIX + "index.html",
                                          sidebar)
    for name, title, paras in (("about.html", "О редакции", ABOUT), ("contacts.html", "Контакты", CONTACTS)):
        body = "".join(f"<p>{esc(p)}</p>\n" for p in paras)
        texts[PREFIX + name] = layout(f"{title} — {SITE_NAME}", f'<h1 class="page-title">{title}</h1>\n{body}',
                                      PREFIX + name, sidebar)
    files: dict[str, str | bytes] = {p: t.encode(ENCODING) for p, t in texts.items()}
    files[PREFIX + ".charset"] = charset_rules_file()
    return files, rendered, sorted(pages)
