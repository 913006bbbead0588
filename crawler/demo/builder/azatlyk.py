"""Azatlyk Radio pages: an RFE/RL Pangea-CMS outlet (Kyrgyz and Russian) discovered through its sitemaps."""
# ruff: noqa: E501 - the templates keep the CMS's long markup lines intact, as the real pages have them

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

from crawler.demo.builder.common import Rendered, abs_url, esc, json_ld, slugify
from crawler.demo.builder.story import BASE, Story, paragraph_html

PREFIX = "/azatlyk/"
NEWS_WINDOW = timedelta(days=7)  # the Google News sitemap lists only the last days' articles
SITE = {"ky": "Азатлык үналгысы", "ru": "Радио Азатлык"}
RELATED = {"ky": "Темага тиешелүү", "ru": "Читайте также"}
SHARE = {"ky": "Бөлүшүү", "ru": "Поделиться"}
EMAIL = {"ky": "Электрондук почта менен жөнөтүү", "ru": "Отправить по электронной почте"}
TELEGRAM_PROMO = {
    "ky": "Азатлыктын Telegram-каналына катталыңыз: эң маанилүү жаңылыктар күн сайын сиздин телефонуңузда.",
    "ru": "Подписывайтесь на Telegram-канал «Радио Азатлык»: главные новости каждый день в вашем телефоне.",
}
FOOTER = {
    "ky": "© 2026 Азатлык үналгысы. Бул ойдон чыгарылган басылма: сайт краулерди сыноо үчүн гана түзүлгөн.",
    "ru": "© 2026 Радио Азатлык. Это вымышленное издание: сайт создан только для проверки краулера.",
}
MONTHS = {
    "ky": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
           "ноябрь", "декабрь"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
}
# Pangea section ids ("zones"), /z/<id>/; one set per language.
SECTIONS = {
    "Саясат": 4800, "Экономика": 4801, "Коом": 4802, "Маданият": 4803, "Спорт": 4804,
    "Политика": 4810, "Экономика (ru)": 4811, "Общество": 4812, "Культура": 4813, "Спорт (ru)": 4814,
}
MENU_SECTIONS = {"ky": ("Саясат", "Экономика", "Коом", "Маданият", "Спорт"),
                 "ru": ("Политика", "Экономика (ru)", "Общество", "Культура", "Спорт (ru)")}
ABOUT = {
    "ky": ("Азатлык үналгысы — Кыргызстандагы жана аймактагы окуяларды кыргыз жана орус тилдеринде чагылдырган "
           "басылма.", "Бул басылма ойдон чыгарылган. Сайт жаңылык краулерин сыноо үчүн гана түзүлгөн, андагы "
           "макалалардын баары ойдон чыгарылган."),
}


BOILERPLATE_STRINGS: tuple[str, ...] = (
    *RELATED.values(), *SHARE.values(), *EMAIL.values(), *TELEGRAM_PROMO.values(), *FOOTER.values(),
)


def section_key(story: Story) -> str:
    """Sections with the same name in both languages are told apart by a ` (ru)` suffix in SECTIONS."""
    key = story.section if story.lang == "ky" else f"{story.section} (ru)"
    return key if key in SECTIONS else story.section


def section_path(key: str) -> str:
    if key not in SECTIONS:
        raise ValueError(f"unknown Azatlyk section {key!r}")
    return f"{PREFIX}z/{SECTIONS[key]}/"


def author_path(name: str) -> str:
    return f"{PREFIX}author/{slugify(name)}/"


def pangea_utc(when: datetime) -> str:
    """Pangea's JSON-LD date: `2026-11-18 04:14:00Z`."""
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def human_date(when: datetime, lang: str) -> str:
    month = MONTHS[lang][when.month - 1]
    return f"{when.day}-{month}, {when.year}" if lang == "ky" else f"{when.day} {month} {when.year}"


