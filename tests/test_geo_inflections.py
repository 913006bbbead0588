"""Inflected, suffixed and differently spelled place names are found (one case per test)."""

from __future__ import annotations

import pytest

from crawler.geo import tag_text


def places(body: str, language: str | None = None) -> tuple[str, ...]:
    return tag_text(None, None, body, language=language).places


def countries(body: str, language: str | None = None) -> tuple[str, ...]:
    return tag_text(None, None, body, language=language).countries


@pytest.mark.parametrize(("text", "place"), [
    ("Выборы в Кыргызстане прошли спокойно.", "Kyrgyzstan"),
    ("Президент Казахстана выступил с речью.", "Kazakhstan"),
    ("В Бишкеке прошёл митинг.", "Bishkek"),
    ("Конференция прошла в Алма-Ате.", "Almaty"),
    ("Договор был подписан Ташкентом и Астаной.", "Tashkent"),
    ("Договор был подписан Ташкентом и Астаной.", "Astana"),
    ("Из Киргизии поступили новые данные.", "Kyrgyzstan"),
    ("Гости из Бухары приехали на праздник.", "Bukhara"),
    ("В Кашкадарье начался сев.", "Kashkadarya"),
    ("Жители Костаная вышли на субботник.", "Kostanay"),
    ("Ташкентский метрополитен продлят.", "Tashkent"),
    ("Власти Алма-Атинской области сообщили о паводке.", "Almaty"),
    ("Казахстанцы поддержали реформу.", "Kazakhstan"),
    ("Узбеки и таджики живут рядом.", "Uzbekistan"),
    ("Узбеки и таджики живут рядом.", "Tajikistan"),
])
def test_russian_case_endings(text: str, place: str) -> None:
    assert place in places(text)


@pytest.mark.parametrize(("text", "place", "language"), [
    ("Қазақстанда жаңа заң қабылданды.", "Kazakhstan", "kk"),
    ("Қазақстанның экономикасы өсті.", "Kazakhstan", "kk"),
    ("Toshkentda yangi bekat ochildi.", "Tashkent", "uz"),
    ("Toshkentdan Bishkekka reys ochildi.", "Bishkek", "uz"),
    ("Men Bishkekte jashaym.", "Bishkek", "ky"),
    ("Ошто жер титирөө болду.", "Osh", "ky"),
    ("Тошкентдан поезд жўнади.", "Tashkent", "uz"),
    ("Aşgabatda täze mekdep açyldy.", "Ashgabat", "tk"),
    ("Бишкектин мэри билдирди.", "Bishkek", "ky"),
    ("Дар Душанбе мактаб кушода шуд.", "Dushanbe", "tg"),
    ("Қазақстандағы сайлау аяқталды.", "Kazakhstan", "kk"),
    ("Ўзбекистоннинг пойтахти Тошкент.", "Uzbekistan", "uz"),
    ("Türkmenistanyň gazy Hytaýa iberilýär.", "Turkmenistan", "tk"),
])
def test_turkic_suffixes(text: str, place: str, language: str) -> None:
    assert place in places(text, language)


@pytest.mark.parametrize("apostrophe", ["ʻ", "‘", "'", "`", "ʼ", "’"])
def test_uzbek_apostrophe_variants_are_equivalent(apostrophe: str) -> None:
    assert countries(f"O{apostrophe}zbekiston Respublikasi") == ("UZ",)


def test_uzbek_without_apostrophe() -> None:
    assert countries("Ozbekiston va Qozogiston") == ("UZ", "KZ")


@pytest.mark.parametrize("text", ["KAZAKHSTAN", "kazakhstan", "Kazakhstan", "КАЗАХСТАН", "казахстан"])
def test_case_insensitive(text: str) -> None:
    assert countries(f"News from {text} today") == ("KZ",)


@pytest.mark.parametrize(("former", "place"), [
    ("Alma-Ata", "Almaty"), ("Nur-Sultan", "Astana"), ("Akmola", "Astana"), ("Tselinograd", "Astana"),
    ("Leninabad", "Khujand"), ("Stalinabad", "Dushanbe"), ("Krasnovodsk", "Türkmenbaşy"),
    ("Chardzhou", "Türkmenabat"), ("Целиноград", "Astana"), ("Ленинабад", "Khujand"),
    ("Семипалатинск", "Semey"), ("Нур-Султан", "Astana"),
])
def test_former_names(former: str, place: str) -> None:
    assert place in places(f"The city of {former} grew fast.")


def test_former_name_frunze_needs_its_country() -> None:
    assert "Bishkek" not in places("Улица Фрунзе закрыта на ремонт.")
    assert "Bishkek" in places("Столица Киргизии называлась Фрунзе.")


@pytest.mark.parametrize(("text", "place"), [
    ("Tensions in the Fergana Valley rose.", "Fergana Valley"),
    ("Roads to GBAO were closed.", "Gorno-Badakhshan"),
    ("The Pamir highway is open.", "Pamir"),
    ("Protests in Karakalpakstan ended.", "Karakalpakstan"),
    ("Tourists love Issyk-Kul.", "Issyk-Kul"),
    ("A rocket left Baikonur.", "Baikonur"),
    ("В Ферганской долине не хватает воды.", "Fergana Valley"),
    ("На Иссык-Куле открыт сезон.", "Issyk-Kul"),
    ("Ситуация в Горно-Бадахшанской автономной области.", "Gorno-Badakhshan"),
    ("Farmers in Mangystau region protested.", "Mangystau"),
])
def test_regions_and_features(text: str, place: str) -> None:
    assert place in places(text)


def test_fergana_valley_spans_three_countries() -> None:
    assert set(countries("Water shortages in the Fergana Valley.")) == {"UZ", "KG", "TJ"}


@pytest.mark.parametrize(("text", "code"), [
    ("a Kazakh horse breeder", "KZ"), ("казахский язык", "KZ"), ("қазақ тілі", "KZ"),
    ("Kyrgyz herders", "KG"), ("Kirghiz nomads", "KG"), ("кыргызский парламент", "KG"),
    ("киргизские власти", "KG"), ("таджикский язык", "TJ"), ("тоҷикон", "TJ"),
    ("туркменский газ", "TM"), ("узбекский плов", "UZ"), ("oʻzbek tili", "UZ"),
    ("the Kazakhs and the Kyrgyz", "KZ"),
])
def test_demonyms_and_adjectives(text: str, code: str) -> None:
    assert code in countries(text)


def test_central_asia_counts_without_a_country() -> None:
    tags = tag_text("Water crisis in Central Asia", None, None)
    assert tags.places == ("Central Asia",)
    assert tags.countries == ()
    assert tags.relevance > 0.5


def test_russian_central_asia_inflected() -> None:
    assert "Central Asia" in places("Страны Центральной Азии и Средней Азии")


def test_turkish_dotted_capital_i() -> None:
    assert countries("KAZAKİSTAN'DA SEÇİM") == ("KZ",)
