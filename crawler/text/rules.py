"""Generic boilerplate rules as data: markup to prune, and rows of share buttons, controls and hashtags."""

from __future__ import annotations

import re

from crawler.text.phrases import A

# Words of page furniture in class and id attributes, as whole tokens or "-"/"_" parts of them. Measured on
# trafilatura's 990-page set, pruning by "widget", "sidebar", "ads", "modal", "comments", "paywall", "cmp" and
# "hashtags" removed far more article text than furniture (e.g. "elementor-widget-wrap", "no-sidebar",
# "has-ads", paragraphs marked "paywall" that hold the story), so those words are not here: the aside and
# nav tags, trafilatura's own rules and the paragraph rules handle what they were meant to catch.
FURNITURE_WORDS = frozenset({
    "share", "sharing", "shares", "social", "socials", "sharebar", "addthis", "sociallocker",
    "related", "relatedposts", "readalso", "recommend", "recommended", "recommendations",
    "donate", "donation", "donations", "supportus",
    "newsletter", "subscribe", "subscription", "signup", "mailchimp",
    "cookie", "cookies", "consent", "gdpr",
    "tags", "taglist", "breadcrumb", "breadcrumbs", "disqus",
    "advert", "adverts", "advertisement", "adsbygoogle", "optimole", "popup",
})
# Furniture named by two parts ("read-also", "author_bio") whose parts alone say nothing.
FURNITURE_PAIRS = frozenset({
    ("read", "also"), ("see", "also"), ("more", "news"), ("support", "us"), ("sign", "up"), ("tag", "list"),
    ("comment", "form"), ("ad", "slot"), ("print", "only"), ("author", "bio"), ("author", "box"),
})
PAIR_FIRSTS = frozenset(first for first, _ in FURNITURE_PAIRS)


def is_furniture(attributes: str) -> bool:
    """Whether class/id attribute text names page furniture: a furniture word as a token or a part of one
    (parts split at whitespace, "_" and "-"). Set lookups on the parts: a regex search on every class
    attribute cost ~5 ms a page, and str methods split ~5x faster than a regex."""
    parts = attributes.lower().replace("_", " ").replace("-", " ").split()
    if not FURNITURE_WORDS.isdisjoint(parts):
        return True
    return not PAIR_FIRSTS.isdisjoint(parts) and any(
        pair in FURNITURE_PAIRS for pair in zip(parts, parts[1:], strict=False))


# Always removed: embedded frames, controls and figure captions (photo descriptions and credits are not
# the article's text). Scripts and styles are left to trafilatura, which drops them itself: removing them
# first changed its choice of main text on some pages (measured: 3 of 990 pages lost their whole body).
PRUNE_TAGS = ("template", "iframe", "button", "svg", "select", "input", "textarea", "dialog", "figcaption")
GUARDED_TAGS = ("nav", "aside", "footer")  # removed unless they hold the article's prose
# Removed only when short: a <form> is a search or login box, but ASP.NET pages wrap the whole page in one
# and shops their product text (newsletter and comment forms go with their class); a <noscript> is an
# "enable JavaScript" notice, but some blogs keep their whole text in one.
SHORT_FURNITURE_TAGS = ("form", "noscript")

_SHARE_WORDS = (
    r"share|share this|share on|tweet|facebook|twitter|x|telegram|whatsapp|vk|vkontakte|ok|odnoklassniki|"
    r"linkedin|email|e-mail|print|copy link|reddit|viber|messenger|pinterest|"
    r"вконтакте|одноклассники|фейсбук|твиттер|телеграм|поделиться|поделитесь|отправить|печать|скопировать ссылку|"
    rf"бөлүшүү|бөлісу|ulashish|bo{A}lishish|"
    r"paýlaş|paýlaşmak|paýlaşyň|paylaşmak|мубодила|мубодила кунед|ирсол|ulashing|comments?|комментари[йи]|\d+"
)
SHARE_ROW = re.compile(rf"^(?:\W*(?:{_SHARE_WORDS})\W*)+$", re.I)
BUTTON_ROW = re.compile(
    r"^\W*(?:continue|remind me later|not ready to support today\??|paiment methods|payment methods|"
    r"accept(?: all)?(?: cookies)?|i agree|agree|close|ok|got it|decline|reject all|subscribe|sign up|"
    r"donate(?: now)?|support us|продолжить|принять|согласен|закрыть|подписаться|подробнее|"
    rf"davom etish|qabul qilish|obuna bo{A}ling|қабылдау|жабу|кабыл алуу|жабуу|kabul et|ýap|"
    r"print(?: this)?(?: article| page)?|back to top|load more|show more|loading\W*|link copied|copy link|"
    r"версия для печати|распечатать|наверх|загрузка\W*|показать (?:ещё|еще|больше)|ссылка скопирована|"
    rf"скопировать ссылку|читать (?:далее|полностью)|batafsil(?: o{A}qish)?|ko{A}proq ko{A}rsatish|"
    r"батафсил|толығырақ|кененирээк|all news|все новости|больше новостей|барлық жаңалықтар|бардык жаңылыктар|"
    rf"barcha yangiliklar|барча янгиликлар|ko{A}proq yangiliklar|ҳамаи хабарҳо|ähli habarlar|нусхабардорӣ шуд|"
    r"nusxa olindi|нусха олинди|көшірілді|көчүрүлдү|göçürildi)\W*$",
    re.I,
)
HASHTAG_ROW = re.compile(r"^(?:\s*#[\w\u02bb\u02bc'’-]+[,;]?)+\s*$")
