"""Curated places of Tajikistan, Turkmenistan and Uzbekistan, and features shared by several countries."""

from __future__ import annotations

from crawler.geo.curated_types import Neighbour, Place

_TJ = ("TJ",)
_TM = ("TM",)
_UZ = ("UZ",)

# "Balkan" alone is the European peninsula; only a province word makes it Turkmenistan's welayat.
_BALKAN_ADMIN = "velayat|welayat|welaýat|велаят|вилоят|province|viloyat"
# "Mary" the city: also after the city's own name in Turkmen ("Mary şäheri") or with its region word.
_MARY_ADMIN = "velayat|welayat|welaýat|велаят|province|region|oblast|област|şäher|city|вилоят|viloyat|этрап|etrap"

TAJIKISTAN: tuple[Place, ...] = (
    Place("tj-dushanbe", "Dushanbe", _TJ, "capital", "Dushanbe|Душанбе|Stalinabad|Сталинабад|Dyushambe",
          adj="душанбинск|сталинабадск", geoname="Dushanbe"),
    Place("tj-khujand", "Khujand", _TJ, "city",
          "Khujand|Khudzhand|Khojent|Khodzhent|Xo'jand|Худжанд|Ходжент|Хуҷанд|Leninabad|Ленинабад|Leninobod",
          adj="худжандск|ленинабадск", geoname="Khujand"),
    Place("tj-kulob", "Kulob", _TJ, "city", "Kulob|Kulyab|Куляб|Кулоб|Кӯлоб", adj="кулябск", geoname="Kŭlob"),
    Place("tj-bokhtar", "Bokhtar", _TJ, "city",
          "Bokhtar|Бохтар|Kurgan-Tyube|Kurgan-Tube|Qurghonteppa|Курган-Тюбе|Қӯрғонтеппа",
          adj="курган-тюбинск", geoname="Bokhtar"),
    Place("tj-istaravshan", "Istaravshan", _TJ, "city", "Istaravshan|Истаравшан|Ura-Tyube|Ура-Тюбе",
          geoname="Istaravshan"),
    Place("tj-isfara", "Isfara", _TJ, "city", "Isfara|Исфара", geoname="Isfara"),
    Place("tj-konibodom", "Konibodom", _TJ, "city", "Konibodom|Kanibadam|Канибадам|Конибодом",
          geoname="Konibodom"),
    Place("tj-panjakent", "Panjakent", _TJ, "city", "Panjakent|Penjikent|Пенджикент|Панҷакент",
          geoname="Panjakent"),
    Place("tj-tursunzoda", "Tursunzoda", _TJ, "city", "Tursunzoda|Tursunzade|Турсунзаде|Турсунзода",
          geoname="Tursunzoda"),
    Place("tj-khorog", "Khorog", _TJ, "city", "Khorog|Khorugh|Хорог|Хоруғ", adj="хорогск", geoname="Khorugh"),
    Place("tj-sughd", "Sughd", _TJ, "region", "Sughd|Sogd|Sughd Region|Согд|Суғд|Согдийская область",
          adj="согдийск"),
    Place("tj-khatlon", "Khatlon", _TJ, "region", "Khatlon|Хатлон", adj="хатлонск"),
    Place("tj-gbao", "Gorno-Badakhshan", _TJ, "region",
          "Gorno-Badakhshan|GBAO|ГБАО|ВМКБ|Горный Бадахшан|Горного Бадахшана|Горном Бадахшане|"
          "Kuhistoni Badakhshon|Кӯҳистони Бадахшон",
          adj="горно-бадахшанск"),
    Place("tj-pamir", "Pamir", _TJ, "feature", "Pamir|Pamirs|Памир|Pomir|Помир", adj="памирск"),
    Place("tj-rogun", "Rogun", _TJ, "feature", "Rogun|Рогун|Roghun|Роғун", adj="рогунск"),
    Place("tj-nurek", "Nurek", _TJ, "feature", "Nurek|Нурек|Norak|Норак", context=True,
          strong="Nurek dam|Нурекской ГЭС|Нурекская ГЭС"),
)

