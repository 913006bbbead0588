"""Tajikistan. Endpoints from public scrapers (`fs:N` = search-index hit); none verified live from here."""

from crawler.sources.base import Feed, Listing, Selectors, Source
from crawler.sources.intl import UNVERIFIED, rferl_service

TJ_TZ = "Asia/Dushanbe"

SOURCES = (
    Source(
        key="asiaplus",
        name="Asia-Plus",
        country="TJ",
        languages=("ru", "tg", "en"),
        timezone=TJ_TZ,
        scope="regional",
        base_url="https://asiaplustj.info/",
        feeds=(Feed("https://asiaplustj.info/ru/rss", "ru"), Feed("https://asiaplustj.info/en/rss.xml", "en")),
        listings=(Listing("https://asiaplustj.info/ru/news/all", page_url="https://asiaplustj.info/ru/news/all?page={page}",
                          first_page=1, language="ru"),),
        # /ru/news/<region>/[<rubric>/]<YYYYMMDD>/<slug>: the rubric is missing under /centralasia/.
        article_patterns=(r"^https?://(?:www\.)?asiaplustj\.info/(?:ru|tj|en)/news/[a-z]+/(?:[a-z]+/)?\d{8}/[^/?#]+$",),
        selectors=Selectors(title="h1.atitle", authors="span.article-author", body="div.article-body"),
        notes=f"{UNVERIFIED} Drupal. RSS /ru/rss (fs:40895953969), /en/rss.xml (fs:69395037855), /rss/ "
              "(fs:68999396741); /ru/news/all?page=N (fs:38161786883); article URLs from fs:37776776536 and "
              "fs:15973574508.",
    ),
    rferl_service(
        "ozodi", "Radio Ozodi (RFE/RL Tajik Service)", "TJ", ("tg", "ru"), TJ_TZ, "www.ozodi.org",
        rus_host="rus.ozodi.org",
        feeds=(Feed("https://www.ozodi.org/api/", "tg"), Feed("https://rus.ozodi.org/api/", "ru")),
        notes="www /api/ (fs:62061994372), rus /api/ by analogy with the other services; the zone feed "
              "/api/zrqiteuuir answered with no items on both hosts (fs:68999396741).",
    ),
    Source(
        key="khovar",
        name="Khovar (National Information Agency of Tajikistan)",
        country="TJ",
        languages=("tg", "ru", "en"),
        timezone=TJ_TZ,
        scope="regional",
        base_url="https://khovar.tj/",
        feeds=(Feed("https://khovar.tj/feed/", "tg"), Feed("https://khovar.tj/rus/feed/", "ru"),
               Feed("https://khovar.tj/eng/feed/", "en")),
        listings=(Listing("https://khovar.tj/lenta-novostey/", page_url="https://khovar.tj/lenta-novostey/page/{page}/",
                          language="tg"),),
        article_patterns=(r"^https?://(?:www\.)?khovar\.tj/(?:rus/|eng/)?\d{4}/\d{2}/[a-z0-9-]+/?$",),
        notes=f"{UNVERIFIED} WordPress per language (root Tajik, /rus/, /eng/): /feed/ (fs:71408369803), "
              "/rus/feed/ (fs:59166384313, fs:12977235959), /eng/feed/ by analogy; /lenta-novostey/page/N/ "
              "(fs:132002927); articles /rus/YYYY/MM/<slug>/ (fs:60859385537, fs:69709757558). State agency.",
    ),
)
