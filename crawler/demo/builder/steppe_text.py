"""Steppe Times' fixed strings: its boilerplate (asserted absent from extracted bodies) and page chrome."""

from __future__ import annotations

SITE_NAME = "Steppe Times"
TAGLINE = "Independent news from Central Asia"
SHARE_LABELS = ("Share on Facebook", "Tweet", "Telegram", "WhatsApp")
DONATION_HEADING = "A Message from Steppe Times:"
DONATION_PARAGRAPHS = (
    "Dear readers,",
    "Independent reporting from Central Asia has never been more needed, or harder to sustain. Our "
    "correspondents in Tashkent, Almaty, Bishkek and Dushanbe work under growing pressure, and advertising "
    "alone no longer covers the cost of their work.",
    "If you value what we do, please support us monthly starting from just $2. It takes a minute to set up, "
    "and every contribution keeps our newsroom independent.",
)
DONATION_BUTTON = "Continue"
DONATION_LATER = "Not ready to support today?"
DONATION_REMIND = "Remind me later."
OPTIMOLE = "Optimized by Optimole"
READ_ALSO = {"en": "Read also:", "uz": "Shuningdek oʻqing:", "uz-ascii": "Shuningdek o'qing:"}
COOKIE_TEXT = ("We use cookies to give you the best experience on our website. By continuing to browse, "
               "you agree to our use of cookies.")
COOKIE_BUTTON = "Accept"
NEWSLETTER_HEADING = "Subscribe to our newsletter"
NEWSLETTER_TEXT = "The day’s top stories from Central Asia, every morning in your inbox."
NEWSLETTER_BUTTON = "Subscribe"
FOOTER = ("© 2026 Steppe Times. Steppe Times is a fictional outlet of an offline demo site; its stories are "
          "invented for testing a crawler.")

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "uz": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr",
           "dekabr"),
}
MENU = (("Home", "/steppe/"), ("Politics", "/steppe/tag/politics/"), ("Economy", "/steppe/tag/economy/"),
        ("Society", "/steppe/tag/society/"), ("Culture", "/steppe/tag/culture/"), ("Sport", "/steppe/tag/sport/"),
        ("Oʻzbekcha", "/steppe/tag/ozbekcha/"), ("About", "/steppe/about/"), ("Contacts", "/steppe/contacts/"))
ABOUT = (
    "Steppe Times is an independent newsroom covering Uzbekistan and its neighbours in English and Uzbek. "
    "We report on politics, the economy, the environment, culture and sport across Central Asia.",
    "Our editorial office is in Tashkent, with correspondents in Samarkand, Nukus, Almaty and Bishkek. We "
    "publish corrections at the foot of the article concerned.",
    "This outlet is fictional. It exists only on an offline demo site used to test a news crawler, and every "
    "story on it is invented.",
)
CONTACTS = (
    "Newsroom: news@steppe-times.example, +998 71 200 00 00.",
    "Advertising: ads@steppe-times.example.",
    "Postal address: 12 Amir Temur Avenue, Tashkent 100000, Uzbekistan.",
)
SUPPORT = (
    "Your donation pays for reporting trips to the regions, for translation into Uzbek and for the legal "
    "advice our reporters increasingly need.",
    "We accept monthly and one-off contributions by card. We never share donors’ names.",
)
