"""Curated countries, demonyms, the Central Asia macro-region and the word lists the matcher needs."""

from __future__ import annotations

from crawler.geo.curated_types import Neighbour, Place

# Country names beyond what babel/pycountry give (those are added by the build for every locale listed
# in build_gazetteer.COUNTRY_LOCALES): older and informal spellings, Kyrgyz/Tajik/Turkmen spellings
# of the neighbours, Uzbek Latin without the apostrophe (common in web text).
COUNTRIES: tuple[Place, ...] = (
    Place("KZ", "Kazakhstan", ("KZ",), "country",
          "Kazakhstan|Kazakstan|Qazaqstan|Qazaqstan Respublikasy|Казахстан|Қазақстан|Казакстан|Қазоқистон|"
          "Қозоғистон|Qozog'iston|Qozogiston|Gazagystan|Kazachstan|Kasachstan|Kazakistan|"
          "Республика Казахстан",
          adj="казахстанск", dem="казахстанц"),
    Place("KG", "Kyrgyzstan", ("KG",), "country",
          "Kyrgyzstan|Kirghizstan|Kirgizstan|Kyrgyz Republic|Kirghizia|Kirgizia|Kirgisistan|Qirg'iziston|"
          "Qirgiziston|Gyrgyzystan|Kırgızistan|Qyrgyzstan|Кыргызстан|Киргизия|Киргизстан|Қырғызстан|"
          "Қирғизистон|Кыргыз Республикасы|Кыргызская Республика",
          adj="кыргызстанск|киргизстанск", dem="кыргызстанц"),
    Place("TJ", "Tajikistan", ("TJ",), "country",
          "Tajikistan|Tadjikistan|Tadzhikistan|Tadschikistan|Tojikiston|Täjigistan|Tacikistan|Tayikistán|"
          "Таджикистан|Тоҷикистон|Тожикистон|Тәжікстан|Тажикстан|Точикистон",
          adj="таджикистанск", dem="таджикистанц"),
    Place("TM", "Turkmenistan", ("TM",), "country",
          "Turkmenistan|Türkmenistan|Turkmenia|Turkmaniston|Туркменистан|Туркмения|Түрікменстан|Түркмөнстан|"
          "Туркманистон|Türkmenistanyň",
          adj="туркменистанск"),
    Place("UZ", "Uzbekistan", ("UZ",), "country",
          "Uzbekistan|O'zbekiston|Ozbekiston|Usbekistan|Ouzbékistan|Özbegistan|Özbekistan|Uzbekistán|"
          "Узбекистан|Ўзбекистон|Ӯзбекистон|Өзбекстан|Узбекистон",
          adj="узбекистанск", dem="узбекистанц"),
)

# Turkmen of Syria, Iraq, Afghanistan and Iran: not Turkmenistan.
_FOREIGN_TURKMEN = Neighbour("before", ("syrian", "iraqi", "сирийск", "иракск", "afghan", "iranian", "syrisch",
                                       "irakisch", "syrien", "irakien"), "")

# Demonyms and language adjectives. English "Turkmen", "Tajik" and "Uzbek" also name peoples of
# Afghanistan, Iran, Syria and Iraq, so alone they need a mention of the country. Latin forms may take
# English -s/'s; Cyrillic `dem` forms decline like nouns (казахи, казахов), `adj` stems take adjective
# endings (казахский), feminine forms in -ка decline like Бухара.
DEMONYMS: tuple[Place, ...] = (
    Place("dem-KZ", "Kazakhstan", ("KZ",), "demonym",
          "Kazakh|Kazakhs|Qazaq|Qozoq|Gazak|Kasache|Kasachen|Kazakhstani|қазақ|қозоқ|қазоқ|казашка|"
          "kasachisch",
          adj="казахск", dem="казах", person=True),
    Place("dem-KG", "Kyrgyzstan", ("KG",), "demonym",
          "Kyrgyz|Kirghiz|Kirgiz|Kyrgyzstani|Qirg'iz|Qirgiz|Gyrgyz|Kırgız|Kirgise|Kirgisen|kirgisisch|"
          "қырғыз|қирғиз|кыргызка|киргизка",
          adj="кыргызск|киргизск", dem="кыргыз|киргиз", person=True),
    Place("dem-TJ", "Tajikistan", ("TJ",), "demonym",
          "Tajik|Tadjik|Tadzhik|Tojik|Täjik|Tacik|Tadschike|Tadschiken|tadschikisch|тоҷик|тожик|тәжік|"
          "тажик|таджичка",
          adj="таджикск", dem="таджик", person=True, weak="Tajik"),
    Place("dem-TM", "Turkmenistan", ("TM",), "demonym",
          "Turkmen|Türkmen|Turkman|Turkmenen|turkmenisch|туркменка|түрікмен|түркмөн|туркман",
          adj="туркменск", dem="туркмен", person=True, weak="Turkmen|Türkmen|Turkmenen",
          # Syrian/Iraqi Turkmen and the Turkmen Mountain in Syria are not Central Asia.
          neighbours=(_FOREIGN_TURKMEN, Neighbour("after", ("mountain", "mountains", "горы", "гор"), ""))),
    Place("dem-UZ", "Uzbekistan", ("UZ",), "demonym",
          "Uzbek|O'zbek|Ozbek|Özbek|Usbeke|Usbeken|usbekisch|Ouzbek|узбечка|ўзбек|ӯзбек|өзбек",
          adj="узбекск", dem="узбек", person=True, weak="Uzbek"),
)

