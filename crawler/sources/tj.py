"""Tajikistan. Endpoints from public scrapers (see SOURCES.md); not verified live from this repository."""

from crawler.sources.base import Boilerplate, Feed, Listing, Selectors, Sitemap, Source

SOURCES = (
    Source(
        key="asiaplus",
        name="Asia-Plus",
        country="TJ",
        languages=("ru", "tg", "en"),
        timezone="Asia/Dushanbe",
        scope="regional",
        base_url="https://asiaplustj.info/",
        feeds=(Feed("https://asiaplustj.info/ru/rss"),),
        listings=(Listing("https://asiaplustj.info/ru/news/all", page_url="https://asiaplustj.info/ru/news/all?page={page}"),),
        article_patterns=(r"/(?:ru|tj|en)/news/[a-z]+/[a-z]+/\d{8}/[^/]+$",),
        selectors=Selectors(title="h1.atitle", authors="span.article-author", body="div.article-body"),
        notes="Drupal. RSS path conflicting between scrapers (/ru/rss vs /en/rss.xml).",
    ),
    Source(
        key="ozodi",
        name="Radio Ozodi (RFE/RL Tajik Service)",
        country="TJ",
        languages=("tg", "ru"),
        timezone="Asia/Dushanbe",
        scope="regional",
        base_url="https://www.ozodi.org/",
        domains=("rus.ozodi.org",),
        sitemaps=(Sitemap("https://www.ozodi.org/sitemap.xml", kind="index"),
                  Sitemap("https://rus.ozodi.org/sitemap.xml", kind="index")),
        article_patterns=(r"/a/(?:[^/]+/)?\d+\.html$",),
        selectors=Selectors(title="h1.title.pg-title", body="div.wsw"),
        boilerplate=Boilerplate(remove=(".media-block-wrap", ".sticky-share", ".share--box")),
    ),
)
