"""The fictional outlets of the offline demo site (`python -m crawler.demo`); URLs start with `{demo}`."""

from crawler.sources.base import Boilerplate, Feed, Listing, Politeness, Selectors, Sitemap, Source

DEMO_POLITENESS = Politeness(delay=0, concurrency=8)

SOURCES = (
    Source(
        key="demo-steppe",
        name="Steppe Times (demo)",
        country="UZ",
        languages=("en", "uz"),
        timezone="Asia/Tashkent",
        scope="regional",
        base_url="{demo}/steppe/",
        feeds=(Feed("{demo}/steppe/feed/"),),
        listings=(Listing("{demo}/steppe/", link_selector="h3.entry-title a"),),
        article_patterns=(r"/steppe/\d{4}/\d{2}/\d{2}/[^/?#]+/?(?:$|[?#])",),
        selectors=Selectors(title="h1.entry-title", body="div.td-post-content", published="time.entry-date",
                            authors=".td-post-author-name a", tags="ul.td-tags a[rel=tag]"),
        # The outlet's own donation appeal: editors paste it into posts as plain paragraphs.
        boilerplate=Boilerplate(remove=("div.donation-box",), cut_after=("A Message from Steppe Times:",)),
        politeness=DEMO_POLITENESS,
        notes="Demo: WordPress 'Newspaper' theme, Yoast JSON-LD @graph, RSS with the newest 12 posts; older "
              "posts only on tag pages.",
    ),
    Source(
        key="demo-azatlyk",
        name="Azatlyk Radio (demo)",
        country="KG",
        languages=("ky", "ru"),
        timezone="Asia/Bishkek",
        scope="regional",
        base_url="{demo}/azatlyk/",
        sitemaps=(Sitemap("{demo}/azatlyk/sitemap.xml", kind="index"),),
        article_patterns=(r"/azatlyk/a/(?:[^/?#]+/)?\d+\.html(?:$|[?#])",),
        selectors=Selectors(title="h1.title.pg-title", body="div.wsw", authors="a.links__item-link",
                            published="span.date time", section="a.category"),
        boilerplate=Boilerplate(
            remove=(".media-block-wrap", ".sticky-share"),
            phrases=("Темага тиешелүү", "Азатлыктын Telegram-каналына",
                     "Подписывайтесь на Telegram-канал «Радио Азатлык»"),
        ),
        politeness=DEMO_POLITENESS,
        notes="Demo: Pangea CMS; sitemap index -> Google News sitemap, gzipped latest urlset, sections urlset.",
    ),
    Source(
        key="demo-vesti",
        name="Vesti Doliny (demo)",
        country="TJ",
        languages=("ru",),
        timezone="Asia/Dushanbe",
        scope="regional",
        base_url="{demo}/vesti/",
        listings=(Listing("{demo}/vesti/news/", page_url="{demo}/vesti/news/page/{page}/", first_page=2,
                          max_pages=3, link_selector="div.news-item a.news-title"),),
        article_patterns=(r"/vesti/news/\d+\.html(?:$|[?#])",),
        selectors=Selectors(title="h1.article-title", body="div.article-text", published="div.article-date",
                            authors="div.article-author"),
        boilerplate=Boilerplate(phrases=("© 2026 Вести Долины",), cut_after=("Поддержите редакцию",)),
        politeness=DEMO_POLITENESS,
        notes="Demo: windows-1251, half the pages without a charset header; no feed, sitemap or JSON-LD; "
              "visible dates '18 ноября 2026, 14:05' in local time; 'Автор: ' before the byline.",
    ),
    Source(
        key="demo-karakum",
        name="Karakum Herald (demo)",
        country="TM",
        languages=("en", "ru"),
        timezone="Asia/Ashgabat",
        scope="regional",
        base_url="{demo}/js/",
        listings=(Listing("{demo}/js/", link_selector="ul.news-list a"),),
        article_patterns=(r"/js/news/\d+\.html(?:$|[?#])",),
        selectors=Selectors(title="h1.headline", body="div.story-body", published="time.published",
                            authors="span.byline a"),
        politeness=DEMO_POLITENESS,
        render="browser",
        notes="Demo: client-rendered (like Orient.tm on Next.js): article text and the listing's older links are "
              "built by a script from an opaque payload; a plain download sees an empty shell.",
    ),
)
