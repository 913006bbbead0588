"""Boilerplate phrases by family and language: what a paragraph that is not the article says."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Languages: the region's (ru, kk, ky, uz in Latin and Cyrillic, tg, tk), English, and the European
# languages of international outlets and of the evaluation corpora (de, fr, es, it, pt, pl, tr).
A = "[ʻ‘'`’ʼ]?"  # the Uzbek and Turkmen apostrophe, in any of the ways it is typed (or left out)


def _family(by_language: Mapping[str, tuple[str, ...]]) -> str:
    return "|".join(phrase for phrases in by_language.values() for phrase in phrases)


# A label opening a block of links to other stories ("Read also:"), or the heading of such a block.
READ_ALSO_PHRASES = {
    "en": (r"read (?:also|more|next)", r"see also", r"also read", r"more on this(?: story| topic)?",
           r"related(?: articles| stories| news| content| posts| coverage| topics| reading)?",
           r"recommended(?: for you| stories| articles| reading)?", r"you (?:may|might) also (?:like|be interested)",
           r"further reading", r"more (?:stories|news|articles)", r"most (?:read|popular)", r"more:", r"also on"),
    "ru": (r"читайте (?:также|тоже|еще|ещё)", r"смотрите также", r"по теме", r"материалы по теме",
           r"другие новости", r"похожие новости", r"ранее по теме", r"(?:еще|ещё) по теме", r"новости по теме",
           r"самое читаемое", r"рекомендуем", r"новости партн[её]ров"),
    "kk": (r"тақырыпқа қатысты", r"тақырыпқа орай", r"сондай-ақ оқыңыз", r"оқи отырыңыз", r"тағы оқыңыз",
           r"ұқсас жаңалықтар", r"ұсынамыз"),
    "ky": (r"тақырыпка тиешелүү", r"темага тиешелүү", r"ушул темада", r"дагы окуңуз", r"окуй(?:ңуз)?",
           r"окшош жаңылыктар", r"сунуштайбыз"),
    "uz": (r"mavzuga oid", rf"shuningdek,? o{A}qing", rf"yana o{A}qing", rf"o{A}xshash yangiliklar",
           r"hamkorlar yangiliklari", r"tavsiya etamiz",
           r"мавзуга оид", r"тавсия этамиз", r"шунингдек,? ўқинг", r"яна ўқинг", r"ўхшаш янгиликлар"),
    "tg": (r"мавзӯи марбут", r"инчунин хонед", r"бештар хонед", r"хабарҳои марбут", r"тавсия (?:медиҳем|мекунем)"),
    "tk": (r"şeýle hem okaň", r"degişli habarlar", r"meňzeş habarlar", r"maslahat berýäris", r"hödürleýäris"),
    "de": (r"lesen sie (?:auch|mehr)", r"lies auch", r"auch interessant", r"schon gelesen",
           r"(?:das|dieses thema) könnte (?:sie|dich) auch interessieren", r"mehr (?:zum thema|themen|dazu)",
           r"weitere (?:artikel|beiträge|themen|nachrichten|meldungen)", r"zum weiterlesen",
           r"empfohlene (?:artikel|beiträge)", r"verwandte (?:artikel|themen)", r"meistgelesen"),
    "fr": (r"(?:à |a )?lire (?:aussi|également)", r"voir aussi", r"sur le même sujet", r"articles? similaires"),
    "es": (r"le[ae] también", r"(?:también )?(?:te|le) puede interesar", r"noticias? relacionadas?",
           r"notas relacionadas", r"contenido relacionado", r"temas relacionados", r"más sobre"),
    "it": (r"leggi anche", r"potrebbe interessarti", r"articoli correlati"),
    "pt": (r"leia também", r"veja também", r"leia mais", r"saiba mais"),
    "pl": (r"czytaj (?:też|także|więcej)", r"zobacz (?:też|także)", r"przeczytaj (?:też|także)", r"polecamy"),
    "tr": (r"ayrıca okuyun", r"ilgili haberler", r"bunlar da ilginizi çekebilir"),
}
READ_ALSO_ALTERNATION = _family(READ_ALSO_PHRASES)
READ_ALSO = re.compile(rf"^\W*(?:{READ_ALSO_ALTERNATION})(?=\W|$)\W*", re.I)

# Newsletters, channels and apps to follow.
NEWSLETTER_PHRASES = {
    "en": (r"subscribe (?:to|for) (?:our|the) (?:newsletter|telegram|channel|daily|weekly)",
           r"sign up (?:for|to) (?:our|the) (?:newsletter|daily|weekly)", r"get (?:our|the) (?:newsletter|daily)",
           r"follow (?:us|[\w .-]{2,30}) on (?:twitter|facebook|instagram|telegram|youtube|linkedin|x|tiktok|"
           r"whatsapp|google news)\b",
           r"join us on", r".{0,80}\b(?:in|to) your inbox\b", r"never miss (?:a|the latest)",
           r"download (?:the|our) [\w ]{0,30}apps?\b", r"sign up here", r"newsletter\s*:",
           r"stay (?:informed|up to date|updated) with\b", r"(?:do you have|got) a story(?: to (?:tell|share))?\?",
           r"(?:get in touch|contact) (?:with )?our news ?(?:team|desk)", r"for more stories like this\b",
           r"check out (?:more of )?(?:our|the [\w’'. ]{2,30}) latest [\w ]{0,20}(?:stories|news|articles)\b",
           r"sign up for (?:our|the) (?:e-?mails|newsletters?)\b",
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
           r"folgst du (?:uns|schon)", r"\d+ wochen (?:gratis|kostenlos) testen"),
    "fr": (r"abonnez-vous", r"inscrivez-vous à (?:notre|la) newsletter", r"suivez-nous"),
    "es": (r"suscríbete", r"s[ií]guenos en", r"únete (?:a|desde)", r"¡?mira lo que tiene nuestro canal",
           r"¿?ya sabías que .{0,40}canal de (?:telegram|whatsapp)"),
    "pl": (r"zapisz się", r"obserwuj nas", r"zapraszamy (?:też )?do subskrypcji"),
}
NEWSLETTER = re.compile(rf"^\W*(?:{_family(NEWSLETTER_PHRASES)})", re.I)

# A short line sending readers to the outlet's messenger channel or social page ("Самые важные новости — в нашем
# Telegram-канале", "Xabarlarni Telegram kanalimizda kuzatib boring"): a platform and, close to it, an
# imperative or "our" aimed at the reader. A report of what someone posted ("написал в своём Telegram-канале")
# has neither.
PLATFORMS = (r"telegram|телеграм|whatsapp|ватсап|вотсап|instagram|инстаграм|youtube|ютуб|tiktok|тикток|дзен|"
             r"facebook|фейсбук|вконтакте|одноклассник|threads|viber|вайбер")
PROMO_CUES = {
    "en": (r"follow us", r"subscribe (?:to )?(?:us|our)", r"join (?:us|our)", r"(?:on|in|to|via) our", r"download our"),
    "ru": (r"подпи(?:сывайтесь|сывайся|шитесь|шись)", r"(?:в|на) наш(?:ем|ему|их|и|у|а)?",
           r"читайте (?:нас|все новости)",
           r"следите за (?:нами|(?:нашими )?новостями)", r"присоединяйтесь", r"присылайте", r"пишите (?:нам|в)"),
    "kk": (r"арнамыз\w*", r"парақшамыз\w*", r"жазылыңыз", r"оқыңыз", r"қосылыңыз", r"бізді"),
    "ky": (r"каналыбыз\w*", r"барагыбыз\w*", r"жазылыңыз", r"окуңуз", r"кошулуңуз", r"бизди"),
    "uz": (r"kanalimiz\w*", r"sahifamiz\w*", rf"obuna bo{A}ling", r"kuzating", r"kuzatib boring", r"bizni",
           r"yozing", r"botimiz\w*", r"каналимиз\w*", r"саҳифамиз\w*", r"обуна бўлинг", r"кузатинг",
           r"кузатиб боринг", r"бизни", r"ёзинг", r"ботимиз\w*"),
    "tg": (r"канали мо", r"саҳифаи мо", r"обуна шавед", r"пайгирӣ кунед", r"моро"),
    "tk": (r"kanalymyz\w*", r"sahypamyz\w*", r"ýazylyň", r"yzarlaň", r"bizi"),
}
_CUES = _family(PROMO_CUES)
MESSENGER_PROMO = re.compile(
    rf"(?<!\w)(?:{_CUES})(?!\w).{{0,60}}(?:{PLATFORMS})|(?:{PLATFORMS}).{{0,60}}(?<!\w)(?:{_CUES})(?!\w)", re.I)

# Paywall notices: the rest of the story is for subscribers.
PAYWALL_PHRASES = {
    "en": (r"to (?:view|read|continue reading) the (?:full|whole|rest of the) (?:story|article)",
           r"subscribe now (?:to|for)", r"already a subscriber", r"subscribers? only",
           r"this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)",
           r"log in to (?:read|continue)", r"log in or create an? (?:free )?account to (?:continue|read)",
           r"enjoying our (?:latest )?content\?"),
    "ru": (r"доступ(?:ен|но) только (?:для )?подписчик", r"полная версия (?:статьи )?доступна",
           r"чтобы (?:прочитать|читать) (?:статью )?полностью"),
    "de": (r"nur für abonnenten", r"sie sind (?:aktuell )?nicht eingeloggt", r"jetzt weiterlesen mit"),
    "fr": (r"pour lire la suite", r"réservé aux abonnés", r"pour accéder en illimité",
           r"il vous reste [\d.,]+\s?% de cet article à lire", r"découvrez nos offres"),
    "es": (r"(?:contenido|funcionalidad) (?:es )?(?:exclusiv[ao] |sólo |solo )?para suscriptores",
           r"tu suscripción se está usando en otro dispositivo", r"añadir otro usuario a tu suscripción",
           r"si continúas leyendo en este dispositivo", r"si quieres compartir tu cuenta",
           r"quién está usando tu cuenta", r"continuar compartiendo tu cuenta"),
}
PAYWALL = re.compile(rf"(?:{_family(PAYWALL_PHRASES)})", re.I)

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
ADVERT = re.compile(rf"(?:{_family(ADVERT_PHRASES)})", re.I)

# Invitations to donate. A paragraph with one of these and few words is an appeal, not news.
DONATION_PHRASES = {
    "en": (r"\bdonate\b", r"support us (?:monthly|today|now)", r"every contribution (?:makes|helps|counts|matters)",
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
           r"werden sie (?:jetzt )?(?:mitglied|unterstützer)"),
    "fr": (r"soutenez-nous", r"faites un don"),
    "es": (r"hazte (?:miembro|socio)", r"apóyanos", r"apoya (?:nuestro|el) periodismo", r"dona ahora",
           r"también puedes hacer periodismo"),
    "pl": (r"wesprzyj nas",),
}
DONATION = re.compile(rf"(?:{_family(DONATION_PHRASES)})", re.I)

# Photo, image and source credits: a label and a short name.
CREDIT_LABELS = {
    "en": (r"photo(?:s| credits?)?", r"image(?:s)?(?: credit)?", r"picture", r"illustration", r"credits?",
           r"source(?: of photo)?", r"main image", r"top image", r"video"),
    "ru": (r"фото(?:графия)?", r"(?:автор|источник) фото", r"фото и видео", r"видео", r"иллюстрация", r"источник",
           r"коллаж"),
    "kk": (r"сурет", r"фото", r"бейне", r"видео", r"дереккөз"),
    "ky": (r"сүрөт", r"фото", r"видео", r"булак"),
    "uz": (r"surat(?: manbasi)?", r"foto", r"rasm", r"video", r"сурат", r"фото", r"видео", r"manba", r"манба"),
    "tg": (r"акс", r"видео", r"сарчашма", r"манбаъ"),
    "tk": (r"surat", r"wideo", r"çeşme"),
    "de": (r"bild", r"titelbild", r"beitragsbild", r"quelle", r"fotos?"),
    "fr": (r"crédits? photos?", r"image illustrative"),
    "es": (r"imagen", r"fuente"),
    "pl": (r"zdjęcie", r"fot\.", r"źródło"),
    "no": (r"kilde",),
}
# "Фото из открытых источников", "Illyustrativ surat": a note on the picture, on its own line.
ILLUSTRATIVE = (
    r"\W*(?:фото (?:из открытых источников|иллюстративное|носит иллюстративный характер)|иллюстративное фото|"
    r"(?:photo|image) (?:for illustration|for illustrative purposes)(?: only)?|illustrative (?:photo|image)|"
    r"illyustrativ (?:surat|foto|rasm)|(?:surat|foto|rasm) illyustrativ|иллюстратив (?:сурат|фото)|"
    r"(?:көрнекі|иллюстрациялық) сурет|иллюстрациялык сүрөт|сүрөт иллюстрациялык)\W*"
)
CREDIT = re.compile(
    rf"^\W*(?:(?:image|images|site)?\s*optimi[sz]ed by \w+|powered by \w+|"
    rf"(?:{_family(CREDIT_LABELS)})\s*(?:[:©]|—|-\s)\s*\S.{{0,80}}|"
    rf"\((?:{_family(CREDIT_LABELS)})\s*:.{{1,80}}\)|{ILLUSTRATIVE})$",
    re.I,
)
COPYRIGHT = re.compile(
    r"(?:^\s*(?:©|\(c\)|copyright)\s*\d{0,4}|all rights reserved|все права защищены|"
    r"barcha huquqlar (?:himoyalangan|himoya qilingan)|барча ҳуқуқлар ҳимояланган|"
    r"барлық құқықтар қорғалған|бардык укуктар корголгон|ҳамаи ҳуқуқҳо ҳифз шудаанд|"
    r"ähli hukuklar goralandyr|полное или частичное использование материалов|"
    r"при (?:использовании|перепечатке) материалов (?:ссылка|гиперссылка)|"
    r"(?:пайдалан|көшіріп бас|қолдан)\w* .{0,40}сілтеме (?:жасау |беру )?міндетті|"
    r"(?:колдонууда|көчүрүүдө|пайдаланууда) .{0,40}шилтеме (?:берүү )?милдеттүү|"
    r"(?:foydalanil|ko[ʻ‘'`’]?chirib bosil)\w* .{0,40}havola (?:berish )?majburiy|"
    r"(?:фойдаланил|кўчириб босил)\w* .{0,40}ҳавола (?:бериш )?мажбурий|"
    r"(?:ҳангоми|дар сурати) (?:истифода|нашр)\w* .{0,60}истинод .{0,40}ҳатм|"
    r"(?:ulanylanda|göçürilende) .{0,40}salgylanma (?:hökmany|berilmeli)|"
    r"is the copyrighted property of|materiał chroniony prawem autorskim|alle rechte vorbehalten)",
    re.I,
)
COOKIE = re.compile(
    r"(?:we use cookies|this (?:site|website) uses cookies|by continuing to (?:browse|use)|cookie policy|"
    r"используем (?:файлы )?cookie|использует (?:файлы )?cookie|cookie-файл|"
    r"cookie fayllar|cookie-lardan|cookie қолдан|cookie колдон|cookie истифода мебар|cookie faýl|cookie ulan|"
    r"verwendet cookies|utilise des cookies|"
    r"utiliza cookies|ein klick für den datenschutz|"
    r"ich bin damit einverstanden, dass mir (?:der )?externe|empfohlener redaktioneller inhalt|"
    r"personenbezogene daten an drittplattformen|externen inhalt mit einem klick|"
    r"(?:accept|allow) (?:all )?(?:cookies|consent) to (?:view|see|display|load) this (?:content|embed|video))",
    re.I,
)
# Comment-section furniture left in the text.
COMMENTS = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|kommentare?|комментари[йиея]|комментарийлер|izohlar|изоҳлар|пікірлер|"
    r"пикирлер|шарҳ(?:ҳо)?|teswir(?:ler)?)\b\W*(?:\d+)?\W*$|"
    r"^\W*(?:пікір (?:қалдыру|қалдырыңыз|жазу)|пикир (?:калтыруу|калтырыңыз|жазуу)|izoh (?:qoldiring|yozing)|"
    r"изоҳ (?:қолдиринг|ёзинг)|шарҳ (?:гузоред|нависед|гузоштан)|teswir (?:ýazyň|goýuň|ýazmak))\W*$|"
    r"(?:keine kommentare|kommentare insgesamt|leave a (?:comment|reply)|be the first to comment|"
    r"comments are closed|оставьте комментарий|комментарии закрыты|in den kommentaren|"
    r"um kommentare zu schreiben|^\W*kommentar abgeben\W*$|einloggen,? um einen kommentar abzugeben|"
    r"join (?:our|the) (?:commenting forum|conversation below)|would you like to comment on this (?:article|story)|"
    r"(?:read|see) our comment(?:ing)? (?:policy|guidelines)|your public display name|"
    r"(?:log|sign) in to (?:post a )?comment|чтобы оставить комментарий|"
    r"izoh qoldirish uchun|изоҳ қолдириш учун)",
    re.I,
)
# "Рубрика: Экономика", "Bo‘lim: Siyosat": the section label on its own line.
SECTION_LABEL = re.compile(
    r"^\W*(?:рубрика|категория|раздел|category|section|bo[ʻ‘'`’]?lim|бўлим|mavzu|мавзу|мавзӯъ|бөлім|санат|"
    r"категориясы|bölüm|kategoriýa|rubrika)\s*:\s*[^.!?:]{1,60}$",
    re.I,
)
# A row of tags: "Tags: Bishkek, budget" or the label alone.
TAG_ROW = re.compile(
    r"^\W*(?:tags?|теги|тэги|метки|тегтер|тэгтер|teglar|тэгҳо|теглар|bellikler|schlagwörter|schlagworte|"
    r"etiquetas|mots-clés|tagi|тегдер|tegler|барчасбҳо|калидвожаҳо|kalit so[ʻ‘'`’]?zlar|калит сўзлар|"
    r"түйін сөздер|ачкыч сөздөр|açar sözler|ключевые слова|keywords)"
    r"(?: (?:zu diesem artikel|for this (?:article|story)))?\s*(?::|$)",
    re.I,
)
# Notices shown to readers without JavaScript or with an ad blocker.
SCRIPT_NOTICE = re.compile(
    r"(?:enable javascript|javascript is (?:disabled|required|turned off)|"
    r"turn (?:on|off) (?:javascript|your ad ?blocker)|"
    r"включите javascript|javascript (?:отключен|выключен)|для (?:работы|корректной работы) сайта .{0,30}javascript|"
    r"javascript-ni yoqing|aktivieren sie javascript|activez javascript|habilita javascript|"
    r"(?:disable|deactivate) (?:your )?ad ?blocker|отключите (?:блокировщик|adblock))",
    re.I,
)
# Editorial disclaimers on opinion pieces and guest posts: the author's view is not the outlet's.
DISCLAIMER = re.compile(
    r"(?:(?:views|opinions) expressed (?:in this (?:article|column|piece) )?(?:are|do not)|"
    r"(?:views|opinions) of the author(?:s)? (?:do not|are)|"
    r"müssen nicht (?:der|die) (?:meinung|position) der redaktion|"
    r"(?:gibt|geben) nicht (?:unbedingt |zwingend )?die meinung der redaktion|"
    r"(?:мнение|точка зрения|позиция) (?:автора|авторов) (?:может )?(?:не )?(?:совпада|отража)|"
    r"(?:может )?не совпадать с (?:мнением|позицией|точкой зрения) редакции|"
    r"редакцияның (?:көзқарасы|ұстанымы)|редакциянын (?:көз карашы|позициясы)|"
    r"tahririyat (?:nuqtai nazari|fikri|pozitsiyasi)|таҳририят (?:нуқтаи назари|фикри|позицияси)|"
    r"нуқтаи назари (?:муаллиф|таҳририя)|redaksiýanyň (?:garaýşy|pikiri)|"
    r"totalverlust des eingesetzten kapitals|alle angaben ohne gewähr|keine (?:anlage|kauf)(?:beratung|empfehlung)|"
    r"(?:does not|do not|is not intended to) constitute (?:investment|financial) advice|"
    r"не (?:является|являются) (?:индивидуальной )?инвестиционной рекомендаци)",
    re.I,
)
# "4 min read", "Lesedauer: 4 Minuten", "Время чтения: 3 минуты": reading-time labels on their own.
READING_TIME = re.compile(
    r"^\W*(?:(?:reading time|lesedauer|lesezeit|время чтения|o[ʻ‘'`’]?qish vaqti|оқу уақыты)\W*\d+\s*\w{0,8}|"
    r"\d+\s*(?:min(?:ute)?s?|minuten|мин(?:ут[аы]?)?|daqiqa|минут)\.?\s*(?:read|lesezeit|lesedauer|чтения|"
    r"o[ʻ‘'`’]?qish|оқу)|"
    rf"(?:просмотр(?:ов|ы)|views?|ko{A}rishlar(?: soni)?|кўришлар(?: сони)?|қаралым(?:дар)?|көрүүлөр|aufrufe)"
    r"\W*\d[\d\s.,]*[kкмm]?|\d[\d\s.,]*[kкмm]?\s*(?:просмотр(?:ов|а)?|views?|ko[ʻ‘'`’]?rish(?:lar)?|қаралым))\W*$",
    re.I,
)
# "Новость дополняется", "This is a developing story": a notice that the article will grow, on its own line.
DEVELOPING = re.compile(
    r"^\W*(?:this (?:is a )?(?:breaking|developing)(?: news)?(?: new)? story\b[^\n]{0,60}|"
    r"this (?:story|article|report) (?:is (?:developing|being updated)|will be updated)[^\n]{0,40}|"
    r"more to follow|check back (?:later |soon )?for (?:more |further )?updates?|"
    r"(?:новость|информация|материал|текст|статья) (?:дополняется|уточняется|обновляется)|"
    r"подробности (?:позже|уточняются|следуют)|следите за обновлениями|"
    r"(?:жаңалық|ақпарат|мәлімет) (?:толықтырылуда|нақтылануда|жаңартылуда)|толығырақ кейінірек|"
    r"(?:жаңылык|маалымат) (?:толукталууда|такталууда|жаңыланууда)|кененирээк кийинчерээк|"
    rf"(?:yangilik|xabar|ma{A}lumot) (?:to{A}ldirilmoqda|aniqlanmoqda|yangilanmoqda)|batafsil ma{A}lumot keyinroq|"
    r"(?:янгилик|хабар|маълумот) (?:тўлдирилмоқда|аниқланмоқда|янгиланмоқда)|"
    r"(?:хабар|маълумот) (?:такмил (?:дода )?мешавад|пурра карда мешавад|дақиқ карда мешавад)|"
    r"(?:habar|maglumat) (?:doldurylýar|takyklanýar|täzelenýär)|"
    r"(?:dieser )?(?:artikel|beitrag|text) wird (?:laufend |fortlaufend |ständig )?aktualisiert|"
    r"article en cours d(?:'|’)actualisation|noticia en (?:desarrollo|ampliación))\W*$",
    re.I,
)
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
# "Updated 14.02.2019", "Release Date:": a dating label on its own line.
DATE_LABEL = re.compile(
    r"^\W*(?:updated|last updated|last modified|published|posted|release date|aktualisiert(?: am)?|"
    r"letzte (?:änderung|aktualisierung)(?: am)?|veröffentlicht(?: am)?|stand|обновлено|опубликовано|"
    r"изменено|mis à jour|publié le|actualizado|publicado)\b[^\n]{0,60}$",
    re.I,
)
# An agency credit closing a wire story: "(dpa)", "aja/PAP", "(NTB)".
AGENCY_CREDIT = re.compile(
    r"^\W*(?:[a-zа-я]{1,4}/)?(?:dpa|afp|ap|pap|reuters|apa|sda|ntb|tt|ritzau|efe|ansa|kna|epd|sid|kazinform|"
    r"казинформ|kabar|кабар|akipress|акипресс|интерфакс|тасс|риа новости|уза)(?:/[a-zа-я]{1,4})*\W*$",
    re.I,
)
# A paragraph starting like this opens an appeal that runs to the end of the article.
APPEAL_START = re.compile(
    r"^\W*(?:a message from [^:]{2,60}:?$|dear readers,?$|support (?:independent|our) journalism|"
    r"(?:please )?(?:consider )?(?:supporting|support) (?:us|our work|the [a-z ]{2,40})\b.{0,60}"
    r"(?:donat|contribut|monthly)|"
    r"уважаемые читатели,?$|дорогие читатели,?$|поддержите (?:редакцию|нас|независим|журналист)|"
    r"поддержать (?:редакцию|нас)|"
    r"құрметті оқырман(?:дар)?,?$|урматтуу окурман(?:дар)?,?$|hurmatli o[ʻ‘'`’]?quvchi(?:lar)?,?$|"
    r"ҳурматли ўқувчи(?:лар)?,?$|хонандагони (?:гиромӣ|азиз),?$|hormatly okyjy(?:lar)?,?$|"
    r"liebe leserinnen und leser,?$|chers lecteurs,?$|queridos lectores,?$)",
    re.I,
)
