"""Generic boilerplate rules as data: markup to prune and phrases to drop, in the region's languages."""

from __future__ import annotations

import re

# Class/id tokens of page furniture; matched against each token of class and id attributes.
FURNITURE_TOKEN = re.compile(
    r"(?:^|[-_])(?:share|sharing|shares|social|socials|sharebar|share-bar|addthis|sociallocker|"
    r"related|relatedposts|read-?also|readmore|read-more|more-news|see-also|also|recommend(?:ed|ations)?|"
    r"donat(?:e|ion|ions)|support-us|supportus|paywall|membership|contribut(?:e|ion)|"
    r"newsletter|subscribe|subscription|signup|sign-up|mailchimp|"
    r"cookie|cookies|consent|gdpr|cmp|"
    r"tags|tag-list|taglist|hashtags|post-tags|article-tags|keywords|"
    r"breadcrumbs?|comments?|comment-form|disqus|"
    r"advert|adverts|advertisement|ads|ad-slot|adsbygoogle|banner|promo|sponsor(?:ed)?|"
    r"optimole|print-only|author-bio|author-box|widget|sidebar|popup|modal)(?:$|[-_])",
    re.I,
)
PRUNE_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "button", "nav", "aside", "footer",
              "svg", "select", "input", "textarea", "dialog")

_READ_ALSO = (
    r"read (?:also|more)|see also|also read|related(?: articles| stories| news)?|more on this|recommended|"
    r"читайте (?:также|тоже|еще|ещё)|смотрите также|по теме|материалы по теме|другие новости|похожие новости|"
    r"ранее по теме|"
    r"тақырыпқа қатысты|тақырыпқа орай|сондай-ақ оқыңыз|оқи отырыңыз|"
    r"тақырыпка тиешелүү|темага тиешелүү|ушул темада|дагы окуңуз|окуй(?:ңуз)?|"
    r"mavzuga oid|shuningdek,? o[ʻ‘'`’ʼ]?qing|yana o[ʻ‘'`’ʼ]?qing|мавзуга оид|шунингдек,? ўқинг|"
    r"мавзӯи марбут|инчунин хонед|бештар хонед|"
    r"şeýle hem okaň|degişli habarlar|meňzeş habarlar"
)
READ_ALSO = re.compile(rf"^\W*(?:{_READ_ALSO})\b\W*", re.I)