MACRO: tuple[Place, ...] = (
    Place("macro-CA", "Central Asia", (), "macro",
          "Central Asia|Central Asian|Middle Asia|Zentralasien|zentralasiatisch|Asie centrale|"
          "Центральная Азия|Центральной Азии|Центральную Азию|Центральной Азией|Средняя Азия|Средней Азии|"
          "Среднюю Азию|Средней Азией|Орталық Азия|Борбордук Азия|Markaziy Osiyo|Марказий Осиё|"
          "Осиёи Марказӣ|Merkezi Aziýa|Orta Aziýa|Orta Asya",
          adj="центральноазиатск|центрально-азиатск|среднеазиатск"),
)

# Words after a context-needing name that make it a place ("Mary province", "Балканский велаят").
# Lower-case prefixes of the following token.
ADMIN_WORDS: tuple[str, ...] = (
    "province", "region", "oblast", "velayat", "welayat", "welaýat", "viloyat", "вилоят", "велаят",
    "област", "облыс", "облус", "district", "район", "etrap", "этрап", "şäher", "shahr", "шаҳр", "шахр",
    "city", "город", "airport", "аэропорт",
)

# Titles and words before a Latin-script name that make it a person ("Queen Mary", "Mr Uzbek").
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "queen", "king",
    "prince", "princess", "saint", "st", "virgin", "bloody", "aunt", "uncle", "sister", "brother",
    "mother", "father", "rev", "reverend", "herr", "frau", "madame", "mme", "mlle", "monsieur", "señor",
    "senor", "señora", "sra", "sr", "pope", "typhoid", "hail", "holy", "president", "judge", "officer",
    "coach", "captain", "sergeant", "general", "senator", "minister", "mrs.", "mr.", "dr.", "ms.",
})

# Capitalised words that may stand before a demonym without making it a surname ("Soviet Tajik").
GEO_MODIFIERS: frozenset[str] = frozenset({
    "soviet", "ethnic", "central", "asian", "russian", "former", "the", "a", "an", "many", "some",
    "young", "old", "northern", "southern", "eastern", "western", "modern", "medieval", "ancient",
    "post-soviet", "traditional", "local", "national", "official", "several", "two", "three", "four",
    "five", "both", "other", "most", "all", "few", "afghan", "chinese", "mongolian", "persian",
    "turkic", "islamic", "muslim", "new", "free", "great", "in", "of", "and", "for", "by", "as",
    "from", "to", "at", "near", "across", "around", "outside", "inside", "within", "after", "before",
    "since", "like", "unlike", "while", "when", "rural", "urban", "downtown", "greater", "upper", "lower",
    "this", "that", "today", "yesterday", "visit", "visiting", "welcome", "via", "between", "also", "but",
    "only", "then", "there", "here", "where", "why", "how", "what", "neighbouring", "neighboring",
})

# Verbs right after a Latin demonym that show it is a person's name ("Uzbek said").
PERSON_VERBS: frozenset[str] = frozenset({
    "said", "says", "told", "added", "wrote", "writes", "explained", "noted", "stated", "argued",
    "recalled", "replied", "insisted", "admitted", "claimed", "believes", "thinks", "tweeted",
    "sagte", "erklärte", "schrieb", "dit",
})

# Surface forms never to take from the data packages: other countries, generic words, foreign cities
# that geonames lists as alternate names of Central Asian places.
BLOCKED_NAMES: frozenset[str] = frozenset({
    "georgia", "грузия", "moskva", "москва", "moscow", "moskovskiy", "московский", "druzhba", "дружба",
    "kirov", "киров", "lenin", "ленин", "sovetskiy", "советский", "oktyabr", "октябрь", "zarya", "заря",
    "верный", "vernyj", "vernyy", "mari", "мари", "maras", "kazakh", "uzbek", "tajik", "turkmen",
    "kyrgyz", "gagarin", "гагарин", "pop", "nov", "kaka", "proletar", "пролетар", "pervomayskiy",
    "komsomol", "комсомол", "tinchlik", "dostlik", "do'stlik", "dostluk", "zafar", "iskandar", "hamza",
    "jalalabad", "джелалабад", "petropavlovsk", "петропавловск", "yangiobod", "bozok", "margiana",
})

# Local common words that are also place names (the data packages cannot tell): they still count
# inside an article that already names their country.
LOCAL_COMMON_WORDS: frozenset[str] = frozenset({
    "kitob", "китоб", "muborak", "муборак", "juma", "жума", "baxt", "бахт", "guliston", "гулистон",
    "vahdat", "ваҳдат", "вахдат", "istiqlol", "истиқлол", "buston", "бустон", "yangiyer", "янгиер",
    "oltinko'l", "bereket", "берекет", "zarafshon", "tejen", "теджен", "esil", "есиль", "есіл",
    "jebel", "salor", "massy", "hazar", "хазар", "altay", "алтай", "aksu", "аксу", "ақсу", "shu", "шу",
    "manas", "манас", "abay", "абай", "aral", "арал", "oral", "орал", "kant", "кант", "emba", "эмба",
    "embi", "saran", "сарань", "ridder", "риддер", "talas", "талас", "arys", "арыс", "tokmak", "токмак",
    "leninsk", "ленинск", "frunze", "фрунзе", "rudnyy", "рудный", "guryev", "гурьев", "panj", "пяндж",
    "nurek", "нурек", "rogun", "рогун", "tengiz", "тенгиз", "seydi", "сейди", "abadan", "абадан",
    "khorgos", "хоргос", "altyn asyr", "magtymguly", "turar ryskulov", "otegen batyra", "hisor",
})