TURKMENISTAN: tuple[Place, ...] = (
    Place("tm-ashgabat", "Ashgabat", _TM, "capital",
          "Ashgabat|Aşgabat|Ashkhabad|Ашхабад|Ашгабат|Aşgabady|Aşgabada|Aşgabadyň|Poltoratsk",
          adj="ашхабадск", geoname="Ashgabat"),
    Place("tm-turkmenabat", "Türkmenabat", _TM, "city",
          "Türkmenabat|Turkmenabat|Туркменабад|Туркменабат|Chardzhou|Chardjou|Chärjew|Чарджоу|Чарджуй",
          adj="чарджоуск", geoname="Türkmenabat"),
    Place("tm-dashoguz", "Daşoguz", _TM, "city",
          "Daşoguz|Dashoguz|Dashhowuz|Дашогуз|Дашховуз|Tashauz|Ташауз", adj="дашогузск|ташаузск",
          geoname="Daşoguz"),
    Place("tm-mary", "Mary", _TM, "city", "Mary|Мары", geoname="Mary", context=True, person=True,
          admin=_MARY_ADMIN, adj="марыйск", strong="Merv|Мерв|марыйск"),
    Place("tm-turkmenbashi", "Türkmenbaşy", _TM, "city",
          "Türkmenbaşy|Turkmenbashi|Туркменбаши|Krasnovodsk|Красноводск", adj="красноводск",
          geoname="Türkmenbaşy"),
    Place("tm-balkanabat", "Balkanabat", _TM, "city", "Balkanabat|Балканабад|Nebit-Dag|Небит-Даг",
          geoname="Balkanabat"),
    Place("tm-bayramaly", "Baýramaly", _TM, "city", "Baýramaly|Bayramaly|Байрамали", geoname="Bayramaly"),
    Place("tm-arkadag", "Arkadag", _TM, "city", "Arkadag|Аркадаг", geoname="Arkadag"),
    Place("tm-awaza", "Awaza", _TM, "feature", "Awaza|Avaza|Аваза"),
    Place("tm-ahal", "Ahal", _TM, "region", "Ahal|Ахал|Ахалский велаят", adj="ахалск"),
    Place("tm-lebap", "Lebap", _TM, "region", "Lebap|Лебап", adj="лебапск"),
    Place("tm-balkan", "Balkan Province", _TM, "region", "Balkan|Балкан", adj="балканск", context=True,
          admin=_BALKAN_ADMIN, strong="Balkan welaýaty|Balkan velayat|Balkan province",
          # "the Balkans", "Balkan countries/states/wars/peninsula" are south-east Europe.
          neighbours=(Neighbour("after", ("countries", "states", "war", "peninsula", "route",
                                          "стран", "войн", "полуостров", "государств"), ""),)),
    Place("tm-karakum", "Karakum Desert", _TM, "feature",
          "Karakum|Garagum|Каракумы|Каракумов|Каракумах|Karakum Desert"),
    Place("tm-darvaza", "Darvaza", _TM, "feature", "Darvaza|Derweze|Дарваза"),
)

