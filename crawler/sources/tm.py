"""Turkmenistan. Endpoints from public scrapers (see SOURCES.md); not verified live from this repository."""

from crawler.sources.base import Boilerplate, Feed, Listing, Selectors, Sitemap, Source

SOURCES = (
    Source(
        key="azathabar",
        name="Radio Azatlyk (RFE/RL Turkmen Service)",
        country="TM",
        languages=("tk", "ru"),
        timezone="Asia/Ashgabat",
        scope="regional",
        base_url="https://www.azathabar.com/",
        domains=("rus.azathabar.com",),
        sitemaps=(Sitemap("https://www.azathabar.com/sitemap.xml", kind="index"),
                  Sitemap("https://rus.azathabar.com/sitemap.xml", kind="index")),
        article_patterns=(r"/a/(?:[^/]+/)?\d+\.html$",),
        selectors=Selectors(title="h1.title.pg-title", body="div.wsw"),
        boilerplate=Boilerplate(remove=(".media-block-wrap", ".sticky-share", ".share--box")),
    ),
    Source(
        key="turkmenportal",
        name="Turkmenportal",
        country="TM",
        languages=("ru", "tk", "en"),
        timezone="Asia/Ashgabat",
        scope="regional",
        base_url="https://turkmenportal.com/",
        feeds=(Feed("https://turkmenportal.com/tm/rss/"), Feed("https://turkmenportal.com/en/rss/")),
        listings=(Listing("https://turkmenportal.com/ru/news"),),
        article_patterns=(r"/blog/\d+/[^/]+$",),
        notes="Yii framework; also /compositions/, /catalog/ pages that are not news.",
    ),
)
