"""What the outlet asks of the reader, by language: follow, subscribe, pay, donate, rate, report a typo; and ads."""

from __future__ import annotations

import re

from crawler.text.phrases import A, family

# Newsletters, channels and apps to follow.
NEWSLETTER_PHRASES = {
    "en": (r"subscribe (?:to|for) (?:our|the) (?:newsletter|telegram|channel|daily|weekly)",
           r"sign up (?:for|to) (?:our|the) (?:newsletter|daily|weekly)", r"get (?:our|the) (?:newsletter|daily)",
           r"follow (?:us|[\w .-]{2,30}) on (?:twitter|facebook|instagram|telegram|youtube|linkedin|x|tiktok|"
           r"whatsapp|google news)\b",
           r"join us on", r".{0,80}\b(?:in|to) your inbox\b", r"never miss (?:a|the latest)",
           r"download (?:the|our) [\w ]{0,30}apps?\b", r"sign up here", r"newsletter\s*:",
           r".{0,60}\b(?:скачайте|установите) (?:наше )?(?:мобильное )?приложение",
           r".{0,60}иловасини (?:юклаб олинг|юкланг|юклаш)", r".{0,60}\bilovasini (?:yuklab oling|yuklang|yuklash)",
           r".{0,60}қосымшасын жүктеп алыңыз", r".{0,60}тиркемесин жүктөп алыңыз",
           r"stay (?:informed|up to date|updated) with\b",
           r"(?:do you have|got) a (?:news |story )?(?:tip|story)(?: to (?:tell|share))?\?",
           r"(?:get in touch|contact) (?:with )?our news ?(?:team|desk)", r"for more stories like this\b",
           r"check out (?:more of )?(?:our|the [\w’'. ]{2,30}) latest [\w ]{0,20}(?:stories|news|articles)\b",
           r"sign up for (?:our|the) (?:e-?mails|newsletters?)\b",
           r"our website is the place for the latest", r"follow (?:our|the) (?:full |latest |live )?coverage of",
           r"for (?:the|our) latest [^.]{0,80}\b(?:sign up (?:for|to)|download (?:the|our))\b"),
    "ru": (r"подпи(?:сывайтесь|шитесь) на (?:наш|нас)", r"подпишитесь на рассылку",
           r"есть (?:чем поделиться|что рассказать|интересная (?:история|новость))\?",
           r"сообщите нам (?:о|свою) новост", r"предложить новость",
           r"(?:самые|все) (?:свежие|важные|главные|актуальные|интересные) новости[^.?!]{0,60}(?:—|–|-|:) (?:в|на) "
           r"(?:наш\w* )?(?:telegram|телеграм|whatsapp|instagram|youtube|дзен|facebook|tiktok)",
           r"следите за (?:нами|новостями) в", r"присоединяйтесь к нам", r"telegram(?:-| )канал\b.{0,40}подпис"),
    "kk": (r"бізді .{0,30}(?:оқыңыз|жазылыңыз)", r"жаңалығыңыз бар ма\?"),
    "ky": (r"бизди .{0,30}(?:окуңуз|жазылыңыз|көзөмөлдөңүз)", r"telegram-каналына катталыңыз", r"жаңылыгыңыз барбы\?"),
    "uz": (r"telegram kanalimizga obuna", r"kanalimizga obuna bo", r"bizni .{0,30}kuzating", r"обуна бўлинг",
           r"sizda (?:qiziqarli )?yangilik bormi\?", r"сизда (?:қизиқарли )?янгилик борми\?",
           r"каналимизга обуна", r"бизни .{0,30}кузатинг"),
    "tg": (r"моро дар .{0,30}пайгирӣ кунед",),
    "tk": (r"bizi .{0,30}yzarlaň",),
    "de": (r"(?:zum|unseren?) newsletter(?: anmelden| abonnieren)?", r"newsletter abonnieren", r"folgen sie uns",
           r"folge uns", r"jetzt abonnieren", r"abonnieren sie (?:unseren|den)", r"abonniere (?:unseren|den)",
           r"folgst du (?:uns|schon)", r"\d+ wochen (?:gratis|kostenlos) testen",
           r".{0,60}\bnewsletter informiert (?:sie|dich)\b"),
    "fr": (r"abonnez-vous", r"inscrivez-vous à (?:notre|la) newsletter", r"suivez-nous"),
    "es": (r"suscríbete", r"s[ií]guenos en", r"únete (?:a|desde)", r"¡?mira lo que tiene nuestro canal",
           r"¿?ya sabías que .{0,40}canal de (?:telegram|whatsapp)"),
    "pl": (r"zapisz się", r"obserwuj nas", r"zapraszamy (?:też )?do subskrypcji"),
}
NEWSLETTER = re.compile(rf"^\W*(?:{family(NEWSLETTER_PHRASES)})", re.I)

