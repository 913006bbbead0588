"""Words that look like Central Asian places but are not (one trap per test), and their true twins."""

from __future__ import annotations

import pytest

from crawler.geo import GeoTags, tag_text


def tags(body: str, title: str | None = None, language: str | None = None) -> GeoTags:
    return tag_text(title, None, body, language=language)


@pytest.mark.parametrize("text", [
    "Joshua won the fight.", "Everything went хорошо.", "Это была ошибка.", "He lives in Oshkosh, Wisconsin.",
    "OSHA inspected the plant.", "Ошибки исправлены, всё хорошо.", "The Osho movement.",
])
def test_osh_inside_other_words(text: str) -> None:
    assert "Osh" not in tags(text).places


def test_osh_as_a_word_is_the_city() -> None:
    assert tags("Riots broke out in Osh.").places == ("Osh",)
    assert tags("В Оше прошли выборы.").places == ("Osh",)


@pytest.mark.parametrize("text", ["Донские казаки провели парад.", "Казак сел на коня.", "казачий хор"])
def test_cossacks_are_not_kazakhs(text: str) -> None:
    assert tags(text).countries == ()


def test_kazakhs_are_kazakhs() -> None:
    assert tags("Казахи отметили Наурыз.").countries == ("KZ",)


@pytest.mark.parametrize("text", [
    "Mary Smith met the mayor.", "Queen Mary sailed.", "Mary Poppins is back.",
    "Mary said she would come.", "A song about Mary.",
])
def test_mary_the_person(text: str) -> None:
    assert tags(text).countries == ()


def test_mary_the_person_even_in_a_turkmen_article() -> None:
    assert "Mary" not in tags("Turkmenistan exports gas. Mary Smith reported from London.").places


@pytest.mark.parametrize("text", [
    "Cotton is grown in Mary province.", "The Mary velayat harvest began.", "В Марыйском велаяте собрали хлопок.",
    "Turkmenistan's gas fields near Mary are large.", "Mary welaýatynda pagta ýygymy başlandy.",
])
def test_mary_the_turkmen_city(text: str) -> None:
    assert "TM" in tags(text).countries


@pytest.mark.parametrize("text", [
    "Georgia passed a new law.", "Voters in Georgia elect a senator.", "Грузия и Армения.",
])
def test_georgia_is_never_central_asia(text: str) -> None:
    assert tags(text).countries == ()


@pytest.mark.parametrize("text", [
    "The Balkans are popular with tourists.", "Balkan countries met in Belgrade.",
    "The Balkan route is closed.", "Балканские страны упростили визы.", "Балканы ждут туристов.",
    "The Balkan region of Europe.",
])
def test_balkans_are_europe(text: str) -> None:
    assert tags(text).countries == ()


@pytest.mark.parametrize("text", [
    "Balkan province is rich in oil.", "Balkan welaýatynyň häkimi.", "В Балканском велаяте построят порт.",
])
def test_balkan_province_of_turkmenistan(text: str) -> None:
    assert tags(text).countries == ("TM",)


@pytest.mark.parametrize("text", [
    "Uyghurs call Xinjiang East Turkistan.", "The Turkistan Islamic Party claimed the attack.",
    "Восточный Туркестан.", "Activists of Eastern Turkestan protested.",
])
def test_east_turkistan_is_china(text: str) -> None:
    assert tags(text).countries == ()


def test_turkistan_the_city() -> None:
    assert tags("Pilgrims visit the mausoleum in Turkistan.").countries == ("KZ",)


def test_historic_turkestan_is_central_asia_but_no_country() -> None:
    result = tags("The Russian Turkestan was a colony.")
    assert result.countries == ()
    assert result.places == ("Turkestan (historical region)",)


@pytest.mark.parametrize("text", [
    "Ahmed Tajik, an engineer, said the bridge was safe.", "Mr Uzbek declined to comment.",
    "Dr. Tajik is a surgeon.", "Uzbek said the deal was fair.",
])
def test_demonym_surnames(text: str) -> None:
    assert tags(text).countries == ()


def test_surname_is_remembered_across_the_article() -> None:
    result = tags("Ahmed Tajik died. Colleagues remembered Tajik as a generous mentor.")
    assert result.countries == ()


def test_demonym_after_a_modifier_is_not_a_surname() -> None:
    assert tags("The Soviet Tajik republic and Tajikistan today.").countries == ("TJ",)


@pytest.mark.parametrize("text", ["Gene Talas won the race.", "Mr Naryn arrived."])
def test_talas_naryn_as_names(text: str) -> None:
    assert tags(text).countries == ()


@pytest.mark.parametrize("text", [
    "The Talas river floods every spring.", "Naryn River dam", "В Таласе прошёл фестиваль.",
])
def test_talas_naryn_rivers_and_regions_are_kyrgyz(text: str) -> None:
    assert tags(text).countries == ("KG",)


@pytest.mark.parametrize("code", ["TAS", "ALA", "DYU", "FRU", "NQZ", "ASB", "SKD"])
def test_airport_codes(code: str) -> None:
    assert tags(f"Flight {code} 123 departs at 10:00.").countries == ()


@pytest.mark.parametrize("text", ["Азия", "Asia markets rose.", "В Азии растёт спрос.", "Юго-Восточная Азия"])
def test_asia_alone_is_not_central_asia(text: str) -> None:
    assert tags(text).places == ()


def test_kazakh_horse_is_still_kazakh() -> None:
    assert tags("The Kazakh horse is a hardy breed.").countries == ("KZ",)


@pytest.mark.parametrize("text", [
    "Syrian Turkmen brigades fought near Aleppo.", "Iraqi Turkmen in Kirkuk.", "Turkmen fighters in Syria.",
    "Er will sie durch syrische Araber und Turkmenen ersetzen.",
])
def test_turkmen_of_syria_and_iraq(text: str) -> None:
    """Turkmen peoples outside Turkmenistan; German "Turkmenen" too."""
    assert tags(text).countries == ()


@pytest.mark.parametrize("text", [
    "Immanuel Kant wrote about reason.", "Oral health matters.", "В Москве много семей.",
    "Улица Фрунзе в Новосибирске.", "Petropavlovsk-Kamchatsky is in Russia.", "Уральский регион вырос.",
])
def test_common_words_and_foreign_namesakes(text: str) -> None:
    assert tags(text).countries == ()


def test_small_place_counts_with_its_country() -> None:
    alone = tags("The Kant airbase was mentioned.")
    assert "KG" not in alone.countries
    with_country = tags("Kyrgyzstan hosts the Kant airbase.")
    assert "Kant" in with_country.places