def layout(title: str, lang: str, main: str, head: str = "") -> str:
    menu = "".join(f'<li class="nav-menu__item"><a href="{BASE}{section_path(k)}">{esc(k.removesuffix(" (ru)"))}</a></li>'
                   for k in MENU_SECTIONS[lang])
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="ltr" class="no-js">
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{head}<link rel="stylesheet" href="{BASE}{PREFIX}Content/responsive/RFE/ky-KG/RFE-ky-KG.css">
</head>
<body dir="ltr">
<div id="page">
<header class="hdr"><a class="main-logo-link" href="{BASE}{PREFIX}"><span class="logo">{SITE[lang]}</span></a>
<nav class="nav-menu"><ul>{menu}<li class="nav-menu__item"><a href="{BASE}{PREFIX}p/about.html">{"Биз жөнүндө" if lang == "ky" else "О нас"}</a></li></ul></nav></header>
{main}
<footer role="contentinfo"><div class="footer__copyright">{esc(FOOTER[lang])}</div></footer>
</div>
</body>
</html>
"""


def share(story: Story) -> str:
    url = abs_url(story.path)
    items = [("fb", "Facebook", f"https://facebook.com/sharer.php?u={url}"),
             ("x", "X", f"https://x.com/intent/post?url={url}"),
             ("telegram", "Telegram", f"https://telegram.me/share/url?url={url}"),
             ("whatsapp", "WhatsApp", f"whatsapp://send?text={url}"),
             ("mail", EMAIL[story.lang], f"mailto:?body={url}")]
    links = "".join(f'<li class="sticky-share__item"><a class="btn btn--social btn--{k}" href="{h}" title="{esc(t)}">'
                    f'<span class="btn__text">{esc(t)}</span></a></li>' for k, t, h in items)
    return (f'<ul class="sticky-share"><li class="sticky-share__item sticky-share__item--label">{SHARE[story.lang]}</li>'
            f"{links}</ul>\n")


def related_block(story: Story, related: list[Story], embed: bool) -> str:
    heading = RELATED[story.lang]
    if not embed:
        links = "; ".join(f'<a href="{BASE}{r.path}">{esc(r.title)}</a>' for r in related)
        return f"<p><strong>{heading}:</strong> {links}</p>\n"
    items = "".join(f"""<li class="col-xs-12 mb-grid"><div class="media-block"><a href="{BASE}{r.path}" class="img-wrap img-wrap--size-4" title="{esc(r.title)}"><div class="thumb thumb16_9"><img src="{BASE}{PREFIX}img/{r.id}_w100.jpg" alt="{esc(r.title)}"></div></a><div class="media-block__content"><a href="{BASE}{r.path}"><h4 class="media-block__title media-block__title--size-4" title="{esc(r.title)}">{esc(r.title)}</h4></a></div></div></li>""" for r in related)
    return (f'<div class="wsw__embed"><div class="media-block-wrap"><h2 class="section-head">{heading}</h2>'
            f'<div class="row"><ul>{items}</ul></div></div></div>\n')


def article(story: Story, index: int, by_name: dict[str, Story]) -> Rendered:
    """One Pangea article; the related block alternates between the CMS embed and a plain paragraph."""
    rendered = Rendered(story, "")
    related = [by_name[n] for n in story.related]
    paragraphs = [f"<p>{paragraph_html(p)}</p>\n" for p in story.paragraphs]
    if related:
        embed = index % 2 == 0
        paragraphs.insert(min(2, len(paragraphs)), related_block(story, related, embed))
        rendered.boilerplate.append("related:inside-embed" if embed else "related:inside-p")
        titles = "; ".join(r.title for r in related)
        rendered.texts += [RELATED[story.lang], *(r.title for r in related)] if embed else [
            f"{RELATED[story.lang]}: {titles}"]
    if index % 3 == 0:
        paragraphs.append(f"<p>{esc(TELEGRAM_PROMO[story.lang])}</p>\n")
        rendered.boilerplate.append("telegram-promo:inside-p")
    rendered.boilerplate.append("share:sticky-share")
    authors = "".join(f'<li class="links__item"><a class="links__item-link" href="{BASE}{author_path(a)}">{esc(a)}</a></li>'
                      for a in story.authors)
    section = section_key(story)
    local = story.published
    figure = ""
    if story.image:
        figure = (f'<div class="cover-media"><figure class="media-image js-media-expand"><div class="img-wrap">'
                  f'<img src="{BASE}{PREFIX}img/{esc(story.image)}" alt="{esc(story.caption or "")}"></div>'
                  f'<figcaption><span class="caption">{esc(story.caption or "")}</span></figcaption></figure></div>\n')
    main = f"""<div class="container"><div class="row">
<div class="col-category"><a class="category" href="{BASE}{section_path(section)}">{esc(story.section)}</a></div>
<div class="col-title"><h1 class="title pg-title">{esc(story.title)}</h1></div>
<div class="col-publishing-details"><div class="publishing-details">
<div class="links"><ul class="links__list">{authors}</ul></div>
<span class="date"><time pubdate="pubdate" datetime="{local.isoformat()}">{human_date(local, story.lang)} {local:%H:%M}</time></span>
</div></div>
{share(story)}{figure}<div class="body-container"><div id="article-content" class="content-floated-wrap fb-quotable">
<div class="wsw">
{"".join(paragraphs)}</div>
</div></div>
</div></div>
"""
    rendered.html = layout(f"{story.title}", story.lang, main, head=_head(story))
    return rendered


def _head(story: Story) -> str:
    url = abs_url(story.path)
    modified = story.modified or story.published
    authors = [{"@type": "Person", "name": a, "url": abs_url(author_path(a))} for a in story.authors]
    data: dict[str, object] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": url,
        "headline": story.title, "description": story.description, "articleSection": story.section,
        "isAccessibleForFree": True, "author": authors[0] if len(authors) == 1 else authors,
        "datePublished": pangea_utc(story.published), "dateModified": pangea_utc(modified),
        "inLanguage": story.lang,
        "publisher": {"@type": "NewsMediaOrganization", "name": SITE[story.lang], "url": abs_url(PREFIX),
                      "logo": {"@type": "ImageObject", "url": abs_url(f"{PREFIX}img/logo.png")}},
    }
    if story.image:
        data["image"] = {"@type": "ImageObject", "url": abs_url(f"{PREFIX}img/{story.image}"),
                         "width": 1200, "height": 675}
    return f"""<link rel="canonical" href="{url}">
