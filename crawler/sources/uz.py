"""Uzbekistan. Endpoints from public scrapers (`fs:N` = search-index hit); none verified live from here."""

from crawler.sources.base import Feed, Listing, Selectors, Sitemap, Source
from crawler.sources.intl import UNVERIFIED, rferl_service

UZ_TZ = "Asia/Tashkent"

SOURCES = (
    Source(
        key="kunuz",
        name="Kun.uz",
        country="UZ",
        languages=("uz", "ru", "en"),
        timezone=UZ_TZ,
        scope="regional",
        base_url="https://kun.uz/",
        feeds=(Feed("https://kun.uz/news/rss", "uz"), Feed("https://kun.uz/news/rss?lang=ru", "ru")),
        sitemaps=(Sitemap("https://kun.uz/sitemap.xml", kind="index"),),
        # Uzbek Latin has no prefix, Uzbek Cyrillic is /kr/.
        article_patterns=(r"^https?://(?:www\.)?kun\.uz/(?:kr/|ru/|en/)?news/\d{4}/\d{2}/\d{2}/[^/?#]+$",),
        selectors=Selectors(body="div.single-content"),
        notes=f"{UNVERIFIED} /news/rss (fs:70919538895), ?lang=ru (fs:60302520496), ?lang=uz (fs:66762899603), "
              "although one scraper found no feed (fs:68999396741); robots.txt names /sitemap.xml (SOURCES.md). "
              "Telegram posts link short /ru/<id> URLs (fs:59996481923), not declared. Terms require consent "
              "for reuse.",
    ),
    Source(
        key="gazetauz",
        name="Gazeta.uz",
        country="UZ",
        languages=("ru", "uz", "en"),
        timezone=UZ_TZ,
        scope="regional",
        base_url="https://www.gazeta.uz/",
        feeds=(Feed("https://www.gazeta.uz/ru/rss/", "ru"), Feed("https://www.gazeta.uz/oz/rss/", "uz"),
               Feed("https://www.gazeta.uz/uz/rss/", "uz")),
        listings=(Listing("https://www.gazeta.uz/ru/list/news/", page_url="https://www.gazeta.uz/ru/list/news/?page={page}",
                          link_selector="div.nblock a", language="ru"),),
        article_patterns=(r"^https?://(?:www\.)?gazeta\.uz/(?:ru|oz|uz|en)/\d{4}/\d{2}/\d{2}/[^/?#]+/?$",),
        selectors=Selectors(title="h1", lead="h4", published="div.articleDateTime",
                            body="div.articleContent.type-news"),
        notes=f"{UNVERIFIED} 'oz' is Uzbek Latin and 'uz' Uzbek Cyrillic. RSS /ru/rss/ and /uz/rss/ "
              "(fs:70912645647), /oz/rss/ (fs:70919538895); weekly sitemaps /sitemap/materials-<seg>-<Monday>.xml "
              "(SOURCES.md) need date templates. Relative dates ('Бугун').",
    ),
    Source(
        key="daryo",
        name="Daryo.uz",
        country="UZ",
        languages=("uz", "ru", "en"),
        timezone=UZ_TZ,
        scope="regional",
        base_url="https://daryo.uz/",
        feeds=(Feed("https://daryo.uz/rss/", "uz"), Feed("https://daryo.uz/ru/rss/", "ru")),
        listings=(Listing("https://daryo.uz/yangiliklar", language="uz"),),
        # Uzbek Latin is bare, /k/ or /uz/ Cyrillic, /ru/ and /en/ the other editions.
        article_patterns=(r"^https?://(?:www\.|m\.)?daryo\.uz/(?:ru/|uz/|en/|k/)?\d{4}/\d{2}/\d{2}/[^/?#]+/?$",),
        notes=f"{UNVERIFIED} RSS /rss/ (fs:70919538895), /ru/rss/ (fs:70912645647), reported as an empty shell "
              "once (fs:68999396741); /yangiliklar listing (fs:37999341353); Nuxt front end with a JSON API "
              "(fs:53796851543); articles /YYYY/MM/DD/<slug> (fs:2923087898), /en/... (fs:15228740322).",
    ),
    Source(
        key="uza",
        name="UzA (National News Agency of Uzbekistan)",
        country="UZ",
        languages=("uz", "ru", "en"),
        timezone=UZ_TZ,
        scope="regional",
        base_url="https://uza.uz/",
        feeds=(Feed("https://uza.uz/oz/rss", "uz"), Feed("https://uza.uz/uz/rss", "uz"),
               Feed("https://uza.uz/ru/rss", "ru")),
        listings=(Listing("https://uza.uz/uz/posts", language="uz"),),
        article_patterns=(r"^https?://(?:www\.)?uza\.uz/(?:oz|uz|ru|en)/posts/[a-z0-9-]+_\d+/?$",),
        notes=f"{UNVERIFIED} RSS /oz/rss (fs:54642614761), /uz/rss and /ru/rss (fs:70912645647, fs:60302520496); "
              "/uz/posts listing (fs:38149263541); articles /<lang>/posts/<slug>_<id> (fs:66573778139, "
              "fs:62374525872). The 2018 homepage is a meta-refresh stub to /oz/ (corpus/ca_homepages_2018). "
              "State agency.",
    ),
    rferl_service(
        "ozodlik", "Radio Ozodlik (RFE/RL Uzbek Service)", "UZ", ("uz", "ru"), UZ_TZ, "www.ozodlik.org",
        rus_host="rus.ozodlik.org",
        feeds=(Feed("https://www.ozodlik.org/api/", "uz"),),
        notes="www /api/ (fs:54522846870); zone feeds /api/zpouvqpqmit (fs:53954507926) and /api/zfpjlvem "
              "(fs:55239109355).",
    ),
)
