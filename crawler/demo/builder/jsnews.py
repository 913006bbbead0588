"""The demo site's client-rendered outlet (site/js/): every story's text, and the listing's older links, are
built by a script from an opaque payload, so a download that runs no scripts sees an empty shell.
`python -m crawler.demo.builder.jsnews` writes the pages into the bundled site."""

from __future__ import annotations

import argparse
import base64
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from crawler.demo.builder.common import esc

SITE_NAME = "Karakum Herald"
OUTLET_DIR = "js"
PLAIN_LINKS = 2  # the listing's newest links are in the HTML; the rest arrive through its "load more" script
APP_JS = """// Karakum Herald (demo): the page ships its data as an opaque payload and builds the DOM from it, like a
// client-rendered news app. A crawler that does not run scripts sees only the empty shell.
(function () {
  "use strict";
  function decode(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    var bytes = Uint8Array.from(atob(node.textContent.trim()), function (c) { return c.charCodeAt(0); });
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function renderStory(story) {
    document.title = story.title + " | " + story.site;
    var article = el("article", {"class": "story", "lang": story.lang});
    article.appendChild(el("h1", {"class": "headline"}, story.title));
    var meta = el("p", {"class": "meta"});
    meta.appendChild(el("time", {"class": "published", "datetime": story.published}, story.published_text));
    meta.appendChild(document.createTextNode(" \\u00b7 "));
    var byline = el("span", {"class": "byline"});
    byline.appendChild(el("a", {"href": story.author_url}, story.author));
    meta.appendChild(byline);
    article.appendChild(meta);
    var body = el("div", {"class": "story-body"});
    story.paragraphs.forEach(function (text) { body.appendChild(el("p", {}, text)); });
    article.appendChild(body);
    document.getElementById("app").appendChild(article);
  }
  function renderMore(links) {
    var list = document.querySelector("ul.news-list");
    links.forEach(function (link) {
      var item = el("li");
      item.appendChild(el("a", {"href": link.href}, link.title));
      list.appendChild(item);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var story = decode("story-data");
    if (story) { renderStory(story); }
    var more = decode("more-data");
    if (more) { renderMore(more); }
  });
})();
"""


@dataclass(frozen=True)
class JsStory:
    id: int
    lang: str
    title: str
    published: str  # ISO 8601 with the Ashgabat offset
    published_text: str
    author: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{OUTLET_DIR}/news/{self.id}.html"


# Invented stories, newest first.
STORIES: tuple[JsStory, ...] = (
    JsStory(1004, "en", "Lebap melon growers switch to drip irrigation",
            "2026-11-18T10:30:00+05:00", "18 November 2026, 10:30", "Merdan Orazov", (
                "Melon growers in the Lebap region have laid drip lines on more than four hundred hectares this "
                "season, the regional agriculture department said on Tuesday, after two dry summers cut yields "
                "along the Amu Darya.",
                "Farmers near Farap said the hoses, bought on credit from a state leasing company, used about "
                "half the water of the furrows their fathers dug. One grower said his late Vaharman melons kept "
                "their sweetness even in the August heat.",
                "The department plans to double the irrigated area next spring and to open a repair workshop in "
                "Turkmenabat, where spare fittings have been hard to find since the summer.",
            )),
    JsStory(1003, "ru", "В Мары досрочно завершили сбор хлопка",
            "2026-11-16T18:05:00+05:00", "16 ноября 2026, 18:05", "Гульшат Байрамова", (
                "Хлопкоробы Марыйского велаята завершили сбор урожая на неделю раньше графика, сообщили в "
                "областном хякимлике. По предварительным данным, заготовительные пункты приняли больше "
                "четырёхсот тысяч тонн сырца.",
                "В этом году на полях работало почти вдвое больше уборочных машин, чем три года назад. "
                "Фермеры из Байрамалийского этрапа рассказали, что ранняя уборка позволила им подготовить "
                "землю под озимую пшеницу до первых заморозков.",
                "Хлопок отправят на текстильные комплексы в Мары и Ашхабаде, где в декабре запускают новую "
                "линию по выпуску пряжи для экспорта.",
            )),
    JsStory(1002, "en", "Turkmenbashi port adds a winter ferry to Baku",
            "2026-11-13T09:00:00+05:00", "13 November 2026, 09:00", "Aylar Nurmuhammedova", (
                "The Caspian port of Turkmenbashi will keep a third weekly ferry to Baku running through the "
                "winter, the state shipping agency said, as truck traffic on the trans-Caspian route keeps "
                "growing.",
                "Drivers waiting at the terminal said queues had stretched to four days in October, when grain "
                "and fertiliser exports peaked. The extra sailing should cut that to two days, the agency said.",
                "A second berth for roll-on ferries, built with a loan from an Asian development lender, is due "
                "to open in the spring and would allow daily departures in both directions.",
            )),
    JsStory(1001, "en", "Ashgabat opens a depot for its first electric buses",
            "2026-11-10T15:45:00+05:00", "10 November 2026, 15:45", "Merdan Orazov", (
                "Ashgabat has opened a depot with forty charging points for the city's first electric buses, "
                "which began carrying passengers on two routes between the airport and the Berkararlyk market "
                "this week.",
                "City transport officials said the buses could run the whole day on a single overnight charge "
                "even with air conditioning on, a claim that drivers plan to test during the summer heat.",
                "Another sixty buses are expected next year, when the depot will also serve the new routes to "
                "the Olympic village and the southern residential districts.",
            )),
)