<meta name="description" content="{esc(story.description)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{SITE[story.lang]}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{url}">
<meta name="keywords" content="{esc(", ".join(story.tags))}">
<script type="application/ld+json">{json_ld(data)}</script>
"""


def listing(title: str, lang: str, stories: list[Story]) -> str:
    items = "".join(f"""<li class="col-xs-12 mb-grid"><div class="media-block"><div class="media-block__content">
<span class="date">{human_date(s.published, s.lang)}</span>
<a href="{BASE}{s.path}" title="{esc(s.title)}"><h4 class="media-block__title media-block__title--size-3">{esc(s.title)}</h4></a>
<p class="perex">{esc(s.description)}</p></div></div></li>
""" for s in stories)
    main = f'<div class="container"><h1 class="pg-title">{esc(title)}</h1>\n<ul class="archive-list">\n{items}</ul></div>\n'
    return layout(f"{title} - {SITE[lang]}", lang, main)


def news_sitemap(stories: list[Story]) -> str:
    newest = max(s.published for s in stories)
    entries = "".join(
        f"<url><loc>{BASE}{s.path}</loc><news:news><news:publication><news:name>{SITE[s.lang]}</news:name>"
        f"<news:language>{s.lang}</news:language></news:publication><news:publication_date>"
        f"{s.published.isoformat()}</news:publication_date><news:title>{esc(s.title)}</news:title>"
        "</news:news></url>"
        for s in stories if newest - s.published <= NEWS_WINDOW)
    return ('<?xml version="1.0" encoding="utf-8"?><urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>')


def lastmod(when: datetime, story_id: int) -> str:
    """Pangea's lastmod: UTC with milliseconds (`2026-11-18T04:14:00.663Z`)."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + f".{story_id % 997:03d}Z"


def latest_sitemap(stories: list[Story]) -> str:
    entries = "".join(f"<url><loc>{BASE}{s.path}</loc><lastmod>{lastmod(s.modified or s.published, s.id or 0)}"
                      "</lastmod><changefreq>hourly</changefreq><priority>0.8</priority></url>" for s in stories)
    return ('<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</urlset>")


def sections_sitemap() -> str:
    entries = "".join(f"<url><loc>{BASE}{section_path(k)}</loc><changefreq>hourly</changefreq><priority>0.6</priority>"
                      "</url>" for k in SECTIONS)
    return ('<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</urlset>")


def sitemap_index(stories: list[Story]) -> str:
    newest = max((s.modified or s.published) for s in stories)
    children = ("sitemap_1_news.xml", "sitemap_1_latest.xml.gz", "sitemap_1_sections.xml")
    entries = "".join(f"<sitemap><loc>{BASE}{PREFIX}{c}</loc><lastmod>{lastmod(newest, i + 1)}</lastmod></sitemap>"
                      for i, c in enumerate(children))
    return ('<?xml version="1.0" encoding="utf-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</sitemapindex>")


def build(stories: list[Story]) -> tuple[dict[str, str | bytes], list[Rendered], list[str]]:
    """Every Azatlyk file (site path -> text or bytes), the rendered articles, and the non-article page paths."""
    by_name = {s.name: s for s in stories}
    files: dict[str, str | bytes] = {}
    rendered = []
    for index, story in enumerate(sorted(stories, key=lambda s: (s.published, s.name))):
        page = article(story, index, by_name)
        rendered.append(page)
        files[story.path] = page.html
    files[PREFIX + "sitemap.xml"] = sitemap_index(stories)
    files[PREFIX + "sitemap_1_news.xml"] = news_sitemap(stories)
    files[PREFIX + "sitemap_1_latest.xml.gz"] = gzip.compress(latest_sitemap(stories).encode("utf-8"), mtime=0)
    files[PREFIX + "sitemap_1_sections.xml"] = sections_sitemap()
    pages = [PREFIX, PREFIX + "p/about.html"]
    files[PREFIX + "index.html"] = listing(SITE["ky"], "ky", stories)
    files[PREFIX + "p/about.html"] = layout(f"Биз жөнүндө - {SITE['ky']}", "ky", "<div class=\"container\">"
                                            "<h1 class=\"pg-title\">Биз жөнүндө</h1>\n" + "".join(
                                                f"<p>{esc(p)}</p>\n" for p in ABOUT["ky"]) + "</div>\n")
    for key in SECTIONS:
        lang = "ru" if key in MENU_SECTIONS["ru"] else "ky"
        in_section = [s for s in stories if section_key(s) == key]
        files[section_path(key) + "index.html"] = listing(key.removesuffix(" (ru)"), lang, in_section)
        pages.append(section_path(key))
    for name in dict.fromkeys(a for s in stories for a in s.authors):
        written = [s for s in stories if name in s.authors]
        files[author_path(name) + "index.html"] = listing(name, written[0].lang, written)
        pages.append(author_path(name))
    return files, rendered, sorted(pages)
