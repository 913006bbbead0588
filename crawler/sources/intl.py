"""International outlets covering Central Asia among other regions, and the RFE/RL (Pangea CMS) service factory."""

from __future__ import annotations

from crawler.sources.base import Boilerplate, Country, Feed, Listing, Scope, Selectors, Sitemap, Source

# Every endpoint below comes from other people's public scrapers and configuration files, found with the
# search tool's exact-string index: `fs:N` is a hit there (`read_file id=N` reopens it). None was fetched
# from here (no network); `scrapy sources check` run with network access decides, then `verified=True`.
UNVERIFIED = "Unverified from here: endpoints and patterns come from public scrapers, not the live site."

# RFE/RL runs rferl.org and all its Central Asian services on one CMS ("Pangea"): articles are
# /a/<slug>/<id>.html or /a/<id>.html (corpus/rferl_sitemaps: every *_latest and *_news entry), pages are
# /p/<id>.html, sections /z/<id> or /<Name>; the *_sections sitemaps list only those.
PANGEA_ARTICLE = r"^https?://[^/?#]+/a/(?:[^/?#]+/)?\d+\.html(?:$|[?#])"
PANGEA_SELECTORS = Selectors(title="h1.title.pg-title", body="div.wsw")
# Embedded media players, share bars and "related" boxes sit inside div.wsw on Pangea pages.
PANGEA_BOILERPLATE = Boilerplate(remove=(".media-block-wrap", ".sticky-share", ".share--box", ".wsw__embed"))


def rferl_service(key: str, name: str, country: Country, languages: tuple[str, ...], timezone: str, host: str,
                  *, rus_host: str | None = None, feeds: tuple[Feed, ...] = (), notes: str = "",
                  scope: Scope = "regional") -> Source:
    """One RFE/RL service: its own-language site on `host` and, when it has one, the Russian-language
    edition on `rus_host` as a second entry point of the same source (one outlet, one source)."""
    sitemaps = [Sitemap(f"https://{host}/sitemap.xml", kind="index", language=languages[0])]
    domains: tuple[str, ...] = ()
    if rus_host:
        sitemaps.append(Sitemap(f"https://{rus_host}/sitemap.xml", kind="index", language="ru"))
        domains = (rus_host,)
    return Source(
        key=key, name=name, country=country, languages=languages, timezone=timezone,
        scope=scope,
        base_url=f"https://{host}/", domains=domains, feeds=feeds, sitemaps=tuple(sitemaps),
        article_patterns=(PANGEA_ARTICLE,), selectors=PANGEA_SELECTORS, boilerplate=PANGEA_BOILERPLATE,
        notes=f"{UNVERIFIED} Pangea CMS: JSON-LD NewsArticle, dates like '2021-09-01 14:50:49Z'; sitemap index "
              f"with *_news (Google News), *_latest and *_sections children (real copies in "
              f"corpus/rferl_sitemaps); RSS under /api/ (per-section /api/z…). {notes}".strip(),
    )