UZBEKISTAN: tuple[Place, ...] = (
    Place("uz-tashkent", "Tashkent", _UZ, "capital", "Tashkent|Toshkent|Ташкент|Тошкент|Taschkent",
          adj="ташкентск", geoname="Tashkent"),
    Place("uz-samarkand", "Samarkand", _UZ, "city", "Samarkand|Samarqand|Самарканд|Самарқанд",
          adj="самаркандск", geoname="Samarkand"),
    Place("uz-namangan", "Namangan", _UZ, "city", "Namangan|Наманган", adj="наманганск", geoname="Namangan"),
    Place("uz-andijan", "Andijan", _UZ, "city", "Andijan|Andijon|Andizhan|Андижан|Андижон",
          adj="андижанск", geoname="Andijon"),
    Place("uz-bukhara", "Bukhara", _UZ, "city", "Bukhara|Buxoro|Bokhara|Бухара|Бухоро", adj="бухарск",
          geoname="Bukhara"),
    Place("uz-nukus", "Nukus", _UZ, "city", "Nukus|Нукус|Nökis", adj="нукусск", geoname="Nukus"),
    Place("uz-qarshi", "Qarshi", _UZ, "city", "Qarshi|Karshi|Карши|Қарши", adj="каршинск", geoname="Qarshi"),
    Place("uz-fergana", "Fergana", _UZ, "city", "Fergana|Ferghana|Farg'ona|Фергана|Фарғона",
          adj="ферганск", geoname="Fergana"),
    Place("uz-kokand", "Kokand", _UZ, "city", "Kokand|Qo'qon|Коканд|Қўқон", adj="кокандск", geoname="Qo‘qon"),
    Place("uz-margilan", "Margilan", _UZ, "city", "Margilan|Marg'ilon|Маргилан|Марғилон", adj="маргиланск",
          geoname="Marg‘ilon"),
    Place("uz-urgench", "Urgench", _UZ, "city", "Urgench|Urganch|Ургенч|Урганч", adj="ургенчск",
          geoname="Urganch"),
    Place("uz-termez", "Termez", _UZ, "city", "Termez|Termiz|Термез|Термиз", adj="термезск", geoname="Tirmiz"),
    Place("uz-jizzakh", "Jizzakh", _UZ, "city", "Jizzakh|Jizzax|Djizak|Джизак|Жиззах", adj="джизакск",
          geoname="Jizzax"),
    Place("uz-navoiy", "Navoiy", _UZ, "city", "Navoiy|Navoi|Навои|Навоий", adj="навоийск", geoname="Navoiy"),
    Place("uz-chirchiq", "Chirchiq", _UZ, "city", "Chirchiq|Chirchik|Чирчик|Чирчиқ", adj="чирчикск",
          geoname="Chirchiq"),
    Place("uz-angren", "Angren", _UZ, "city", "Angren|Ангрен", adj="ангренск", geoname="Angren"),
    Place("uz-olmaliq", "Olmaliq", _UZ, "city", "Olmaliq|Almalyk|Алмалык|Олмалиқ", adj="алмалыкск",
          geoname="Olmaliq"),
    Place("uz-khiva", "Khiva", _UZ, "city", "Khiva|Xiva|Хива", adj="хивинск", geoname="Xiva"),
    Place("uz-shahrisabz", "Shahrisabz", _UZ, "city", "Shahrisabz|Шахрисабз", geoname="Shahrisabz"),
    Place("uz-karakalpakstan", "Karakalpakstan", _UZ, "region",
          "Karakalpakstan|Qoraqalpog'iston|Qaraqalpaqstan|Каракалпакстан|Каракалпакия|Қорақалпоғистон|"
          "Қарақалпақстан|Karakalpak|Qoraqalpoq|каракалпак",
          adj="каракалпакск"),
    Place("uz-kashkadarya", "Kashkadarya", _UZ, "region", "Kashkadarya|Qashqadaryo|Кашкадарья|Қашқадарё",
          adj="кашкадарьинск"),
    Place("uz-surkhandarya", "Surkhandarya", _UZ, "region",
          "Surkhandarya|Surxondaryo|Сурхандарья|Сурхондарё", adj="сурхандарьинск"),
    Place("uz-khorezm", "Khorezm", _UZ, "region", "Khorezm|Khwarazm|Xorazm|Хорезм|Хоразм", adj="хорезмск"),
    Place("uz-syrdarya-r", "Syrdarya Region", _UZ, "region", "Sirdaryo|Сирдарё|Сырдарьинская область"),
)

# Features shared by several countries: their weight is split between them.
SHARED: tuple[Place, ...] = (
    Place("ca-fergana-valley", "Fergana Valley", ("UZ", "KG", "TJ"), "feature",
          "Fergana Valley|Ferghana Valley|Ферганская долина|Ферганской долины|Ферганской долине|"
          "Ферганскую долину|Ферганской долиной|Farg'ona vodiysi|Фарғона водийси|Ферғана аңғары|"
          "Фергана өрөөнү|Водии Фарғона"),
    Place("ca-aral-sea", "Aral Sea", ("KZ", "UZ"), "feature",
          "Aral Sea|Аральское море|Аральского моря|Аральском море|Аральскому морю|Orol dengizi|Арал теңізі|"
          "Арал тенизи|Aralsee"),
    Place("ca-amu-darya", "Amu Darya", ("UZ", "TM", "TJ"), "feature",
          "Amu Darya|Amudarya|Amudaryo|Amyderýa|Амударья|Амудария|Амударё"),
    Place("ca-syr-darya", "Syr Darya", ("KZ", "UZ"), "feature", "Syr Darya|Syrdarya|Сырдарья|Сырдария"),
    Place("ca-tian-shan", "Tian Shan", ("KG", "KZ"), "feature", "Tian Shan|Tien Shan|Тянь-Шань|Тянь-Шаня|Тянь-Шане"),
    Place("ca-kyzylkum", "Kyzylkum", ("UZ", "KZ"), "feature", "Kyzylkum|Kyzyl Kum|Qizilqum|Кызылкум|Қызылқұм"),
    Place("ca-ustyurt", "Ustyurt", ("KZ", "UZ"), "feature", "Ustyurt|Устюрт|Ustyurt Plateau"),
)
