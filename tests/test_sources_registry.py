"""The registry at full breadth: per-country minimums, consistent declarations and tested article URL patterns."""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from crawler import sources as registry
from crawler.discovery import is_article_url, parse_sitemap
from crawler.sources.base import Source
from crawler.sources.check import endpoints_of, pick_child_sitemaps
from crawler.sources.intl import PANGEA_ARTICLE
from crawler.urls import host_of
from tests.conftest import ROOT, run_scrapy

CORPUS = Path(os.environ.get("NEWS_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
MINIMUMS = {"KZ": 3, "KG": 3, "UZ": 3, "TJ": 2, "TM": 2, "intl": 6}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
REAL = registry.select()

# Per source: realistic article URLs (most seen in public scrapers, see each source's notes) that must match,
# and section, tag, author, pagination, feed and static URLs of the same site that must not.
URL_CASES: dict[str, tuple[list[str], list[str]]] = {
    "tengrinews": (
        ["https://tengrinews.kz/kazakhstan_news/asem-nusupova-pokinula-post-vitse-ministra-zdravoohraneniya-461895/",
         "https://en.tengrinews.kz/kazakhstan_news/president-tokayev-announces-the-launch-of-alemai-269665/",
         "https://kaz.tengrinews.kz/sport/qazaqstan-qurama-bokstan-545612/"],
        ["https://tengrinews.kz/kazakhstan_news/", "https://tengrinews.kz/news/page/2/",
         "https://tengrinews.kz/tag/kazakhstan-2024/", "https://tengrinews.kz/rss/",
         "https://tengrinews.kz/userdata/news/2024/news_523456/thumb_m/photo_12345.jpeg"],
    ),
    "azattyq": (
        ["https://www.azattyq.org/a/33412345.html", "https://rus.azattyq.org/a/kazakhstan-protest-trial/33410001.html"],
        ["https://www.azattyq.org/z/360", "https://rus.azattyq.org/p/5620.html", "https://www.azattyq.org/api/",
         "https://rus.azattyq.org/author/ivan-ivanov/yyqpe"],
    ),
    "vlast": (
        ["https://vlast.kz/novosti/70802-v-almaty-i-almatinskoj-oblasti-s-12-sentabra-povysatsa-tarify-na-elektroenergiu.html",
         "https://vlast.kz/english/61234-kazakhstans-new-parliament.html"],
        ["https://vlast.kz/novosti/", "https://vlast.kz/novosti/3", "https://vlast.kz/feed/",
         "https://vlast.kz/avtory/123-ivan-ivanov"],
    ),
    "kazinform": (
        ["https://www.inform.kz/ru/v-stochnih-vodah-atirau-obnaruzheni-ostatki-nefteproduktov-adef40",
         "https://www.inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e",
         "https://www.inform.kz/ru/zavershena-akciya-protesta-chlenov-profsoyuza-rabotnikov-ao-karazhanbasmunay_a2380062",
         "https://qazinform.com/news/kazakhstan-tops-central-asia-in-chatgpt-use-openai-says-0afd63"],
        ["https://www.inform.kz/ru/lenta", "https://www.inform.kz/ru/lenta/2", "https://www.inform.kz/ru/rss/",
         "https://www.inform.kz/ru/news-decade", "https://qazinform.com/news"],
    ),
    "kursiv": (
        ["https://kz.kursiv.media/2024-10-31/lgtn-hospital-kokshetau/", "https://kz.kursiv.media/2024-11-29/lfst-cheo-kids-food/",
         "https://kz.kursiv.media/en/2025-02-03/kazakhstan-budget-deficit/"],
        ["https://kz.kursiv.media/news/", "https://kz.kursiv.media/feed/", "https://kz.kursiv.media/author/ivanov/",
         "https://kz.kursiv.media/wp-content/uploads/2024/10/1395323251076.jpg",
         "https://uz.kursiv.media/2024-10-31/some-uzbek-story/"],
    ),
    "24kg": (
        ["https://24.kg/obschestvo/189512_v_bishkeke_otkryli_novuyu_shkolu/",
         "https://24.kg/english/376610_Thirteen_schools_in_Kyrgyzystan_fail_state_accreditation/",
         "https://24.kg/kyrgyzcha/287654_bishkekte_jangy_mektep_achyldy/"],
        ["https://24.kg/", "https://24.kg/page_2/", "https://24.kg/english/", "https://24.kg/obschestvo/",
         "https://24.kg/rss/"],
    ),
    "kloop": (
        ["https://kloop.kg/blog/2018/03/18/vlasti-vydelyat-60-mln-somov-na-razvitie-botsada-v-bishkeke/",
         "https://kloop.kg/blog/2018/03/15/krasny_stroitel/", "https://ky.kloop.asia/blog/2024/05/02/jangy-myyzam/"],
        ["https://kloop.kg/page/2/", "https://kloop.kg/o-nas/", "https://kloop.kg/feed/", "https://kloop.kg/2026/",
         "https://kloop.kg/wp-content/uploads/2014/08/kloop_favicon.png"],
    ),
    "akipress": (
        ["https://kg.akipress.org/news:2383552", "https://akipress.com/news:730887:Kyrgyz_organization_receives_JIAPICH_award/",
         "https://m.akipress.com/news:749796:Average_salary_in_Mongolia_reaches_2_million_tugriks"],
        ["https://akipress.org/", "https://akipress.com/rss.php", "https://kg.akipress.org/rss",
         "https://akipress.org/news:abc", "https://kg.akipress.org/cat:3"],
    ),
    "kaktus": (
        ["https://kaktus.media/doc/551630_v_kr_sozdaut_gp_mal_aman_i_sobirautsia_privlekat_chastnyh_veterinarov_na_gosslyjby.html",
         "https://kaktus.media/doc/375842_vpechatleniia_kaktus.media_ot_poezdki_na_shattl_base_iz_bishkeka_v_aeroport_manas_video.html"],
        ["https://kaktus.media/?lable=8&date=2023-04-25&order=time", "https://kaktus.media/doc/",
         "https://kaktus.media/other/sitemap.php?sitemap=sitemap.xml&year=2024&mount=05", "https://kaktus.media/tags/ekonomika"],
    ),
    "knews": (
        ["https://knews.kg/2024/05/02/v-bishkeke-proshel-subbotnik/", "https://knews.kg/2019/12/18/volki-napali-na-skot/"],
        ["https://knews.kg/2024/05/", "https://knews.kg/category/obshhestvo/", "https://knews.kg/feed/",
         "https://knews.kg/wp-content/uploads/2019/12/volki.jpg"],
    ),
    "sputnik-kg": (
        ["https://ru.sputnik.kg/20211007/bezopasnyj-gorod-dengi-raspredelenie-skhema-1054145313.html",
         "https://sputnik.kg/20260216/syrgabayev-ministerstvo-transport-otstavka-1099756819.html"],
        ["https://sputnik.kg/news/", "https://sputnik.kg/export/rss2/archive/index.xml",
         "https://sputnik.kg/img/07e7/09/19/1078906376_0:67:1278:786_1920x0_80_0_0_5767cd6c8703a5fe11ca9ec43c828e46.jpg",
         "https://sputnik.kg/services/news/more.html?id=1090615207&date=20241205T094323"],
    ),
    "azattyk": (
        ["https://www.azattyk.org/a/33612345.html", "https://rus.azattyk.org/a/kyrgyzstan-budget/33600001.html"],
        ["https://www.azattyk.org/p/10386.html", "https://www.azattyk.org/z/23399", "https://www.azattyk.org/politics",
         "https://www.azattyk.org/sitemap_7_news.xml.gz"],
    ),
    "asiaplus": (
        ["https://asiaplustj.info/ru/news/tajikistan/society/20230117/v-dushanbe-voditelyam-nachali-vidavat-gosnomera-s-novoi-seriei-10-vmesto-01",
         "https://www.asiaplustj.info/ru/news/centralasia/20190119/kogda-to-za-nimi-priletali-samoleti"],
        ["https://asiaplustj.info/ru/news/all", "https://asiaplustj.info/ru/news/all?page=2",
         "https://asiaplustj.info/ru/news/economic", "https://asiaplustj.info/ru/rss"],
    ),
    "ozodi": (
        ["https://www.ozodi.org/a/29049671.html", "https://rus.ozodi.org/a/tajikistan-rogun/33500000.html"],
        ["https://www.ozodi.org/z/562", "https://www.ozodi.org/p/5551.html", "https://www.ozodi.org/api/"],
    ),
    "khovar": (
        ["https://khovar.tj/rus/2026/02/pomnit-i-chtit-ego-budut-vsegda/",
         "https://khovar.tj/rus/2023/12/sistema-beznalichnyh-platezhej-v-tadzhikistane-chto-tormozit-eyo-vnedrenie-kak-reshayutsya-problemy/",
         "https://khovar.tj/2024/06/sokhtmoni-nav/"],
        ["https://khovar.tj/lenta-novostey/page/3924/", "https://khovar.tj/category/umuri-bonkdor/",
         "https://khovar.tj/rus/2024/06/", "https://khovar.tj/rus/wp-content/uploads/2024/06/Dushanbe-Ismoili-Somoni-3.jpg"],
    ),
    "azathabar": (
        ["https://www.azathabar.com/a/33123456.html", "https://rus.azathabar.com/a/turkmenistan-gas/33100000.html"],
        ["https://www.azathabar.com/z/3520", "https://rus.azathabar.com/p/7066.html",
         "https://www.azathabar.com/api/z-$g_eqvi-q_t"],
    ),
    "turkmenportal": (
        ["https://turkmenportal.com/blog/64612/studenty-odnogo-iz-vuzov-kazahstana-vpervye-stali-obladatelyami-nftdiplomov",
         "https://turkmenportal.com/blog/13902/prezident-turkmenistana-provel-videoselektornoe-soveshchanie"],
        ["https://turkmenportal.com/blog/novosti/tehnologii", "https://turkmenportal.com/compositions/503",
         "https://turkmenportal.com/catalog/12575", "https://turkmenportal.com/photoreport/13862/fotoreportazh-izobilie-na-rynkah-turkmenistana",
         "https://turkmenportal.com/blog/a/index?path=novosti%2F&page=2"],
    ),
    "orient": (
        ["https://orient.tm/ru/post/45375/poluchenie-licenzii-v-turkmenistane-kak-uzakonit-svoyu-deyatelnost",
         "https://orient.tm/en/post/45380/turkmenistan-and-china-sign-gas-agreement"],
        ["https://orient.tm/ru/", "https://orient.tm/api/core/get_category_posts",
         "https://orient.tm/storage/app/media/ru/2022/12/28122022jony.png", "https://orient.tm/ru/category/politics"],
    ),
    "kunuz": (
        ["https://kun.uz/news/2024/02/22/tashabbusli-budjetda-taklif-kiritish-bosqichi-yakunlandi-loyihada-nimalar-ozgargan",
         "https://kun.uz/en/news/2026/03/17/remittances-to-uzbekistan-exceed-189-billion-tripling-in-five-years"],
        ["https://kun.uz/news/main", "https://kun.uz/news/list", "https://kun.uz/news/category/uzbekiston",
         "https://kun.uz/news/rss", "https://kun.uz/ru/49112665"],
    ),
    "gazetauz": (
        ["https://www.gazeta.uz/ru/2022/11/01/fiscalization-of-payments/", "https://www.gazeta.uz/oz/2024/04/26/bookmakers/"],
        ["https://www.gazeta.uz/ru/list/news/", "https://www.gazeta.uz/ru/list/news/?page=2", "https://www.gazeta.uz/ru/rss/",
         "https://www.gazeta.uz/media/img/2021/01/f11B6V16104622858626_l.jpg", "https://www.gazeta.uz/ru/terms/"],
    ),
    "daryo": (
        ["https://daryo.uz/2023/11/05/namdtu-talabalari-respublika-tanlovida-golib-bolishdi",
         "https://daryo.uz/en/2023/01/11/registan-square-in-samarkand-saw-over-1mn-tourists-in-2022"],
        ["https://daryo.uz/yangiliklar", "https://daryo.uz/news/list", "https://daryo.uz/rss/",
         "https://daryo.uz/cache/2017/07/8730a53fb4b75713be0ec9d4cb91ddaa84c197b6-680x453.jpg"],
    ),
    "uza": (
        ["https://uza.uz/en/posts/international-olympiad-in-informatics-concludes-in-tashkent_895644",
         "https://uza.uz/oz/posts/jaloliddin-jasoratning-mangu-namunasi_190163"],
        ["https://uza.uz/uz/posts", "https://uza.uz/oz/", "https://uza.uz/ru/rss",
         "https://cdn.uza.uz/2024/01/05/16/41/gcSpbgtgZE3qdQWUUpMyYbsvD14elmFm_front.jpg"],
    ),
    "ozodlik": (
        ["https://www.ozodlik.org/a/33412345.html", "https://rus.ozodlik.org/a/uzbekistan-karakalpakstan/33400001.html"],
        ["https://www.ozodlik.org/z/330", "https://www.ozodlik.org/p/6540.html", "https://www.ozodlik.org/api/zfpjlvem"],
    ),
    "eurasianet": (
        ["https://eurasianet.org/kazakhstan-mass-wildfire-deaths-provoke-anger-at-corruption",
         "https://eurasianet.org/turkmen-labor-migrants-turning-elsewhere-as-turkey-is-less-welcoming"],
        ["https://eurasianet.org/region/kazakhstan", "https://eurasianet.org/latest", "https://eurasianet.org/main-rss-feed",
         "https://eurasianet.org/region/tajikistan/feed", "https://eurasianet.org/privacy-policy"],
    ),
    "timesca": (
        ["https://timesca.com/kazakhstan-adopts-pragmatic-ai-regulation-in-financial-sector/",
         "https://timesca.com/artskin-prosthetics-with-a-sense-of-touch-from-kyrgyzstan/"],
        ["https://timesca.com/category/news/", "https://timesca.com/tag/uzbekistan/", "https://timesca.com/page/2/",
         "https://timesca.com/feed/", "https://timesca.com/about-us/"],
    ),
    "moscowtimes": (
        ["https://www.themoscowtimes.com/2024/05/02/russia-and-kazakhstan-sign-gas-deal-a84975",
         "https://themoscowtimes.com/news/russia-to-expand-blacklist-of-americans-60833",
         "https://themoscowtimes.com/articles/theresa-may-ate-what-60839"],
        ["https://themoscowtimes.com/allnews/1", "https://themoscowtimes.com/authors/22", "https://themoscowtimes.com/issues/5815",
         "https://themoscowtimes.com/info/rss", "https://themoscowtimes.com/static/images/favicon/favicon-32x32.png"],
    ),
    "diplomat": (
        ["https://thediplomat.com/2025/09/why-kazakhstans-energy-transition-is-stalling-despite-bold-pledges/",
         "https://thediplomat.com/2022/04/how-should-malaysia-react-to-the-russia-ukraine-conflict/"],
        ["https://thediplomat.com/regions/central-asia/", "https://thediplomat.com/topics/politics/",
         "https://thediplomat.com/authors/catherine-putz/", "https://thediplomat.com/wp-content/uploads/2024/05/thediplomat-2024-05-01.jpg"],
    ),
    "cabar": (
        ["https://cabar.asia/en/how-kyrgyzstan-fights-air-pollution-in-bishkek", "https://cabar.asia/ru/kak-tadzhikistan-gotovitsya-k-zime"],
        ["https://cabar.asia/ru/", "https://cabar.asia/ru/category/ru", "https://cabar.asia/en/feed/",
         "https://cabar.asia/wp-content/uploads/2024/09/Zapovednik-Kyrgyz-Ata-Oshskaya-oblast-Kyrgyzstan.-Foto-PROON-Kyrgyzstan.jpeg"],
    ),
    "fergana": (
        ["https://en.fergana.agency/news/142395/", "https://fergana.agency/articles/9856/", "https://www.fergananews.com/news/28924"],
        ["https://fergana.agency/news/", "https://www.fergananews.com/kyrgyzstan", "http://www.fergananews.com/news.php?id=17268",
         "https://fergana.agency/siteapi/media/images/7e4b1d32-0ad6-4371-9ce3-73571c911480.jpeg", "https://fergana.agency/rss/"],
    ),
    "rferl": (
        ["https://www.rferl.org/a/majlis-russian-chinese-influence-central-asia/33423647.html", "https://www.rferl.org/a/31355045.html"],
        ["https://www.rferl.org/Azadi-English", "https://www.rferl.org/p/5549.html", "https://www.rferl.org/rssfeeds",
         "https://www.rferl.org/api/zriiml-vomx-tpeogm_"],
    ),
}


def site(host: str) -> str:
    """The registrable part of a host (every declared outlet has a two-label registrable domain)."""
    return ".".join(host.split(".")[-2:])


def hosts_of(source: Source) -> set[str]:
    return {host_of(source.base_url), *source.domains}


def test_registry_has_the_required_breadth() -> None:
    assert len(REAL) >= 25
    counts = Counter(s.country for s in REAL)
    for country, minimum in MINIMUMS.items():
        assert counts[country] >= minimum, (country, counts[country])
    assert all(s.scope == "international" for s in REAL if s.country == "intl")
    assert all(s.scope == "regional" for s in REAL if s.country != "intl")


def test_sources_list_json_meets_the_minimums() -> None:
    proc = run_scrapy(["sources", "list", "--json"])
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) >= 25 and not any(r["key"].startswith("demo-") for r in rows)
    counts = Counter(r["country"] for r in rows)
    assert all(counts[c] >= n for c, n in MINIMUMS.items()), counts
    assert all({"key", "name", "country", "languages", "scope"} <= set(r) and r["languages"] for r in rows)


@pytest.mark.parametrize("source", REAL, ids=lambda s: s.key)
def test_declaration_is_complete_and_honest(source: Source) -> None:
    assert not source.verified and "Unverified from here" in source.notes
    assert ZoneInfo(source.timezone)
    assert all(LANGUAGE_CODE.match(code) for code in source.languages), source.languages
    assert source.article_patterns, "every real source needs article URL patterns"
    assert source.feeds or source.sitemaps or source.listings
    assert re.search(r"fs:\d+|SOURCES\.md|corpus/", source.notes), "notes must cite their evidence"


@pytest.mark.parametrize("source", REAL, ids=lambda s: s.key)
def test_entry_points_belong_to_the_source(source: Source) -> None:
    """Language editions are entry points of one source: every endpoint is on one of its declared hosts and
    tagged (when tagged) with one of its languages."""
    hosts = hosts_of(source)
    for endpoint in endpoints_of(source):
        assert endpoint.url.startswith("https://"), endpoint.url
        assert host_of(endpoint.url) in hosts, (endpoint.url, hosts)
        assert endpoint.language is None or endpoint.language in source.languages, endpoint
    assert any(e.language in (None, source.languages[0]) for e in endpoints_of(source)), \
        "the primary language needs an entry point"


def test_one_outlet_is_one_source() -> None:
    """No two sources share a registrable domain: a language edition is never declared as a sibling source."""
    owner: dict[str, str] = {}
    for source in REAL:
        for host in hosts_of(source):
            assert owner.setdefault(site(host), source.key) == source.key, (host, owner[site(host)], source.key)


def test_every_source_has_url_cases() -> None:
    assert set(URL_CASES) == {s.key for s in REAL}


@pytest.mark.parametrize("key", sorted(URL_CASES))
def test_article_patterns(key: str) -> None:
    source = registry.by_key(key)
    articles, others = URL_CASES[key]
    assert len(articles) >= 2 and len(others) >= 2
    for url in articles:
        assert is_article_url(url, source), url
        assert registry.source_for_url(url) == source, url
    for url in others:
        assert not is_article_url(url, source), url


def test_orient_needs_a_browser_and_pangea_services_share_the_cms() -> None:
    assert registry.by_key("orient").render == "browser"
    pangea = [s for s in REAL if s.article_patterns == (PANGEA_ARTICLE,)]
    assert {s.key for s in pangea} == {"azattyq", "azattyk", "ozodi", "azathabar", "ozodlik", "rferl"}
    for source in pangea:
        assert any(s.url == f"{source.base_url}sitemap.xml" for s in source.sitemaps)


# --- evaluation on public captures (skipped without ../shared/corpus) ------------------------------------------

SITEMAPS = CORPUS / "rferl_sitemaps"
HOMEPAGES = CORPUS / "ca_homepages_2018"


@pytest.mark.skipif(not SITEMAPS.is_dir(), reason=f"RFE/RL sitemaps not found at {SITEMAPS}")
def test_pangea_patterns_on_real_rferl_sitemaps() -> None:
    """Every URL of the real *_latest and *_news sitemaps is an article of the right source; no URL of the
    *_sections sitemaps is; each host's sitemap index is a declared endpoint and its news/latest files are
    the children the check follows."""
    checked = 0
    for host_dir in sorted(p for p in SITEMAPS.iterdir() if p.is_dir()):
        source = registry.source_for_url(f"https://{host_dir.name}/")
        assert source is not None, host_dir.name
        assert f"https://{host_dir.name}/sitemap.xml" in {s.url for s in source.sitemaps}
        index = parse_sitemap((host_dir / "sitemap.xml").read_bytes())
        followed = {u.rsplit("_", 1)[-1] for u in pick_child_sitemaps(index.sitemaps, 2)}
        assert followed == {"latest.xml.gz", "news.xml.gz"}
        for file in sorted(host_dir.glob("*.xml.gz")):
            urls = [link.url for link in parse_sitemap(gzip.decompress(file.read_bytes())).links]
            matched = [u for u in urls if registry.source_for_url(u) == source and is_article_url(u, source)]
            if "_sections" in file.name:
                assert urls and not matched, file
            else:
                assert matched == urls, (file, sorted(set(urls) - set(matched))[:3])
                checked += len(urls)
    assert checked > 3000


@pytest.mark.skipif(not HOMEPAGES.is_dir(), reason=f"2018 homepages not found at {HOMEPAGES}")
def test_patterns_on_real_2018_homepages() -> None:
    """On each captured homepage our patterns find every article link the corpus regex lists and accept
    nothing else, except article links the lower-case-only corpus regex misses (slugs with capitals)."""
    index = json.loads((HOMEPAGES / "index.json").read_text(encoding="utf-8"))
    compared = 0
    for name, meta in index.items():
        text = gzip.decompress((HOMEPAGES / name).read_bytes()).decode("utf-8")
        pattern = meta.get("article_link_pattern")
        if not pattern or not text.strip():
            continue
        reference = re.compile(pattern)
        reference_ci = re.compile(pattern, re.IGNORECASE)
        source = registry.source_for_url(meta["url"])
        assert source is not None, name
        hrefs = [a.get("href").strip() for a in lxml_html.fromstring(text).iter("a") if a.get("href")]
        assert sum(1 for h in hrefs if reference.search(h)) == meta["article_hrefs"], name
        expected = {urljoin(meta["url"], h) for h in hrefs if reference.search(h)}
        ours = {u for h in hrefs if is_article_url(u := urljoin(meta["url"], h).split("#", 1)[0], source)}
        assert expected <= ours, (name, sorted(expected - ours)[:3])
        extra = [u for u in ours - expected if not reference_ci.search(u.split(host_of(u), 1)[-1])]
        assert not extra, (name, extra[:3])
        compared += len(expected)
    assert compared > 400
