"""Steppe Times pages: a WordPress 'Newspaper'-theme outlet with Yoast JSON-LD, an RSS feed and tag pages."""

from __future__ import annotations

from datetime import UTC
from email.utils import format_datetime

from crawler.demo.builder import steppe_text as T
from crawler.demo.builder.common import Rendered, abs_url, esc
from crawler.demo.builder.steppe_html import (
    PREFIX,
    author_path,
    cookie_notice,
    donation,
    hashtags,
    layout,
    newsletter,
    post_head,
    post_main,
    share_bar,
    tag_path,
    tags_of,
    teaser,
)
from crawler.demo.builder.story import BASE, Story, paragraph_html

FEED_ITEMS = 12
HOME_ITEMS = 16


FIRST_POST_ID = 4101


BOILERPLATE_STRINGS: tuple[str, ...] = (
    *T.SHARE_LABELS, T.DONATION_HEADING, *T.DONATION_PARAGRAPHS, T.DONATION_BUTTON, T.DONATION_LATER,
    T.DONATION_REMIND, T.OPTIMOLE, *T.READ_ALSO.values(), T.COOKIE_TEXT, T.COOKIE_BUTTON, T.NEWSLETTER_HEADING,
    T.NEWSLETTER_TEXT, T.NEWSLETTER_BUTTON, T.FOOTER, "TAGS", "Edit in newsroom",
)


def read_also_label(story: Story) -> str:
    if story.lang != "uz":
        return T.READ_ALSO["en"]
    ascii_variant = not any("ʻ" in p for p in story.paragraphs)
    return T.READ_ALSO["uz-ascii" if ascii_variant else "uz"]


def related_links(story: Story, by_name: dict[str, Story]) -> list[Story]:
    return [by_name[n] for n in story.related]


def article(story: Story, index: int, post_id: int, by_name: dict[str, Story]) -> Rendered:
    """One post. Which boilerplate it carries, and where, rotates with `index` so every variant occurs."""
    rendered = Rendered(story, "")
    bp = rendered.boilerplate
    related = related_links(story, by_name)
    label = read_also_label(story)
    top, inside_end, after = "", "", ""
    if index % 3 == 0:
        top = share_bar(story)
        bp.append("share-bar:inside-top")
    else:
        after += share_bar(story)
        bp.append("share-bar:after")
    if index % 2 == 1:
        inside_end += f"<p>{esc(hashtags(story))}</p>\n"
        bp.append("hashtags:inside-p")
        rendered.texts.append(hashtags(story))
    elif index % 4 == 0:
        after += f'<div class="td-hashtags">{esc(hashtags(story))}</div>\n'
        bp.append("hashtags:after-row")
        rendered.texts.append(hashtags(story))
    if index % 4 == 1:
        inside_end += newsletter(plain=True)
        bp.append("newsletter:inside-p")
    elif index % 4 == 3:
        after += newsletter(plain=False)
        bp.append("newsletter:after-box")
    if index % 4 == 0:
        inside_end += donation(plain=True)
        bp.append("donation:inside-p")
    elif index % 4 == 2:
        after += donation(plain=False)
        bp.append("donation:after-box")
    if index % 3 == 1:
        inside_end += f'<p class="has-small-font-size">Image: Steppe Times | {T.OPTIMOLE}</p>\n'
        bp.append("optimole:inside-p")
    caption = story.caption or ""
    if index % 3 == 2:
        caption = f"{caption} {T.OPTIMOLE}".strip()
        bp.append("optimole:caption")
    paragraphs = [f"<p>{paragraph_html(p)}</p>\n" for p in story.paragraphs]
    if related and index % 2 == 0:
        links = " | ".join(f'<a href="{esc(abs_url(r.path))}">{esc(r.title)}</a>' for r in related[:1])
        paragraphs.insert(min(2, len(paragraphs)), f"<p><strong>{esc(label)}</strong> {links}</p>\n")
        bp.append("read-also:inside-p")
        rendered.texts.append(f"{label} {related[0].title}")
    elif related:
        items = "".join(f'<li><a href="{esc(abs_url(r.path))}">{esc(r.title)}</a></li>' for r in related)
        after += f'<div class="td-related-posts"><h4 class="td-related-title">{esc(label)}</h4><ul>{items}</ul></div>\n'
        bp.append("read-also:after-block")
        rendered.texts += [label, *(r.title for r in related)]
    private = ""
    if story.extra.get("links_private"):
        # An editor's slip: a link to the staff area, which robots.txt disallows.
        private = f'<p class="td-post-edit"><a href="{BASE}/private/">Edit in newsroom</a></p>\n'
        rendered.extra_links.append("/private/")
    cookie = cookie_notice(with_id=index % 3 != 1)
    bp.append("cookie:banner" if index % 3 != 1 else "cookie:banner-noid")
    rendered.html = layout(f"{story.title} - {T.SITE_NAME}", post_main(story, post_id, top, "".join(paragraphs),
                           inside_end, after + private, caption), lang="en-US" if story.lang == "en" else "uz-UZ",
                           head=post_head(story, post_id), body_class=f"post-template-default single single-post "
                           f"postid-{post_id} single-format-standard", cookie=cookie)
    return rendered


