"""Steppe Times markup: the WordPress 'Newspaper' theme's page chrome, post header, JSON-LD and widgets."""
# ruff: noqa: E501 - the templates keep the theme's long markup lines intact, as the real pages have them

from __future__ import annotations

from datetime import datetime

from crawler.demo.builder import steppe_text as T
from crawler.demo.builder.common import abs_url, esc, json_ld, slugify
from crawler.demo.builder.story import BASE, Story

PREFIX = "/steppe/"
UZ_TAG = "Oʻzbekcha"


def tags_of(story: Story) -> tuple[str, ...]:
    """The story's tags, its section first; Uzbek stories also carry the `Oʻzbekcha` tag (the menu's link)."""
    tags = (story.section, *story.tags, *((UZ_TAG,) if story.lang == "uz" else ()))
    return tuple(dict.fromkeys(tags))


def tag_path(tag: str) -> str:
    return f"{PREFIX}tag/{slugify(tag)}/"


def author_path(name: str) -> str:
    return f"{PREFIX}author/{slugify(name)}/"


def human_date(when: datetime, lang: str) -> str:
    month = T.MONTHS[lang][when.month - 1]
    return f"{month} {when.day}, {when.year}" if lang == "en" else f"{when.day} {month}, {when.year}"


def layout(title: str, main: str, *, lang: str = "en-US", head: str = "", body_class: str = "home",
           cookie: str = "") -> str:
    menu = "".join(f'<li class="menu-item"><a href="{BASE}{p}">{esc(n)}</a></li>' for n, p in T.MENU)
    return f"""<!doctype html>
<html lang="{lang}" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{head}<link rel="alternate" type="application/rss+xml" title="{T.SITE_NAME} &raquo; Feed" href="{BASE}{PREFIX}feed/">
<link rel="stylesheet" id="td-theme-css" href="{BASE}{PREFIX}wp-content/themes/Newspaper/style.css?ver=12.6.8" media="all">
<script src="{BASE}{PREFIX}wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>
<body class="{body_class} td-standard-pack">
<div class="td-scroll-up"></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-wrap td-header-style-1">
<div class="td-header-top-menu"><div class="td_data_time">{T.TAGLINE}</div></div>
<div class="td-header-sp-logo"><a class="td-main-logo" href="{BASE}{PREFIX}"><span class="td-logo-text">{T.SITE_NAME}</span></a></div>
<div id="td-header-menu"><ul id="menu-main" class="sf-menu">{menu}</ul></div>
</div>
{main}
<div class="td-footer-wrapper"><div class="td-footer-bottom-full"><p>{esc(T.FOOTER)}</p></div></div>
</div>
{cookie}</body>
</html>
"""


def share_bar(story: Story) -> str:
    url = abs_url(story.path)
    hrefs = (f"https://www.facebook.com/sharer.php?u={url}", f"https://twitter.com/intent/tweet?url={url}",
             f"https://t.me/share/url?url={url}", f"https://api.whatsapp.com/send?text={url}")
    links = "".join(f'<a class="td-social-sharing-button" href="{h}" rel="nofollow"><span>{esc(label)}</span></a>'
                    for h, label in zip(hrefs, T.SHARE_LABELS, strict=True))
    return f'<div class="share-bar td-post-sharing">{links}</div>\n'


def donation(plain: bool) -> str:
    """The donation appeal: as the theme's box, or (pasted by editors into the post) as bare paragraphs."""
    paras = "".join(f"<p>{esc(p)}</p>\n" for p in T.DONATION_PARAGRAPHS)
    later = f"<p>{esc(T.DONATION_LATER)} <a href=\"#\">{esc(T.DONATION_REMIND)}</a></p>\n"
    if plain:
        return (f"<p><strong>{esc(T.DONATION_HEADING)}</strong></p>\n{paras}"
                f'<p><a href="{BASE}{PREFIX}support/">{T.DONATION_BUTTON}</a></p>\n{later}')
    return (f'<div class="donation-box" id="support-box">\n<h3>{esc(T.DONATION_HEADING)}</h3>\n{paras}'
            f'<a class="donation-button" href="{BASE}{PREFIX}support/">{T.DONATION_BUTTON}</a>\n{later}</div>\n')


def hashtags(story: Story) -> str:
    return " ".join("#" + "".join(w[:1].upper() + w[1:] for w in t.replace("ʻ", "").replace("'", "").split())
                    for t in tags_of(story) if t != UZ_TAG)


def newsletter(plain: bool) -> str:
    form = (f'<form class="newsletter-form" action="{BASE}{PREFIX}newsletter/" method="post">'
            f'<input type="email" name="email" placeholder="Email"><button>{T.NEWSLETTER_BUTTON}</button></form>')
    if plain:
        return f"<p><strong>{esc(T.NEWSLETTER_HEADING)}</strong></p>\n<p>{esc(T.NEWSLETTER_TEXT)}</p>\n{form}\n"
    return (f'<div class="newsletter-signup"><h4>{esc(T.NEWSLETTER_HEADING)}</h4><p>{esc(T.NEWSLETTER_TEXT)}</p>'
            f"{form}</div>\n")


