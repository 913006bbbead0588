"""Kyrgyzstan. Endpoints from public scrapers (`fs:N` = search-index hit); none verified live from here."""

from crawler.sources.base import Feed, Listing, Politeness, Selectors, Sitemap, Source
from crawler.sources.intl import UNVERIFIED, rferl_service

KG_TZ = "Asia/Bishkek"
# WordPress "Newspaper" theme markup, used by Kloop and KNews.
TD_SELECTORS = Selectors(title="h1.entry-title", body="div.td-post-content", published="time.entry-date",
                         authors=".td-post-author-name a")

SOURCES = (
    Source(
        key="24kg",
        name="24.kg",
        country="KG",
        languages=("ru", "ky", "en"),
        timezone=KG_TZ,
        scope="regional",
        base_url="https://24.kg/",
        feeds=(Feed("https://24.kg/rss/", "ru"), Feed("https://24.kg/english/rss/", "en")),
        listings=(Listing("https://24.kg/", page_url="https://24.kg/page_{page}/",
                          link_selector="div#newslist div.one a", language="ru"),),
        # Russian and Kyrgyz URLs carry a section (/obschestvo/<id>_<slug>/), English ones often do not.
        article_patterns=(r"^https?://(?:www\.)?24\.kg/(?:kyrgyzcha/|english/)?(?:[a-z_]+/)?\d+_[^/?#]+/?$",),
        selectors=Selectors(title="h1.newsTitle", body="div.cont"),
        notes=f"{UNVERIFIED} RSS /rss/ (SOURCES.md; /rss/all is gone, fs:68999396741), English /english/rss/ "
              "(fs:58619722505, fs:53771475982); English URLs /english/<id>_<slug>/ (fs:56133073689). "
              "Microdata NewsArticle, no JSON-LD; visible date '10:14, 20 января 2021'.",
    ),
    Source(
        key="kloop",
        name="Kloop",
        country="KG",
        languages=("ru", "ky", "uz"),
        timezone=KG_TZ,
        scope="regional",
        base_url="https://kloop.kg/",
        domains=("ky.kloop.asia", "uz.kloop.asia"),
        feeds=(Feed("https://kloop.kg/feed/", "ru"),),
        sitemaps=(Sitemap("https://kloop.kg/sitemap_index.xml", kind="index", language="ru"),),
        listings=(Listing("https://kloop.kg/", page_url="https://kloop.kg/page/{page}/", language="ru"),),
        article_patterns=(r"^https?://(?:www\.|ky\.|uz\.)?kloop\.(?:kg|asia)/blog/\d{4}/\d{2}/\d{2}/[^/?#]+/?$",),
        selectors=TD_SELECTORS,
        notes=f"{UNVERIFIED} WordPress 'Newspaper' theme; Yoast post-sitemapNN.xml; /feed/ and /page/2/ are "
              "linked from the 2018 homepage (corpus/ca_homepages_2018), which also links the Kyrgyz and "
              "Uzbek editions ky.kloop.asia and uz.kloop.asia; /feed/ used by fs:68999396741.",
    ),
    Source(
        key="akipress",
        name="AKIpress",
        country="KG",
        languages=("ru", "en"),
        timezone=KG_TZ,
        scope="regional",
        base_url="https://akipress.org/",
        domains=("kg.akipress.org", "akipress.com"),
        feeds=(Feed("https://akipress.org/rss/news.rss", "ru"), Feed("https://kg.akipress.org/rss", "ru"),
               Feed("https://akipress.com/rss.php", "en")),
        article_patterns=(r"^https?://(?:(?:www|kg|m)\.)?akipress\.(?:org|com)/news:\d+(?:[:/][^?#]*)?$",),
        selectors=Selectors(body=".article-detail, .news_in, .article-text", tags="div.news_tag a"),
        politeness=Politeness(user_agent="Mozilla/5.0 (compatible; Feedfetcher; +news-crawler)"),
        notes=f"{UNVERIFIED} Feeds answer 200 with an HTML page unless the User-Agent looks like a feed reader "
              "(fs:68999396741); akipress.com/rss.php (fs:58619722505). Articles /news:<id>[:<Slug>/] on "
              "kg.akipress.org, akipress.com and m. hosts (fs:66012960616, fs:24422628285).",
    ),
    Source(
        key="kaktus",
        name="Kaktus.media",
        country="KG",
        languages=("ru", "ky"),
        timezone=KG_TZ,
        scope="regional",
        base_url="https://kaktus.media/",
        # The news listing of one day; without `date` it shows today.
        listings=(Listing("https://kaktus.media/?lable=8&order=time", link_selector="a.ArticleItem--name",
                          language="ru"),),
        article_patterns=(r"^https?://(?:www\.)?kaktus\.media/doc/\d+_[^/?#]+\.html$",),
        selectors=Selectors(body="div.Article--block-content, div.BbCode"),
        notes=f"{UNVERIFIED} Listing ?lable=8&date=YYYY-MM-DD&order=time with a.ArticleItem--name "
              "(fs:26478295603, fs:49428304557); monthly sitemap other/sitemap.php?sitemap=sitemap.xml&year=Y"
              "&mount=MM ('mount' sic, fs:47332709120) cannot be declared until sitemaps take date templates; "
              "articles /doc/<id>_<slug>.html, body div.BbCode on older pages (fs:10016291086).",
    ),
    Source(
        key="knews",
        name="KNews",
        country="KG",
        languages=("ru",),
        timezone=KG_TZ,
        scope="regional",
        base_url="https://knews.kg/",
        feeds=(Feed("https://knews.kg/feed/", "ru"),),
        sitemaps=(Sitemap("https://knews.kg/sitemap-news.xml", kind="news", language="ru"),),
        article_patterns=(r"^https?://(?:www\.)?knews\.kg/\d{4}/\d{2}/\d{2}/[^/?#]+/?$",),
        selectors=TD_SELECTORS,
        notes=f"{UNVERIFIED} WordPress 'Newspaper' theme (h3.entry-title.td-module-title teasers, "
              "fs:30768584681); /feed/ (fs:4618149402); Google News sitemap (SOURCES.md); dated article paths "
              "(fs:6364207770).",
    ),
    Source(
        key="sputnik-kg",
        name="Sputnik Kyrgyzstan",
        country="KG",
        languages=("ru",),
        timezone=KG_TZ,
        scope="regional",
        base_url="https://sputnik.kg/",
        domains=("ru.sputnik.kg",),
        feeds=(Feed("https://sputnik.kg/export/rss2/archive/index.xml", "ru"),
               Feed("https://ru.sputnik.kg/export/rss2/archive/index.xml", "ru")),
        listings=(Listing("https://sputnik.kg/news/", language="ru"),),
        article_patterns=(r"^https?://(?:www\.|ru\.)?sputnik\.kg/\d{8}/[a-z0-9-]+-\d{6,}\.html$",),
        notes=f"{UNVERIFIED} RSS /export/rss2/archive/index.xml, 100 items a day (fs:68999396741, "
              "fs:24355650021); /news/ listing (fs:46208308553); articles /YYYYMMDD/<slug>-<id>.html "
              "(fs:20265630893, fs:65717533151). The Kyrgyz-language edition's host is unknown here. "
              "State-owned (Rossiya Segodnya).",
    ),
    rferl_service(
        "azattyk", "Radio Azattyk (RFE/RL Kyrgyz Service)", "KG", ("ky", "ru"), KG_TZ, "www.azattyk.org",
        rus_host="rus.azattyk.org",
        feeds=(Feed("https://www.azattyk.org/api/zrqiteuuir", "ky"),
               Feed("https://rus.azattyk.org/api/z-$gpieey_o_", "ru")),
        notes="Zone feeds from fs:59012967714 (www) and fs:61395929878 (rus).",
    ),
)
