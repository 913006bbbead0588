"""Boilerplate phrases by family and language: what a paragraph that is not the article says (labels, credits,
notices; what the outlet asks of the reader is in `crawler.text.appeals`)."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Languages: the region's (ru, kk, ky, uz in Latin and Cyrillic, tg, tk), English, and the European
# languages of international outlets and of the evaluation corpora (de, fr, es, it, pt, pl, tr; ja for a few
# paywall and related-links labels).
A = "[ʻ‘'`’ʼ]?"  # the Uzbek and Turkmen apostrophe, in any of the ways it is typed (or left out)


def family(by_language: Mapping[str, tuple[str, ...]]) -> str:
    """One regex alternation of every language's phrases."""
    return "|".join(phrase for phrases in by_language.values() for phrase in phrases)


# A label opening a block of links to other stories ("Read also:"), or the heading of such a block.
READ_ALSO_PHRASES = {
    "en": (r"read (?:also|more|next)", r"see also", r"also read", r"more on this(?: story| topic)?",
           r"related (?:articles|stories|news|content|posts|coverage|topics|reading|links|videos|headlines)",
           r"recommended (?:for you|stories|articles|reading)", r"you (?:may|might) also (?:like|be interested)",
           r"further reading", r"more (?:stories|news|articles)", r"most (?:read|popular)", r"more:"),
    "ru": (r"читайте (?:также|тоже|еще|ещё)", r"смотрите также", r"материалы по теме",
           r"другие новости", r"похожие новости", r"ранее по теме", r"(?:еще|ещё) по теме", r"новости по теме",
           r"самое читаемое", r"новости партн[её]ров"),
    "kk": (r"тақырыпқа қатысты", r"тақырыпқа орай", r"сондай-ақ оқыңыз", r"оқи отырыңыз", r"тағы оқыңыз",
           r"ұқсас жаңалықтар"),
    "ky": (r"тақырыпка тиешелүү", r"темага тиешелүү", r"ушул темада", r"дагы окуңуз", r"окуй(?:ңуз)?",
           r"окшош жаңылыктар"),
    "uz": (r"mavzuga oid", rf"shuningdek,? o{A}qing", rf"yana o{A}qing", rf"o{A}xshash yangiliklar",
           r"hamkorlar yangiliklari", r"мавзуга оид", r"шунингдек,? ўқинг", r"яна ўқинг", r"ўхшаш янгиликлар"),
    "tg": (r"мавзӯи марбут", r"инчунин хонед", r"бештар хонед", r"хабарҳои марбут"),
    "tk": (r"şeýle hem okaň", r"degişli habarlar", r"meňzeş habarlar"),
    "de": (r"lesen sie (?:auch|mehr)", r"lies auch", r"auch interessant", r"schon gelesen",
           r"(?:das|dieses thema) könnte (?:sie|dich) auch interessieren", r"mehr (?:zum thema|themen|dazu)",
           r"weitere (?:artikel|beiträge|themen|nachrichten|meldungen)", r"zum weiterlesen",
           r"empfohlene (?:artikel|beiträge)", r"verwandte (?:artikel|themen)", r"meistgelesen",
           r"mehr artikel aus dieser rubrik"),
    "fr": (r"(?:à |a )?lire (?:aussi|également)", r"voir aussi", r"sur le même sujet", r"articles? similaires"),
    "es": (r"le[ae] también", r"(?:también )?(?:te|le) puede interesar", r"noticias? relacionadas?",
           r"notas relacionadas", r"contenido relacionado", r"temas relacionados", r"más sobre"),
    "it": (r"leggi anche", r"potrebbe interessarti", r"articoli correlati"),
    "pt": (r"leia também", r"veja também", r"leia mais", r"saiba mais"),
    "pl": (r"czytaj (?:też|także|więcej)", r"zobacz (?:też|także)", r"przeczytaj (?:też|także)"),
    "tr": (r"ayrıca okuyun", r"ilgili haberler", r"bunlar da ilginizi çekebilir"),
    "ja": (r"関連(?:キーワード|記事|ニュース)", r"おすすめ(?:情報|記事)", r"あわせて読みたい", r"こちらもおすすめ"),
}
# Words that also open sentences ("По теме выборов выступили…", "Рекомендуем жителям не выходить…", "Also on
# Tuesday…"): a label only alone, or with one more word ("Recommended Videos"), or before a colon or dash.
READ_ALSO_HEADINGS = {
    "en": (r"related", r"recommended", r"also on"),
    "ru": (r"по теме", r"рекомендуем"),
    "kk": (r"ұсынамыз",),
    "ky": (r"сунуштайбыз",),
    "uz": (r"tavsiya etamiz", r"тавсия этамиз"),
    "tg": (r"тавсия (?:медиҳем|мекунем)",),
    "tk": (r"maslahat berýäris", r"hödürleýäris"),
    "pl": (r"polecamy",),
}
READ_ALSO_ALTERNATION = f"{family(READ_ALSO_PHRASES)}|{family(READ_ALSO_HEADINGS)}"  # a superset, for prefilters
READ_ALSO = re.compile(rf"^\W*(?:(?:{family(READ_ALSO_PHRASES)})(?=\W|$)|"
                       rf"(?:{family(READ_ALSO_HEADINGS)})(?:\s+\w+)?(?=\s*[:—–-]|\W*$))\W*", re.I)

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
    rf"(?:{family(CREDIT_LABELS)})\s*(?:[:©]|—|-\s)\s*\S.{{0,80}}|"
    rf"\((?:{family(CREDIT_LABELS)})\s*:.{{1,80}}\)|{ILLUSTRATIVE})$",
    re.I,
)
# A caption that ends with its credit ("Бишкек после дождя. Фото: Азамат Касымов", "… — Foto: Mayara Subtil/G1").
CAPTION_CREDIT = re.compile(
    rf"(?:\s[—–|]|[.!?»\"”)])\s*(?:{family(CREDIT_LABELS)})\s*:\s*[^.!?:]{{1,60}}$", re.I)
