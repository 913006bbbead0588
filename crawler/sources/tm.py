"""Turkmenistan. Endpoints from public scrapers (`fs:N` = search-index hit); none verified live from here."""

from crawler.sources.base import Feed, Listing, Source
from crawler.sources.intl import UNVERIFIED, rferl_service

TM_TZ = "Asia/Ashgabat"

SOURCES = (
    rferl_service(
        "azathabar", "Radio Azatlyk (RFE/RL Turkmen Service)", "TM", ("tk", "ru"), TM_TZ, "www.azathabar.com",
        rus_host="rus.azathabar.com",
        feeds=(Feed("https://www.azathabar.com/api/z-$g_eqvi-q_t", "tk"),),
        notes="Zone feed from fs:68358531914.",
    ),
    Source(
        key="turkmenportal",
        name="Turkmenportal",
        country="TM",
        languages=("ru", "tk", "en"),
        timezone=TM_TZ,
        scope="regional",
        base_url="https://turkmenportal.com/",
        feeds=(Feed("https://turkmenportal.com/rss", "ru"), Feed("https://turkmenportal.com/tm/rss/", "tk"),
               Feed("https://turkmenportal.com/en/rss/", "en")),
        listings=(Listing("https://turkmenportal.com/blog/novosti", language="ru"),),
        # News are /blog/<id>/<slug>; /compositions/, /catalog/, /auto/ and /photoreport/ are not news.
        article_patterns=(r"^https?://(?:www\.)?turkmenportal\.com/(?:(?:ru|tm|en)/)?blog/\d+/[^/?#]+$",),
        notes=f"{UNVERIFIED} Yii framework. RSS /rss (fs:61389679493), /tm/rss/ and /en/rss/ (SOURCES.md); "
              "/blog/novosti listing (fs:3000382913); the 2018 homepage in corpus/ca_homepages_2018 shows the "
              "URL families.",
    ),
    Source(
        key="orient",
        name="Orient.tm",
        country="TM",
        languages=("ru", "en", "tk"),
        timezone=TM_TZ,
        scope="regional",
        base_url="https://orient.tm/",
        feeds=(Feed("https://orient.tm/feed/"),),
        listings=(Listing("https://orient.tm/ru/", language="ru"),),
        article_patterns=(r"^https?://(?:www\.)?orient\.tm/(?:ru|en|tm)/post/\d+/[^/?#]+$",),
        render="browser",
        notes=f"{UNVERIFIED} Next.js front end: listings need JS rendering. /feed/ is SOURCES.md's guess; a "
              "JSON API /api/core/get_category_posts exists (fs:22199524126, fs:14464106244) but is no declared "
              "endpoint type; articles /ru/post/<id>/<slug> (fs:71160644451). Pro-government.",
    ),
)