_SHARE_WORDS = (
    r"share|share this|share on|tweet|facebook|twitter|x|telegram|whatsapp|vk|vkontakte|ok|odnoklassniki|"
    r"linkedin|email|e-mail|print|copy link|reddit|viber|messenger|pinterest|"
    r"вконтакте|одноклассники|фейсбук|твиттер|телеграм|поделиться|поделитесь|отправить|печать|скопировать ссылку|бөлүшүү|бөлісу|ulashish|bo[ʻ‘'`’]lishish|"
    r"paýlaş|paylaşmak|мубодила|ирсол|comments?|комментари[йи]|\d+"
)
SHARE_ROW = re.compile(rf"^(?:\W*(?:{_SHARE_WORDS})\W*)+$", re.I)
BUTTON_ROW = re.compile(
    r"^\W*(?:continue|remind me later|not ready to support today\??|paiment methods|payment methods|"
    r"accept(?: all)?(?: cookies)?|i agree|agree|close|ok|got it|decline|reject all|subscribe|sign up|"
    r"donate(?: now)?|support us|продолжить|принять|согласен|закрыть|подписаться|подробнее|"
    r"davom etish|qabul qilish|obuna bo[ʻ‘'`’]ling|қабылдау|жабу|кабыл алуу|жабуу|kabul et|ýap)\W*$",
    re.I,
)
HASHTAG_ROW = re.compile(r"^(?:\s*#[\w\u02bb\u02bc'’-]+[,;]?)+\s*$")
CREDIT = re.compile(
    r"^\W*(?:(?:image|images|site)?\s*optimi[sz]ed by \w+|powered by \w+|"
    r"(?:фото|photo|photos|surat|сурат|акс|surat manbasi|фото(?:графия)?|иллюстрация|illustration|"
    r"image|picture|source of photo|сурет|сүрөт)\s*(?:[:©]|—|-\s)\s*\S.{0,80})$",
    re.I,
)
COPYRIGHT = re.compile(
    r"(?:^\s*(?:©|\(c\)|copyright)\s*\d{0,4}|all rights reserved|все права защищены|"
    r"barcha huquqlar (?:himoyalangan|himoya qilingan)|барча ҳуқуқлар ҳимояланган|"
    r"барлық құқықтар қорғалған|бардык укуктар корголгон|ҳамаи ҳуқуқҳо ҳифз шудаанд|"
    r"ähli hukuklar goralandyr|полное или частичное использование материалов|"
    r"при (?:использовании|перепечатке) материалов (?:ссылка|гиперссылка))",
    re.I,
)
COOKIE = re.compile(
    r"(?:we use cookies|this (?:site|website) uses cookies|by continuing to (?:browse|use)|cookie policy|"
    r"используем (?:файлы )?cookie|использует (?:файлы )?cookie|cookie-файл|"
    r"cookie fayllar|cookie-lardan|cookie қолдан|cookie колдон)",
    re.I,
)
NEWSLETTER = re.compile(
    r"^\W*(?:subscribe to (?:our|the) (?:newsletter|telegram|channel)|sign up for (?:our|the) (?:newsletter|daily)|"
    r"get (?:our|the) (?:newsletter|daily)|follow us on|join us on|.{0,80}\b(?:in|to) your inbox\b|"
    r"подпис(?:ывайтесь|итесь) на (?:наш|нас)|подпишитесь на рассылку|следите за (?:нами|новостями) в|"
    r"присоединяйтесь к нам|telegram(?:-| )канал\b.{0,40}подпис|"
    r"бізді .{0,30}(?:оқыңыз|жазылыңыз)|бизди .{0,30}(?:окуңуз|жазылыңыз|көзөмөлдөңүз)|"
    r"telegram kanalimizga obuna|kanalimizga obuna bo|bizni .{0,30}kuzating|"
    r"обуна бўлинг|каналимизга обуна|бизни .{0,30}кузатинг|"
    r"моро дар .{0,30}пайгирӣ кунед|bizi .{0,30}yzarlaň)",
    re.I,
)
# A paragraph starting like this opens an appeal that runs to the end of the article.
APPEAL_START = re.compile(
    r"^\W*(?:a message from [^:]{2,60}:?$|dear readers,?$|support (?:independent|our) journalism|"
    r"(?:please )?(?:consider )?(?:supporting|support) (?:us|our work|the [a-z ]{2,40})\b.{0,60}(?:donat|contribut|monthly)|"
    r"уважаемые читатели,?$|дорогие читатели,?$|поддержите (?:редакцию|нас|независим|журналист)|"
    r"поддержать (?:редакцию|нас)|"
    r"құрметті оқырман(?:дар)?,?$|урматтуу окурман(?:дар)?,?$|hurmatli o[ʻ‘'`’]?quvchi(?:lar)?,?$|"
    r"ҳурматли ўқувчи(?:лар)?,?$|хонандагони (?:гиромӣ|азиз),?$|hormatly okyjy(?:lar)?,?$)",
    re.I,
)
DONATION = re.compile(
    r"(?:\bdonate\b|support us (?:monthly|today|now)|every contribution (?:makes|helps|counts|matters)|"
    r"make a (?:donation|contribution) (?:today|now)|donate (?:now|today)|"
    r"become a (?:member|patron|supporter)|patreon|задонат|поддержите нас|поддержать нас|"
    r"сделать пожертвование|xayriya qiling|bizni qo[ʻ‘'`’]llab-quvvatlang|бизни қўллаб-қувватланг|"
    r"бізді қолдаңыз|бизди колдоңуз|моро дастгирӣ кунед|bizi goldaň)",
    re.I,
)