COPYRIGHT = re.compile(
    r"(?:^\s*(?:©|\(c\)|copyright)\s*\d{0,4}|all rights reserved|все права защищены|"
    r"barcha huquqlar (?:himoyalangan|himoya qilingan)|барча ҳуқуқлар ҳимояланган|"
    r"барлық құқықтар қорғалған|бардык укуктар корголгон|ҳамаи ҳуқуқҳо ҳифз шудаанд|"
    r"ähli hukuklar goralandyr|полное или частичное использование материалов|"
    r"при (?:использовании|перепечатке) материалов (?:ссылка|гиперссылка)|"
    r"(?:пайдалан|көшіріп бас|қолдан)\w* .{0,40}сілтеме (?:жасау |беру )?міндетті|"
    r"(?:колдонууда|көчүрүүдө|пайдаланууда) .{0,40}шилтеме (?:берүү )?милдеттүү|"
    rf"(?:foydalanil|ko{A}chirib bosil)\w* .{{0,40}}havola (?:berish )?majburiy|"
    r"(?:фойдаланил|кўчириб босил)\w* .{0,40}ҳавола (?:бериш )?мажбурий|"
    r"(?:ҳангоми|дар сурати) (?:истифода|нашр)\w* .{0,60}истинод .{0,40}ҳатм|"
    r"(?:ulanylanda|göçürilende) .{0,40}salgylanma (?:hökmany|berilmeli)|"
    r"is the copyrighted property of|materiał chroniony prawem autorskim|alle rechte vorbehalten)",
    re.I,
)
# A paragraph opening with the copyright sign (or "Copyright" and a sign or year) is a notice however long it
# runs: "© 2022, Outlet.com. This article is the copyrighted property of … Written permission must be obtained".
COPYRIGHT_OPENING = re.compile(r"^\W*?(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", re.I)
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
    r"izoh qoldirish uchun|изоҳ қолдириш учун|(?:anmelden|einloggen|registrieren),? um (?:die kommentarfunktion|"
    r"zu kommentieren))",
    re.I,
)
# The comment rules, a paragraph of the outlet's terms rather than the story ("Comments may take up to an hour for
# moderation…", "Редакция оставляет за собой право удалять комментарии…").
COMMENT_POLICY = re.compile(
    r"(?:comments? (?:may|can|will) take up to (?:an?|one|\d+) (?:minutes?|hours?)|"
    r"keep your comments (?:relevant|civil|respectful)|lively but civil forum|"
    r"we reserve the right to (?:remove|delete|edit|moderate) (?:any )?comments|"
    r"(?:редакция|администрация)(?: сайта)? оставляет за собой право (?:удал|модер|не публиковать)|"
    r"комментари\w* (?:проходят|публикуются после) (?:пре)?модераци|"
    r"wir behalten uns vor,? kommentare (?:zu )?(?:löschen|entfernen|kürzen))",
    re.I,
)
# "Рубрика: Экономика", "Bo‘lim: Siyosat": the section label on its own line.
SECTION_LABEL = re.compile(
    rf"^\W*(?:рубрика|категория|раздел|category|section|bo{A}lim|бўлим|mavzu|мавзу|мавзӯъ|бөлім|санат|"
    r"категориясы|bölüm|kategoriýa|rubrika)\s*:\s*[^.!?:]{1,60}$",
    re.I,
)
# A row of tags: "Tags: Bishkek, budget" or the label alone.
TAG_ROW = re.compile(
    r"^\W*(?:tags?|теги|тэги|метки|тегтер|тэгтер|teglar|тэгҳо|теглар|bellikler|schlagwörter|schlagworte|"
    rf"etiquetas|mots-clés|tagi|тегдер|tegler|барчасбҳо|калидвожаҳо|kalit so{A}zlar|калит сўзлар|"
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
    rf"^\W*(?:(?:reading time|lesedauer|lesezeit|время чтения|o{A}qish vaqti|оқу уақыты)\W*\d+\s*\w{{0,8}}|"
    r"\d+\s*(?:min(?:ute)?s?|minuten|мин(?:ут[аы]?)?|daqiqa|минут)\.?\s*(?:read|lesezeit|lesedauer|чтения|"
    rf"o{A}qish|оқу)|"
    rf"(?:просмотр(?:ов|ы)|views?|ko{A}rishlar(?: soni)?|кўришлар(?: сони)?|қаралым(?:дар)?|көрүүлөр|aufrufe)"
    rf"\W*\d[\d\s.,]*[kкмm]?|\d[\d\s.,]*[kкмm]?\s*(?:просмотр(?:ов|а)?|views?|shares?|ko{A}rish(?:lar)?|қаралым|"
    r"lecturas|visitas|visualizações|vues|lectures|wyświetle[ńn]|okunma))\W*$",
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
# "Updated 14.02.2019", "Release Date:": a dating label on its own line.
DATE_LABEL = re.compile(
    r"^\W*(?:updated|last updated|last modified|published|posted|release date|aktualisiert(?: am)?|"
    r"letzte (?:änderung|aktualisierung)(?: am)?|veröffentlicht(?: am)?|stand|обновлено|опубликовано|"
    r"изменено|mis à jour|publié le|actualizado|publicado)\b[^\n]{0,60}$",
    re.I,
)
# An agency credit closing a wire story: "(dpa)", "aja/PAP", "(NTB)", "mit dpa", "Mit Agenturmaterial".
AGENCY_CREDIT = re.compile(
    r"^\W*(?:mit (?:material (?:von|der) )?)?(?:[a-zа-я]{1,4}/)?(?:dpa|afp|ap|pap|reuters|apa|sda|ntb|tt|ritzau|efe|"
    r"ansa|kna|epd|sid|kazinform|казинформ|kabar|кабар|akipress|акипресс|интерфакс|тасс|риа новости|уза)"
    r"(?:/[a-zа-я]{1,4})*\W*$|^\W*mit (?:agenturmaterial|material von agenturen)\W*$",
    re.I,
)
