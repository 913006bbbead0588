"""Curated places of Kazakhstan and Kyrgyzstan: regions, main cities, former names, landmarks."""

from __future__ import annotations

from crawler.geo.curated_types import Neighbour, Place

_KZ = ("KZ",)
_KG = ("KG",)

# East Turkistan (Xinjiang) and the Turkistan Islamic Party are Chinese Uyghur topics, not the city.
_EAST = Neighbour("before", ("east", "eastern", "chinese", "восточн", "шарқий", "sharqiy", "шығыс",
                             "чыгыш", "gündogar", "uyghur", "uighur", "уйгур"), "")
_ISLAMIC = Neighbour("after", ("islamic", "исламск"), "")
# Russian Turkestan, the Turkestan Governorate or ASSR: the historic region of all Central Asia.
_HISTORIC_BEFORE = Neighbour("before", ("russian", "русск", "soviet", "советск", "western", "западн"),
                             "hist-turkestan")
_HISTORIC_AFTER = Neighbour("after", ("governorate", "general-governorate", "krai", "край", "края",
                                      "генерал", "assr", "асср", "legion", "легион"), "hist-turkestan")

KAZAKHSTAN: tuple[Place, ...] = (
    Place("kz-astana", "Astana", _KZ, "capital",
          "Astana|Астана|Nur-Sultan|Nursultan|Нур-Султан|Нұр-Сұлтан|Нурсултан|Akmola|Aqmola|Акмола|Ақмола|"
          "Akmolinsk|Акмолинск|Tselinograd|Целиноград",
          adj="астанинск|акмолинск|целиноградск", geoname="Astana"),
    Place("kz-almaty", "Almaty", _KZ, "city",
          "Almaty|Алматы|Alma-Ata|Алма-Ата|Almaty qalasy", adj="алматинск|алма-атинск", geoname="Almaty"),
    Place("kz-shymkent", "Shymkent", _KZ, "city", "Shymkent|Chimkent|Шымкент|Чимкент",
          adj="шымкентск|чимкентск", geoname="Shymkent"),
    Place("kz-karaganda", "Karaganda", _KZ, "city", "Karaganda|Karagandy|Qaraghandy|Караганда|Қарағанды",
          adj="карагандинск", geoname="Karagandy"),
    Place("kz-aktobe", "Aktobe", _KZ, "city", "Aktobe|Aqtobe|Актобе|Ақтөбе|Aktyubinsk|Актюбинск",
          adj="актюбинск|актобинск", geoname="Aktobe"),
    Place("kz-taraz", "Taraz", _KZ, "city", "Taraz|Тараз|Dzhambul|Джамбул|Aulie-Ata|Аулие-Ата",
          adj="таразск|джамбулск", geoname="Taraz"),
    Place("kz-pavlodar", "Pavlodar", _KZ, "city", "Pavlodar|Павлодар", adj="павлодарск", geoname="Pavlodar"),
    Place("kz-oskemen", "Oskemen", _KZ, "city",
          "Oskemen|Öskemen|Ust-Kamenogorsk|Ust-Kamenogorsk|Усть-Каменогорск|Өскемен",
          adj="усть-каменогорск", geoname="Ust-Kamenogorsk"),
    Place("kz-semey", "Semey", _KZ, "city", "Semey|Semei|Semipalatinsk|Семипалатинск",
          adj="семипалатинск|семейск", geoname="Semey", weak="Семей"),  # семей: "of families"
    Place("kz-atyrau", "Atyrau", _KZ, "city", "Atyrau|Атырау", adj="атырауск", geoname="Atyrau",
          weak="Guryev|Гурьев"),
    Place("kz-kostanay", "Kostanay", _KZ, "city", "Kostanay|Qostanay|Kustanai|Костанай|Кустанай|Қостанай",
          adj="костанайск|кустанайск", geoname="Kostanay"),
    Place("kz-kyzylorda", "Kyzylorda", _KZ, "city",
          "Kyzylorda|Qyzylorda|Кызылорда|Қызылорда|Kzyl-Orda|Кзыл-Орда", adj="кызылординск",
          geoname="Kyzylorda"),
    Place("kz-oral", "Oral", _KZ, "city", "Oral|Орал", geoname="Oral", context=True,
          strong="Uralsk|Уральск|Oral qalasy"),
    Place("kz-petropavl", "Petropavl", _KZ, "city", "Petropavl|Петропавл|Qyzyljar|Қызылжар",
          geoname="Petropavl", weak="Petropavlovsk|Петропавловск"),
    Place("kz-aktau", "Aktau", _KZ, "city", "Aktau|Aqtau|Актау|Ақтау", adj="актауск", geoname="Aktau"),
    Place("kz-temirtau", "Temirtau", _KZ, "city", "Temirtau|Темиртау|Теміртау", adj="темиртауск",
          geoname="Temirtau"),
    Place("kz-turkistan", "Turkistan", _KZ, "city", "Turkistan|Turkestan|Türkistan|Туркестан|Түркістан",
          adj="туркестанск", geoname="Turkistan",
          neighbours=(_EAST, _ISLAMIC, _HISTORIC_BEFORE, _HISTORIC_AFTER)),
    Place("hist-turkestan", "Turkestan (historical region)", (), "macro",
          "Turkestan Governorate|Туркестанский край|Туркестанская АССР"),
    Place("kz-kokshetau", "Kokshetau", _KZ, "city", "Kokshetau|Kökşetau|Кокшетау|Көкшетау|Kokchetav|Кокчетав",
          adj="кокшетауск|кокчетавск", geoname="Kokshetau"),
    Place("kz-taldykorgan", "Taldykorgan", _KZ, "city", "Taldykorgan|Taldyqorgan|Талдыкорган|Талдықорған",
          adj="талдыкорганск", geoname="Taldykorgan"),
    Place("kz-ekibastuz", "Ekibastuz", _KZ, "city", "Ekibastuz|Экибастуз|Екібастұз", adj="экибастузск",
          geoname="Ekibastuz"),
    Place("kz-zhanaozen", "Zhanaozen", _KZ, "city", "Zhanaozen|Janaozen|Жанаозен|Жаңаөзен",
          adj="жанаозенск", geoname="Zhanaozen"),
    Place("kz-zhezkazgan", "Zhezkazgan", _KZ, "city", "Zhezkazgan|Jezkazgan|Жезказган|Жезқазған",
          adj="жезказганск", geoname="Zhezqazghan"),
    Place("kz-baikonur", "Baikonur", _KZ, "city", "Baikonur|Baykonur|Байконур|Байқоңыр|Tyuratam|Тюратам",
          geoname="Baikonur", weak="Leninsk|Ленинск"),
    Place("kz-konaev", "Konaev", _KZ, "city", "Konaev|Qonaev|Конаев|Қонаев|Kapchagay|Kapshagay|Капчагай|Қапшағай",
          adj="капчагайск", geoname="Konayev"),
    Place("kz-balkhash", "Balkhash", _KZ, "city", "Balkhash|Balqash|Балхаш|Балқаш", geoname="Balqash"),
    # Regions (oblys): the ones named after their centre are matched through the city.
    Place("kz-akmola-r", "Akmola Region", _KZ, "region", "Akmola Region|Акмолинская область|Ақмола облысы"),
    Place("kz-ekr", "East Kazakhstan", _KZ, "region",
          "East Kazakhstan|Восточно-Казахстанская|Шығыс Қазақстан", adj="восточно-казахстанск"),
    Place("kz-nkr", "North Kazakhstan", _KZ, "region",
          "North Kazakhstan|Северо-Казахстанская|Солтүстік Қазақстан", adj="северо-казахстанск"),
    Place("kz-wkr", "West Kazakhstan", _KZ, "region",
          "West Kazakhstan|Западно-Казахстанская|Батыс Қазақстан", adj="западно-казахстанск"),
    Place("kz-skr", "South Kazakhstan", _KZ, "region",
          "South Kazakhstan|Южно-Казахстанская|Оңтүстік Қазақстан", adj="южно-казахстанск"),
    Place("kz-zhambyl", "Zhambyl Region", _KZ, "region", "Zhambyl|Jambyl|Жамбыл|Жамбылская",
          adj="жамбылск"),
    Place("kz-mangystau", "Mangystau", _KZ, "region",
          "Mangystau|Mangistau|Mangghystau|Mangyshlak|Мангистау|Маңғыстау|Мангышлак", adj="мангистауск|мангышлакск"),
    Place("kz-abai", "Abai Region", _KZ, "region", "Abai Region|Abay Region|Абайская область|Абай облысы"),
    Place("kz-zhetysu", "Jetisu", _KZ, "region", "Jetisu|Zhetysu|Жетысу|Жетісу|Semirechye|Семиречье",
          adj="жетысуск|семиреченск"),
    Place("kz-ulytau", "Ulytau", _KZ, "region", "Ulytau|Улытау|Ұлытау", adj="улытауск"),
    # Landmarks and oil fields that stand for Kazakhstan in the news.
    Place("kz-kashagan", "Kashagan", _KZ, "feature", "Kashagan|Кашаган|Қашаған"),
    Place("kz-karachaganak", "Karachaganak", _KZ, "feature", "Karachaganak|Карачаганак|Қарашығанақ"),
    Place("kz-tengiz", "Tengiz", _KZ, "feature", "Tengiz|Тенгиз|Теңіз", context=True, person=True,
          strong="Tengizchevroil|Тенгизшевройл|Tengiz field|Tengiz oil"),
    Place("kz-medeu", "Medeu", _KZ, "feature", "Medeu|Medeo|Медеу|Медео"),
    Place("kz-burabay", "Burabay", _KZ, "feature", "Burabay|Бурабай"),
)

