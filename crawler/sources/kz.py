"""Kazakhstan. Endpoints from public scrapers (`fs:N` = search-index hit); none verified live from here."""

from crawler.sources.base import Feed, Listing, Selectors, Sitemap, Source
from crawler.sources.intl import UNVERIFIED, rferl_service

# Kazakhstan has used one zone, UTC+5, since March 2024 (Asia/Almaty in tzdata 2024b+).
KZ_TZ = "Asia/Almaty"

SOURCES = (
    Source(
        key="tengrinews",
        name="Tengrinews",
        country="KZ",
        languages=("ru", "kk", "en"),
        timezone=KZ_TZ,
        scope="regional",
        base_url="https://tengrinews.kz/",
        domains=("kaz.tengrinews.kz", "en.tengrinews.kz"),
        feeds=(Feed("https://tengrinews.kz/news.rss", "ru"), Feed("https://tengrinews.kz/rss/", "ru")),
        sitemaps=(Sitemap("https://tengrinews.kz/sitemap-index.xml", kind="index", language="ru"),
                  Sitemap("https://kaz.tengrinews.kz/kk-sitemap-index.xml", kind="index", language="kk"),
                  Sitemap("https://en.tengrinews.kz/en-sitemap-index.xml", kind="index", language="en")),
        listings=(Listing("https://tengrinews.kz/news/", page_url="https://tengrinews.kz/news/page/{page}/",
                          language="ru"),),
        # /<section>/<slug>-<id>/; /tag/<word>-2024/ would look alike, hence the exclusion.
        article_patterns=(r"^https?://(?:(?:www|kaz|en)\.)?tengrinews\.kz/(?!tag/|tags/|search/|author/)"
                          r"[a-z_]+/[a-z0-9-]+-\d{3,}/?$",),
        selectors=Selectors(body="div.content_main_item"),
        notes=f"{UNVERIFIED} /news.rss gave 102 items a day and /rss_news/all.xml is gone (fs:68999396741); "
              "/rss/ (fs:54522846870); articles /kazakhstan_news/<slug>-<id>/ on all three hosts "
              "(fs:23380672259, fs:49859385057). Russian month-name dates.",
    ),
    rferl_service(
        "azattyq", "Radio Azattyq (RFE/RL Kazakh Service)", "KZ", ("kk", "ru"), KZ_TZ, "www.azattyq.org",
        rus_host="rus.azattyq.org",
        feeds=(Feed("https://www.azattyq.org/api/", "kk"), Feed("https://rus.azattyq.org/api/", "ru")),
        notes="Feeds: www /api/ (fs:54522846870), rus /api/ (fs:4651133019); section feeds like "
              "rus /api/zrqomeuuo_ (fs:36907062512).",
    ),
    Source(
        key="vlast",
        name="Vlast.kz",
        country="KZ",
        languages=("ru", "kk", "en"),
        timezone=KZ_TZ,
        scope="regional",
        base_url="https://vlast.kz/",
        feeds=(Feed("https://vlast.kz/feed/", "ru"), Feed("https://vlast.kz/rss", "ru")),
        listings=(Listing("https://vlast.kz/novosti/", page_url="https://vlast.kz/novosti/{page}", first_page=1,
                          language="ru"),),
        article_patterns=(r"^https?://(?:www\.)?vlast\.kz/[a-z_]+/\d+-[^/?#]+\.html$",),
        selectors=Selectors(title="li.has-title h1", published="ul.meta li time",
                            body="div.default-item-in.js-mediator-article"),
        notes=f"{UNVERIFIED} /feed/ with full text (SOURCES.md), /rss (fs:68560540012); /novosti/<n> pages "
              "(fs:8193646741); articles /novosti/<id>-<slug>.html (fs:70775075646), English under /english/. "
              "Site search blocks non-browser clients.",
    ),
    Source(
        key="kazinform",
        name="Kazinform (Qazinform)",
        country="KZ",
        languages=("ru", "kk", "en"),
        timezone=KZ_TZ,
        scope="regional",
        base_url="https://www.inform.kz/",
        domains=("qazinform.com",),
        feeds=(Feed("https://www.inform.kz/ru/rss/", "ru"), Feed("https://www.inform.kz/kz/rss", "kk")),
        listings=(Listing("https://www.inform.kz/ru/lenta", page_url="https://www.inform.kz/ru/lenta/{page}",
                          link_selector="article.anounce-news a.anounce-news__link", language="ru"),),
        # New URLs end in a short hex id that always holds a digit (-adef40, -6a64cf5e), old ones in _a<digits>;
        # the English site qazinform.com also has bare slugs.
        article_patterns=(r"^https?://(?:www\.)?inform\.kz/(?:ru|kz|en)/[a-z0-9-]+-(?=[0-9a-f]*\d)[0-9a-f]{6,8}/?$",
                          r"^https?://(?:www\.)?inform\.kz/(?:ru|kz|en)/[a-z0-9-]+_a\d+/?$",
                          r"^https?://(?:www\.)?qazinform\.com/news/[a-z0-9]+(?:-[a-z0-9]+){3,}(?:_a\d+)?/?$"),
        notes=f"{UNVERIFIED} RSS /ru/rss/ (fs:19998627412), /kz/rss (fs:54642614761); the English RSS is gone "
              "(fs:68999396741); /ru/lenta/<page> (fs:11243672668) with article.anounce-news teasers "
              "(fs:33004263762); URL forms from fs:66881533169, fs:70157018817, fs:57061238830.",
    ),
    Source(
        key="kursiv",
        name="Kursiv (Kazakhstan)",
        country="KZ",
        languages=("ru", "en", "kk"),
        timezone=KZ_TZ,
        scope="regional",
        base_url="https://kz.kursiv.media/",
        feeds=(Feed("https://kz.kursiv.media/feed/", "ru"), Feed("https://kz.kursiv.media/en/feed/", "en")),
        article_patterns=(r"^https?://kz\.kursiv\.media/(?:en/|kz/)?\d{4}-\d{2}-\d{2}/[a-z0-9-]+/?$",),
        notes=f"{UNVERIFIED} WordPress, moved from kursiv.kz to kz.kursiv.media (fs:59305448918); /feed/ "
              "(fs:68999396741, fs:68560540012); articles /YYYY-MM-DD/<slug>/ (fs:24423103118, fs:53478999082). "
              "uz.kursiv.media is the separate Uzbek edition, not declared here.",
    ),
)