def cookie_notice(with_id: bool) -> str:
    opening = '<div id="cookie-notice" class="cn-notice">' if with_id else '<div class="cmplz-message">'
    return f'{opening}<p>{esc(T.COOKIE_TEXT)}</p><a class="cn-button" href="#">{T.COOKIE_BUTTON}</a></div>\n'


def post_main(story: Story, post_id: int, top: str, paragraphs: str, inside_end: str, after: str,
               caption: str) -> str:
    author = story.authors[0]
    section = f'<a href="{BASE}{tag_path(story.section)}">{esc(story.section)}</a>'
    tag_items = "".join(f'<li><a href="{BASE}{tag_path(t)}" rel="tag">{esc(t)}</a></li>' for t in tags_of(story))
    figure = ""
    if story.image:
        figure = (f'<div class="td-post-featured-image"><figure><img width="1200" height="800" '
                  f'src="{BASE}{PREFIX}wp-content/uploads/{story.published:%Y/%m}/{esc(story.image)}" '
                  f'alt="{esc(story.title)}"><figcaption class="wp-caption-text">{esc(caption)}</figcaption>'
                  "</figure></div>\n")
    return f"""<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="{BASE}{PREFIX}">Home</a></span> <span>{section}</span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard category-{slugify(story.section)}">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category">{section}</li></ul>
<header class="td-post-title">
<h1 class="entry-title">{esc(story.title)}</h1>
<div class="td-module-meta-info">
<div class="td-post-author-name"><div class="td-author-by">By</div> <a href="{BASE}{author_path(author)}">{esc(author)}</a><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{story.published.isoformat()}">{human_date(story.published, story.lang)}</time></span>
</div>
</header>
</div>
{figure}<div class="td-post-content tagdiv-type">
{top}{paragraphs}{inside_end}</div>
{after}<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li>{tag_items}</ul></div></footer>
</article>
</div></div>
<div class="td-pb-span4 td-main-sidebar"><aside class="widget"><h4 class="block-title">Latest</h4><p>{T.TAGLINE}</p></aside></div>
</div></div></div>
"""


def post_head(story: Story, post_id: int) -> str:
    url = abs_url(story.path)
    site = abs_url(PREFIX)
    modified = story.modified or story.published
    image = f"{site}wp-content/uploads/{story.published:%Y/%m}/{story.image}" if story.image else None
    person_id = f"{site}#/schema/person/{slugify(story.authors[0])}"
    article_node: dict[str, object] = {
        "@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
        "author": {"name": story.authors[0], "@id": person_id}, "headline": story.title,
        "datePublished": story.published.isoformat(), "dateModified": modified.isoformat(),
        "mainEntityOfPage": {"@id": url}, "wordCount": story.words, "publisher": {"@id": f"{site}#organization"},
        "keywords": list(tags_of(story)[1:]), "articleSection": [story.section],
        "inLanguage": "en-US" if story.lang == "en" else "uz-UZ",
    }
    graph: list[dict[str, object]] = [article_node, {
        "@type": "WebPage", "@id": url, "url": url, "name": f"{story.title} - {T.SITE_NAME}",
        "isPartOf": {"@id": f"{site}#website"}, "datePublished": story.published.isoformat(),
        "dateModified": modified.isoformat(), "description": story.description,
        "breadcrumb": {"@id": f"{url}#breadcrumb"}}]
    if image:
        article_node["image"] = {"@id": f"{url}#primaryimage"}
        article_node["thumbnailUrl"] = image
        graph.append({"@type": "ImageObject", "@id": f"{url}#primaryimage", "url": image, "contentUrl": image,
                      "width": 1200, "height": 800, "caption": story.caption or ""})
    graph += [
        {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": site},
            {"@type": "ListItem", "position": 2, "name": story.title}]},
        {"@type": "WebSite", "@id": f"{site}#website", "url": site, "name": T.SITE_NAME,
         "publisher": {"@id": f"{site}#organization"}},
        {"@type": "Organization", "@id": f"{site}#organization", "name": T.SITE_NAME, "url": site},
        {"@type": "Person", "@id": person_id, "name": story.authors[0], "url": abs_url(author_path(story.authors[0]))},
    ]
    og_locale = "en_US" if story.lang == "en" else "uz_UZ"
    return f"""<meta name="description" content="{esc(story.description)}">
<link rel="canonical" href="{url}">
<link rel="shortlink" href="{site}?p={post_id}">
<meta property="og:locale" content="{og_locale}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:description" content="{esc(story.description)}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{T.SITE_NAME}">
<meta property="article:published_time" content="{story.published.isoformat()}">
<meta property="article:modified_time" content="{modified.isoformat()}">
<meta name="author" content="{esc(story.authors[0])}">
<script type="application/ld+json" class="yoast-schema-graph">{json_ld({"@context": "https://schema.org", "@graph": graph})}</script>
"""


def teaser(story: Story) -> str:
    return f"""<div class="td_module_10 td_module_wrap">
<h3 class="entry-title td-module-title"><a href="{BASE}{story.path}" rel="bookmark" title="{esc(story.title)}">{esc(story.title)}</a></h3>
<div class="td-module-meta-info"><span class="td-post-author-name"><a href="{BASE}{author_path(story.authors[0])}">{esc(story.authors[0])}</a></span> <span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{story.published.isoformat()}">{human_date(story.published, story.lang)}</time></span></div>
<div class="td-excerpt">{esc(story.description)}</div>
</div>
"""