SOURCES = (
    Source(
        key="eurasianet",
        name="Eurasianet",
        country="intl",
        languages=("en",),
        timezone="America/New_York",
        scope="international",
        base_url="https://eurasianet.org/",
        feeds=tuple(Feed(f"https://eurasianet.org/region/{country}/feed", "en")
                    for country in ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")),
        sitemaps=(Sitemap("https://eurasianet.org/sitemap.xml", language="en"),),
        listings=(Listing("https://eurasianet.org/latest", language="en"),),
        # Articles are one long slug at the root; /region/x, /latest and /main-rss-feed are not.
        article_patterns=(r"^https?://(?:www\.)?eurasianet\.org/[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",),
        notes=f"{UNVERIFIED} Region feeds /region/{{country}}/feed (fs:40895953969, fs:60836032411); the "
              "site-wide feed is /rss.xml, /rss, /feed or /main-rss-feed depending on the scraper, and timed "
              "out for two of them (fs:68999396741, fs:52831578650), so the region feeds are declared; sitemap "
              "(fs:54284872672); /latest listing (fs:66478887602).",
    ),
    Source(
        key="timesca",
        name="The Times of Central Asia",
        country="intl",
        languages=("en",),
        timezone="Asia/Almaty",
        scope="international",
        base_url="https://timesca.com/",
        feeds=(Feed("https://timesca.com/feed/", "en"),),
        article_patterns=(r"^https?://(?:www\.)?timesca\.com/[a-z0-9]+(?:-[a-z0-9]+){2,}/?$",),
        notes=f"{UNVERIFIED} WordPress; /feed/ answers RSS (fs:68999396741, fs:57744140179); articles are "
              "/<slug>/ at the root (fs:70079980601, fs:56049663842).",
    ),
    Source(
        key="moscowtimes",
        name="The Moscow Times",
        country="intl",
        languages=("en",),
        timezone="Europe/Moscow",
        scope="international",
        base_url="https://www.themoscowtimes.com/",
        feeds=(Feed("https://www.themoscowtimes.com/rss/news", "en"),),
        article_patterns=(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+-a\d+/?$",
                          r"^https?://(?:www\.)?themoscowtimes\.com/(?:news|articles|photogalleries)/[a-z0-9-]+-\d+/?$"),
        selectors=Selectors(body="div.article__content"),
        boilerplate=Boilerplate(
            remove=(".article__block--donation", ".support-block", ".article__tags", ".social"),
            cut_after=("A Message from The Moscow Times",),
        ),
        notes=f"{UNVERIFIED} New URLs /YYYY/MM/DD/<slug>-a<id>, 2018 ones /news|articles|photogalleries/<slug>-<id> "
              "(corpus/ca_homepages_2018); feed list at /info/rss. Donation appeal inside the article "
              "container. Covers all of Russia: relevance filtering applies.",
    ),
    Source(
        key="diplomat",
        name="The Diplomat (Central Asia)",
        country="intl",
        languages=("en",),
        timezone="America/New_York",
        scope="international",
        base_url="https://thediplomat.com/",
        feeds=(Feed("https://thediplomat.com/regions/central-asia/feed", "en"),),
        listings=(Listing("https://thediplomat.com/regions/central-asia/", language="en"),),
        article_patterns=(r"^https?://(?:www\.)?thediplomat\.com/\d{4}/\d{2}/[a-z0-9-]+/?$",),
        selectors=Selectors(title="header#td-story-head h1", body=".td-prose", authors=".td-authors a"),
        notes=f"{UNVERIFIED} Articles /YYYY/MM/<slug>/ (fs:8921648530, fs:56235819384); the site feed is "
              "/feed/ (fs:69395037855), the region feed path is SOURCES.md's. Covers all of Asia: relevance "
              "filtering applies.",
    ),
    Source(
        key="cabar",
        name="CABAR.asia",
        country="intl",
        languages=("ru", "en", "ky", "uz", "tg", "kk"),
        timezone="Asia/Bishkek",
        scope="international",
        base_url="https://cabar.asia/",
        feeds=(Feed("https://cabar.asia/ru/feed", "ru"), Feed("https://cabar.asia/en/feed/", "en")),
        sitemaps=(Sitemap("https://cabar.asia/en/sitemap.xml", language="en"),),
        listings=(Listing("https://cabar.asia/ru/", language="ru"),),
        article_patterns=(r"^https?://(?:www\.)?cabar\.asia/(?:ru|en|kg|uz|tj|kz)/[a-z0-9]+(?:-[a-z0-9]+){2,}/?$",),
        notes=f"{UNVERIFIED} WordPress (IWPR). /ru/feed (fs:67019156195), /en/feed/ (fs:53771475982, "
              "fs:66478887602); the bare /feed answered an HTML page (fs:68999396741); /en/sitemap.xml "
              "(fs:54284872672). longreads.cabar.asia holds special projects, not declared.",
    ),
    Source(
        key="fergana",
        name="Fergana News Agency",
        country="intl",
        languages=("ru", "en", "uz"),
        timezone="Europe/Moscow",
        scope="international",
        base_url="https://fergana.agency/",
        domains=("en.fergana.agency", "fergana.news", "fergananews.com"),
        feeds=(Feed("https://fergana.agency/rss/", "ru"), Feed("https://en.fergana.agency/rss/", "en")),
        listings=(Listing("https://fergana.agency/news/", language="ru"),),
        article_patterns=(r"^https?://(?:(?:www|en|uz|uzbek)\.)?fergana(?:news\.com|\.news|\.agency)/(?:articles|news)/\d+/?$",),
        notes=f"{UNVERIFIED} Formerly fergananews.com (2018 homepage in corpus/ca_homepages_2018: /news/<id> "
              "chronicle and /articles/<id>), now fergana.agency with en.fergana.agency (fs:71474189438). "
              "RSS /rss/ (fs:61389679493); the English feed path is by analogy. Dates like "
              "'17.03.2018 01:05 msk'.",
    ),
    rferl_service(
        "rferl", "Radio Free Europe/Radio Liberty", "intl", ("en",), "Europe/Prague", "www.rferl.org",
        scope="international",
        # Country feeds of the English site (fs:66478887602): KZ, KG, TJ, TM, UZ in that order.
        feeds=tuple(Feed(f"https://www.rferl.org/api/{zone}", "en") for zone in (
            "zriiml-vomx-tpeogm_", "zqii_l-vomx-tpeigmy", "z_iiol-vomx-tpevgmi", "ztiiml-vomx-tpekgm_",
            "ztukmrl-vomx-tpeki-mo")),
        notes="Country feeds from fs:66478887602; covers the whole RFE/RL region: relevance filtering applies.",
    ),
)