def listing(title: str, heading: str, stories: list[Story]) -> str:
    teasers = "".join(teaser(s) for s in stories)
    main = (f'<div class="td-main-content-wrap td-container-wrap"><div class="td-container">'
            f'<div class="td-page-header"><h1 class="entry-title td-page-title"><span>{esc(heading)}</span></h1></div>'
            f'\n<div class="td-ss-main-content">\n{teasers}</div></div></div>\n')
    return layout(title, main, body_class="archive tag")


def static_page(title: str, paragraphs: tuple[str, ...]) -> str:
    body = "".join(f"<p>{esc(p)}</p>\n" for p in paragraphs)
    main = ('<div class="td-main-content-wrap td-container-wrap"><div class="td-container">'
            f'<div class="td-page-header"><h1 class="entry-title td-page-title">{esc(title)}</h1></div>\n'
            f'<div class="td-page-content">\n{body}'
            "</div></div></div>\n")
    return layout(f"{title} - {T.SITE_NAME}", main, body_class="page-template-default page")


def feed(stories: list[Story], post_ids: dict[str, int]) -> str:
    """WordPress RSS 2.0: the newest items, RFC 822 dates in UTC, dc:creator, excerpt-only descriptions."""
    newest = stories[:FEED_ITEMS]
    built = max((s.modified or s.published) for s in newest).astimezone(UTC)
    items = "".join(f"""	<item>
		<title>{esc(s.title)}</title>
		<link>{BASE}{s.path}</link>
		<dc:creator><![CDATA[{s.authors[0]}]]></dc:creator>
		<pubDate>{format_datetime(s.published.astimezone(UTC))}</pubDate>
		{"".join(f"<category><![CDATA[{t}]]></category>" for t in tags_of(s))}
		<guid isPermaLink="false">{BASE}{PREFIX}?p={post_ids[s.name]}</guid>
		<description><![CDATA[{s.description} [&#8230;]]]></description>
	</item>
""" for s in newest)
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
	<title>{T.SITE_NAME}</title>
	<atom:link href="{BASE}{PREFIX}feed/" rel="self" type="application/rss+xml" />
	<link>{BASE}{PREFIX}</link>
	<description>{T.TAGLINE}</description>
	<lastBuildDate>{format_datetime(built)}</lastBuildDate>
	<language>en-US</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.8.3</generator>
{items}</channel>
</rss>
"""


def build(stories: list[Story]) -> tuple[dict[str, str], list[Rendered], list[str]]:
    """Every Steppe Times file (site path -> text), the rendered articles, and the non-article page paths."""
    by_name = {s.name: s for s in stories}
    chronological = sorted(stories, key=lambda s: (s.published, s.name))
    post_ids = {s.name: FIRST_POST_ID + 7 * i for i, s in enumerate(chronological)}
    files: dict[str, str] = {}
    rendered: list[Rendered] = []
    for index, story in enumerate(chronological):
        page = article(story, index, post_ids[story.name], by_name)
        rendered.append(page)
        files[story.path + "index.html"] = page.html
    files[PREFIX + "feed/index.xml"] = feed(stories, post_ids)
    files[PREFIX + "index.html"] = listing(f"{T.SITE_NAME} - {T.TAGLINE}", "Latest news", stories[:HOME_ITEMS])
    # Every menu tag gets a page, even one no story carries yet, so the menu has no dead links.
    tags: dict[str, tuple[str, list[Story]]] = {path: (name, []) for name, path in T.MENU[1:7]}
    for story in stories:
        for tag in tags_of(story):
            tags.setdefault(tag_path(tag), (tag, []))[1].append(story)
    for path, (tag, tagged) in tags.items():
        files[path + "index.html"] = listing(f"{tag} Archives - {T.SITE_NAME}", tag, tagged)
    authors: dict[str, list[Story]] = {}
    for story in stories:
        authors.setdefault(story.authors[0], []).append(story)
    for name, written in authors.items():
        files[author_path(name) + "index.html"] = listing(f"{name}, Author at {T.SITE_NAME}", name, written)
    files[PREFIX + "about/index.html"] = static_page("About us", T.ABOUT)
    files[PREFIX + "contacts/index.html"] = static_page("Contacts", T.CONTACTS)
    files[PREFIX + "support/index.html"] = static_page("Support Steppe Times", T.SUPPORT)
    pages = sorted(p.removesuffix("index.html") for p in files if not any(p == r.story.path + "index.html"
                                                                          for r in rendered))
    return files, rendered, pages