def payload(data: object) -> str:
    """Base64 of the JSON: opaque to a crawler that reads the HTML without running the page's script."""
    return base64.b64encode(json.dumps(data, ensure_ascii=False).encode("utf-8")).decode("ascii")


def _shell(title: str, main: str, data_id: str, data: object) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/{OUTLET_DIR}/app.js" defer></script></head>
<body><header class="site-header"><a href="/{OUTLET_DIR}/">{esc(SITE_NAME)}</a></header>
{main}
<noscript>Please enable JavaScript to read {esc(SITE_NAME)}.</noscript>
<script type="application/octet-stream" id="{data_id}">{payload(data)}</script>
</body></html>
"""


def author_slug(name: str) -> str:
    return "-".join(name.lower().split())


def article_page(story: JsStory) -> str:
    data = {"site": SITE_NAME, "lang": story.lang, "title": story.title, "published": story.published,
            "published_text": story.published_text, "author": story.author,
            "author_url": f"/{OUTLET_DIR}/author/{author_slug(story.author)}/", "paragraphs": list(story.paragraphs)}
    return _shell(SITE_NAME, '<main id="app"></main>', "story-data", data)


def listing_page(stories: tuple[JsStory, ...]) -> str:
    plain = "\n".join(f'<li><a href="{s.path}">{esc(s.title)}</a></li>' for s in stories[:PLAIN_LINKS])
    more = [{"href": s.path, "title": s.title} for s in stories[PLAIN_LINKS:]]
    main = f'<main><h2>Latest news</h2>\n<ul class="news-list">\n{plain}\n</ul></main>'
    return _shell(f"{SITE_NAME}: latest news", main, "more-data", more)


def build(stories: tuple[JsStory, ...] = STORIES) -> dict[str, bytes]:
    """Site files of the outlet, paths relative to the site root."""
    files = {f"{OUTLET_DIR}/index.html": listing_page(stories), f"{OUTLET_DIR}/app.js": APP_JS}
    files.update({story.path.lstrip("/"): article_page(story) for story in stories})
    return {path: text.encode("utf-8") for path, text in files.items()}


def main(argv: list[str] | None = None) -> int:
    from crawler.demo.server import SITE_ROOT

    parser = argparse.ArgumentParser(prog="python -m crawler.demo.builder.jsnews", description=__doc__)
    parser.add_argument("--site", type=Path, default=SITE_ROOT, help="site root (default: the bundled site)")
    args = parser.parse_args(argv)
    for path, content in build().items():
        target = args.site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    print(f"wrote {len(STORIES) + 2} files to {args.site / OUTLET_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