KYRGYZSTAN: tuple[Place, ...] = (
    Place("kg-bishkek", "Bishkek", _KG, "capital", "Bishkek|Bişkek|Бишкек|Pishpek|Пишпек",
          adj="бишкекск", geoname="Bishkek", weak="Frunze|Фрунзе"),
    Place("kg-osh", "Osh", _KG, "city", "Osh|Ош|O'sh|Osch|Өш", adj="ошск", geoname="Osh", person=True),
    Place("kg-jalal-abad", "Jalal-Abad", _KG, "city",
          "Jalal-Abad|Jalal Abad|Dzhalal-Abad|Zhalal-Abad|Jalalabat|Джалал-Абад|Жалал-Абад|Жалалабат",
          adj="джалал-абадск|жалал-абадск", geoname="Manas"),
    Place("kg-karakol", "Karakol", _KG, "city", "Karakol|Каракол|Przhevalsk|Пржевальск", adj="каракольск",
          geoname="Karakol"),
    Place("kg-tokmok", "Tokmok", _KG, "city", "Tokmok|Токмок", geoname="Tokmok", weak="Tokmak|Токмак"),
    Place("kg-naryn", "Naryn", _KG, "city", "Naryn|Нарын", adj="нарынск", geoname="Naryn", person=True),
    Place("kg-talas", "Talas", _KG, "city", "Talas|Талас", adj="таласск", geoname="Talas", person=True),
    Place("kg-batken", "Batken", _KG, "city", "Batken|Баткен", adj="баткенск", geoname="Batken"),
    Place("kg-kara-balta", "Kara-Balta", _KG, "city", "Kara-Balta|Кара-Балта", geoname="Kara-Balta"),
    Place("kg-uzgen", "Uzgen", _KG, "city", "Uzgen|Özgön|Узген|Өзгөн", geoname="Uzgen"),
    Place("kg-balykchy", "Balykchy", _KG, "city", "Balykchy|Балыкчы|Rybachye|Рыбачье", geoname="Balykchy"),
    Place("kg-cholpon-ata", "Cholpon-Ata", _KG, "city", "Cholpon-Ata|Чолпон-Ата", geoname="Cholpon-Ata"),
    Place("kg-chuy", "Chuy Region", _KG, "region", "Chuy Region|Chui Region|Chüy|Чуйская область|Чүй облусу",
          adj="чуйск"),
    Place("kg-issyk-kul", "Issyk-Kul", _KG, "region",
          "Issyk-Kul|Issyk Kul|Issyk-Köl|Ysyk-Köl|Ysyk-Kol|Иссык-Куль|Ысык-Көл|Ыссык-Көл|Иссыккуль",
          adj="иссык-кульск|иссыккульск"),
    Place("kg-kumtor", "Kumtor", _KG, "feature", "Kumtor|Кумтор"),
    Place("kg-manas-airport", "Manas Airport", _KG, "feature",
          "Manas airport|Manas International Airport|Manas air base|аэропорт Манас|аэропорта Манас"),
    Place("kg-toktogul", "Toktogul", _KG, "feature", "Toktogul|Токтогул", geoname="Toktogul"),
    Place("kg-kambarata", "Kambarata", _KG, "feature", "Kambarata|Камбарата"),
)