# A short line sending readers to the outlet's messenger channel or social page ("Самые важные новости — в нашем
# Telegram-канале", "Xabarlarni Telegram kanalimizda kuzatib boring"): a platform and, close to it, an
# imperative or "our" aimed at the reader (follow, subscribe, share, send us). A report of what someone posted
# ("написал в своём Telegram-канале") has neither.
PLATFORMS = (r"telegram|телеграм|whatsapp|ватсап|вотсап|instagram|инстаграм|youtube|ютуб|tiktok|тикток|дзен|"
             r"facebook|фейсбук|вконтакте|одноклассник|threads|viber|вайбер")
PROMO_CUES = {
    "en": (r"follow us", r"subscribe (?:to )?(?:us|our)", r"join (?:us|our)", r"(?:on|in|to|via) our", r"download our"),
    "ru": (r"подпи(?:сывайтесь|сывайся|шитесь|шись)", r"(?:в|на) наш(?:ем|ему|их|и|у|а)?",
           r"читайте (?:нас|все новости)",
           r"следите за (?:нами|(?:нашими )?новостями)", r"присоединяйтесь", r"присылайте", r"пишите (?:нам|в)"),
    "kk": (r"арнамыз\w*", r"парақшамыз\w*", r"жазылыңыз", r"оқыңыз", r"қосылыңыз", r"бізді", r"бізге жіберіңіз",
           r"бөлісіңіз"),
    "ky": (r"каналыбыз\w*", r"барагыбыз\w*", r"жазылыңыз", r"окуңуз", r"кошулуңуз", r"бизди", r"бизге жөнөтүңүз",
           r"бөлүшүңүз"),
    "uz": (r"kanalimiz\w*", r"sahifamiz\w*", rf"obuna bo{A}ling", r"kuzating", r"kuzatib boring", r"bizni",
           r"yozing", r"botimiz\w*", r"каналимиз\w*", r"саҳифамиз\w*", r"обуна бўлинг", r"кузатинг",
           r"кузатиб боринг", r"бизни", r"ёзинг", r"ботимиз\w*", r"bizga yuboring", rf"o{A}rtoqlashing",
           r"бизга юборинг", r"ўртоқлашинг"),
    "tg": (r"канали мо", r"саҳифаи мо", r"обуна шавед", r"пайгирӣ кунед", r"моро", r"(?:би)?фиристед",
           r"мубодила кунед"),
    "tk": (r"kanalymyz\w*", r"sahypamyz\w*", r"ýazylyň", r"yzarlaň", r"bizi", r"bize iberiň", r"paýlaşyň"),
}
_CUES = family(PROMO_CUES)
MESSENGER_PROMO = re.compile(
    rf"(?<!\w)(?:{_CUES})(?!\w).{{0,60}}(?:{PLATFORMS})|(?:{PLATFORMS}).{{0,60}}(?<!\w)(?:{_CUES})(?!\w)", re.I)

# Paywall notices: the rest of the story is for subscribers.
PAYWALL_PHRASES = {
    "en": (r"to (?:view|read|continue reading) the (?:full|whole|rest of the) (?:story|article)",
           r"subscribe now (?:to|for)", r"already a subscriber",
           r"^\W*(?:for )?subscribers? only\b", r"(?:article|content|story|post) is (?:for )?subscribers? only",
           r"this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)",
           r"log in to (?:read|continue)", r"log in or create an? (?:free )?account to (?:continue|read)",
           r"enjoying our (?:latest )?content\?"),
    "ru": (r"(?:материал|стать|текст|публикаци|контент)\w* доступ\w* только (?:для )?подписчик",
           r"^\W*(?:доступно )?только (?:для )?подписчик", r"полная версия (?:статьи )?доступна",
           r"чтобы (?:прочитать|читать) (?:статью )?полностью"),
    "de": (r"nur für abonnenten", r"sie sind (?:aktuell )?nicht eingeloggt", r"jetzt weiterlesen mit"),
    "fr": (r"pour lire la suite", r"réservé aux abonnés", r"pour accéder en illimité",
           r"il vous reste [\d.,]+\s?% de cet article à lire", r"découvrez nos offres"),
    "es": (r"(?:contenido|funcionalidad) (?:es )?(?:exclusiv[ao] |sólo |solo )?para suscriptores",
           r"tu suscripción se está usando en otro dispositivo", r"añadir otro usuario a tu suscripción",
           r"si continúas leyendo en este dispositivo", r"si quieres compartir tu cuenta",
           r"quién está usando tu cuenta", r"continuar compartiendo tu cuenta"),
    "ja": (r"記事は(?:有料)?会員限定", r"有料会員(?:になると|限定|登録)", r"有料記事", r"読み放題", r"無料で会員登録"),
}
PAYWALL = re.compile(rf"(?:{family(PAYWALL_PHRASES)})", re.I)

# Ads and affiliate disclosures.
ADVERT_PHRASES = {
    "en": (r"^\W*(?:advertisement|sponsored(?: content)?|paid (?:post|content))\W*$", r"affiliate links?",
           r"we may (?:receive|earn) (?:a )?(?:commission|compensation)", r"advertisers do not influence",
           r"contains references to products from .{0,40}advertisers", r"^\W*advertise with",
           r"may earn (?:us )?(?:an? )?(?:affiliate )?commission", r"story continues below"),
    # the label alone or set off ("ANZEIGE - …", "[Werbung] …", "*Werbung. …"): "Реклама в соцсетях…" and
    # "Werbung nervt." open prose
    "ru": (r"^\W*(?:реклама|на правах рекламы|партн[её]рский материал)(?:\W*$|\s*[:|.\])–—-]\s)",),
    # "Reklama": the label in Uzbek and Turkmen Latin script (and Polish)
    "uz": (r"^\W*(?:reklama|reklama huquqi asosida)(?:\W*$|\s*[:|.\])–—-]\s)",),
    "de": (r"^\W*(?:anzeige|werbung)(?:\W*$|\s*[:|.\])–—-]\s)", r"affiliate[- ]links?"),
    "es": (r"^\W*publicidad\W*$",),
}
ADVERT = re.compile(rf"(?:{family(ADVERT_PHRASES)})", re.I)

# Invitations to donate. A paragraph with one of these and few words is an appeal, not news.
DONATION_PHRASES = {
    "en": (r"(?:^\W*|\bplease |\byou can |\bclick here to |\bconsider |\bhelp us by )donat(?:e|ing)\b",
           r"\bdonate (?:now|today|here|online)\b", r"we need your (?:help|support)\b.{0,120}\bdonate",
           r"support us (?:monthly|today|now)",
           r"every contribution (?:makes|helps|counts|matters)",
           r"make a (?:donation|contribution) (?:today|now)", r"become a (?:member|patron|supporter)", r"patreon",
           r"(?:would|will) you consider supporting", r"support (?:our|independent) (?:work|journalism)"),
    "ru": (r"задонат", r"поддержите нас", r"поддержать нас", r"сделать пожертвование", r"поддержите редакцию"),
    "kk": (r"бізді қолдаңыз",),
    "ky": (r"бизди колдоңуз",),
    "uz": (r"xayriya qiling", rf"bizni qo{A}llab-quvvatlang", r"бизни қўллаб-қувватланг"),
    "tg": (r"моро дастгирӣ кунед",),
    "tk": (r"bizi goldaň",),
    "de": (r"unterstütze uns", r"unterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus)",
           r"jetzt unterstützen", r"spenden sie", r"journalismus braucht (?:deine|ihre) unterstützung",
           r"werden sie (?:jetzt )?(?:mitglied|unterstützer)", r"sie können (?:uns|das|unsere arbeit) unterstützen"),
    "fr": (r"soutenez-nous", r"faites un don"),
    "es": (r"hazte (?:miembro|socio)", r"apóyanos", r"apoya (?:nuestro|el) periodismo", r"dona ahora",
           r"también puedes hacer periodismo"),
    "pl": (r"wesprzyj nas",),
}
DONATION = re.compile(rf"(?:{family(DONATION_PHRASES)})", re.I)

# Reader feedback widgets: typo reports ("select it and press Ctrl+Enter"), article ratings.
READER_FEEDBACK = re.compile(
    r"(?:ctrl\s*\+\s*enter|fehler gefunden\?|нашли (?:ошибку|опечатку)|(?:ошибку|опечатку) в тексте|"
    r"xato(?:lik)?ni? (?:topdingizmi|topsangiz)|хато(?:лик)?ни? (?:топдингизми|топсангиз)|қате тапсаңыз|"
    r"ката тапсаңыз|wie hat ihnen (?:dieser|der) artikel gefallen|durchschnittliche bewertung|"
    r"how (?:useful|helpful) was this (?:article|story)|did you (?:like|enjoy) this (?:article|story)\?|"
    r"we want to hear what you think about this (?:article|story)|"
    r"оцените (?:статью|материал|новость|публикацию)|понравилась (?:ли )?(?:статья|новость)\?)",
    re.I,
)
# A paragraph starting like this opens an appeal that runs to the end of the article.
APPEAL_START = re.compile(
    r"^\W*(?:a message from [^:]{2,60}:?$|dear readers,?$|support (?:independent|our) journalism|"
    r"(?:please )?(?:consider )?(?:supporting|support) (?:us|our work|the [a-z ]{2,40})\b.{0,60}"
    r"(?:donat|contribut|monthly)|"
    r"уважаемые читатели,?$|дорогие читатели,?$|поддержите (?:редакцию|нас|независим|журналист)|"
    r"поддержать (?:редакцию|нас)|"
    rf"құрметті оқырман(?:дар)?,?$|урматтуу окурман(?:дар)?,?$|hurmatli o{A}quvchi(?:lar)?,?$|"
    r"ҳурматли ўқувчи(?:лар)?,?$|хонандагони (?:гиромӣ|азиз),?$|hormatly okyjy(?:lar)?,?$|"
    r"liebe leserinnen und leser,?$|chers lecteurs,?$|queridos lectores,?$)",
    re.I,
)
