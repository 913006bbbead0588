"""Author names: people (and wire agencies credited as authors), split, cleaned of bylines, outlets, roles
and dates."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Set
from typing import Any

BYLINE_PREFIX = re.compile(
    # "A column by", "Ein Kommentar von": a kind of piece, then the usual word
    r"^[\s|•·]*(?:(?:an?|ein|eine|un|une|una)\s+[^\W\d_]+\s+(?:by|von|par|por|di|door)|"
    r"(?:written|reported|posted|published|erstellt|geschrieben|verfasst|escrito|publicado|écrit|scritto|"
    r"geschreven)\s+(?:by|von|por|par|da|door)|by|author|authors|text|автор(?:ы)?|текст|подготовил[аи]?|муаллиф|"
    r"авторы|аўтар|muallif|yozdi|тайёрлади|tayyorladi|awtor|awtory|муаллифон|автордун|автордың|"
    r"von|par|por|di|door|av|från)\s*[:.\-—]?\s+",
    re.I,
)
SPLIT = re.compile(
    r"\s*(?:,|;|\||/|&|\+|·|•|、|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\bi\b|\bи\b|\bва\b|\bжана\b|"
    r"\bжәне\b|\bhem\b|\bva\b|\bve\b)\s*",
    re.I,
)
# Wire agencies: named as the author of a wire story, they are credited as such (they are not the outlet).
AGENCY = re.compile(
    r"^(?:the )?(?:associated press|ap|afp|agence france-presse|reuters|dpa|deutsche presse-agentur|sda|"
    r"keystone-sda|apa|kna|epd|efe|ansa|anadolu(?: ajansı| agency)?|tass|ria novosti|interfax|xinhua|"
    r"kyodo|jiji(?: press)?|yonhap|pti|ians|sputnik|kazinform|kabar|akipress|khovar|dunyo|uza|trend|"
    r"тасс|риа новости|интерфакс|казинформ|кабар|акипресс|ховар|дунё|уза|жахон|спутник|sid)$",
    re.I,
)
NOT_A_PERSON = re.compile(
    r"(?:\b(?:staff|editor(?:ial)?s?|newsroom|desk|team|admin(?:istrator)?|redaktion|redaction|redacción|"
    r"redazione|redactie|redaksjon(?:en)?|redaktionen|agency|agencies|press service|correspondents?|"
    r"редакция|редакци[яи]|корреспондент|собкор|пресс-служба|служба новостей|агентство|"
    r"tahririyat|таҳририят|мухбир|muxbir|редакциясы|gazeta|news|media|online|radio|tv|channel|"
    r"nachrichten|новости|жаңылыктар|жаңалықтар|yangiliklar|янгиликлар|ахбор|habarlar|хабарлар|"
    r"image|images|photo|photos|foto|fotos|picture|getty|shutterstock|imago|istock(?:photo)?|"
    r"фото|сурет|сүрөт|surat|"
    # job titles printed next to the name in bylines ("Sophie Foster, Travel News Reporter")
    r"writer|reporter|report|editor|correspondent|columnist|contributor|journalist|producer|photographer|"
    r"redakteur(?:in)?|korrespondent(?:in)?|reporterin|autorin|journalistin|volontär(?:in)?|"
    r"журналист|обозреватель|редактор|jurnalist|muharrir|мухаррир)\b|"
    # placeholders and the buttons of an author box ("No Author", "More Posts", "Alle Beiträge")
    r"\b(?:no author|unknown|anonymous|posts|beiträge|artikel|articles|profile|profil)\b|"
    r"https?://|www\.|@|\d{2,}|\.(?:com|org|net|ru|kz|kg|uz|tj|tm|de|uk|info)\b)",
    re.I,
)
ROLE_SUFFIX = re.compile(r"\s*(?:\(|,\s*|\s+-\s+|\s+—\s+)(?:reporter|correspondent|корреспондент|журналист|"
                         r"special to|for |in |из |фото|photo).*$", re.I)
# The place a story was filed from, after the name: "Associated Press in Valencia", "Shaun Walker in Moscow".
FILED_IN = re.compile(r"\s+in\s+[A-ZÀ-ÖØ-Þ][\w'.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'.-]*)?$")
# Initials or a role in parentheses after a name: "Elena Oberholzer (obe)", "Ann Lee (Reuters)".
PARENTHESES = re.compile(r"\s*[(\[][^()\[\]]{0,40}[)\]]\s*$")
# Job titles written after a name in Korean, Japanese and Chinese bylines: "신현주 기자", "松岡大地記者".
CJK_ROLE = re.compile(r"\s*(?:기자|특파원|선임기자|논설위원|記者|特派員|编辑|记者|通讯员)$")
# A photo or image credit: the whole string is dropped, not only the part naming the agency.
CREDIT = re.compile(r"\b(?:image|images|photo|photos|foto|fotos|picture|getty|shutterstock|imago|istock(?:photo)?|"
                    r"illustration|фото|сурет|сүрөт|surat)\b", re.I)
# Degrees and credentials written after a name and split off at its comma ("Jane Doe, PhD, RD").
CREDENTIAL = re.compile(r"(?:Ph\.?\s?D|M\.?D|MBA|MPH|MSc|BSc|MS|MA|RD|RN|DDS|Esq|CFA|CPA|LCSW|FACS)\.?")
ABBREVIATED_END = re.compile(r"(?:\s\w|\b(?:Jr|Sr))$")  # a last initial or "Jr": its full stop is kept
# Lower-case words that may sit inside a name written in a cased script ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "des", "la", "le",
                            "bin", "ibn", "al", "el", "ter", "ten", "zu", "dos", "das", "y", "e", "ul", "ud"})
# Nouns of job titles written as one word with their field ("Wirtschaftsredakteur", "Auslandskorrespondentin").
ROLE_ENDING = re.compile(r"(?:redakteur|korrespondent|reporter|journalist|kolumnist|autor)(?:in)?$", re.I)
# A label in front of the author's name in page text ("Autorin/Autor", "Автор:", "(责编：牛镛、岳弘彬)"). Common words
# ("by", "von", "text") are left out: starting a line of prose, they would make a byline of it.
LABELLED = re.compile(
    r"^\W*(?:(?:autor(?:in|en|innen)?(?:\s*/\s*autor(?:in)?)?|authors?|auteur|autore|autora|autorzy|автор(?:ы)?|"
    r"аўтар|автордун|автордың|muallif|муаллиф(?:он)?|awtor)(?![^\W\d_])|作者|责编|责任编辑|记者)\s*[:：]?\s*(.*)$",
    re.I | re.S)
# One word and a colon before the names: a label of the credit ("Interview:", "Quelle:", "Redaktion:").
LABEL = re.compile(r"^\s*([^\W\d_]+)\s*:\s*(\S.*)$", re.S)
ORGANISATION = re.compile(r"www\.|://")  # a raw string naming a web address is an organisation's credit
MAX_WORDS = 5
MAX_TLD = 3  # "orfat" is the outlet "orf" with its domain ending
MIN_HOST_LABEL = 3


def _clean(name: str) -> str:
    original = name
    name = " ".join(name.split())
    name = BYLINE_PREFIX.sub("", name)
    if labelled := LABEL.match(name):  # "Interview: Julia Lauter", "Piše: P. Mucović"
        name = "" if NOT_A_PERSON.search(labelled.group(1)) else labelled.group(2)
    name = ROLE_SUFFIX.sub("", name)
    name = FILED_IN.sub("", name)
    name = PARENTHESES.sub("", name)
    name = CJK_ROLE.sub("", name)
    name = name.strip(" .,:;-—|()[]\u00a0")
    # the full stop of a last initial or of "Jr." belongs to the name ("Nicolas Gutierrez C.", "Perry Bacon Jr.")
    return f"{name}." if ABBREVIATED_END.search(name) and f"{name}." in original else name


def _outlet_keys(outlets: Iterable[str | None]) -> set[str]:
    return {key for name in outlets if name and (key := _squash(name))}


def _squash(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def is_outlet(name: str, outlets: Set[str]) -> bool:
    """Whether a name is the outlet's ("Lesotho Times", "ORF.at", "Kloop"): equal to or containing one of
    the outlet's names or host labels (squashed), or one of them followed by a domain ending."""
    squashed = _squash(name)
    words = name.split()
    first = _squash(words[0]) if words else ""
    rest = _squash("".join(words[1:]))
    for outlet in outlets:
        if squashed == outlet or (len(outlet) >= 4 and (outlet in squashed or squashed in outlet)):
            return True
        if squashed.startswith(outlet) and len(squashed) - len(outlet) <= MAX_TLD:
            return True
        # "MDR THÜRINGEN" (the outlet's name, then a desk) and "Ilanga D" (its name cut short, then an
        # initial) are accounts of the outlet; "Azat Karimov" on azattyk.org is a person
        if len(first) >= MIN_HOST_LABEL and (
                first == outlet or (len(first) >= 4 and outlet.startswith(first) and len(rest) <= MAX_TLD)):
            return True
    return False


def is_agency(name: str) -> bool:
    """A wire agency's name ("dpa", "The Associated Press", "Kazinform")."""
    return bool(AGENCY.match(name.strip()))


def _cased(name: str) -> bool:
    """Whether the name is written in a script with letter case (Latin, Cyrillic, Greek...)."""
    return any(c.isalpha() and c.lower() != c.upper() for c in name)


def is_person(name: str, outlets: Set[str] = frozenset(), *, structured: bool = False) -> bool:
    """A plausible person's name: 1-5 words, mostly letters, not an outlet, a role, a credit or a date.

    `structured` names come from fields that hold names (JSON-LD, meta): their case is trusted ("viktor
    hedlund"); names read from page text must be capitalised when their script has case."""
    words = name.split()
    if not 1 <= len(words) <= MAX_WORDS or len(name) < 2:
        return False
    if len(words) == 1 and name.islower() and _cased(name):
        return False  # a URL slug or a login ("sophie-foster", "edilson.la.rosa", "gabor_munier")
    if is_outlet(name, outlets):
        return False
    if NOT_A_PERSON.search(name):
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters or len(letters) < 0.7 * len(name.replace(" ", "")):
        return False
    if _cased(name):
        return len(name) >= 3 and (structured or any(c.isupper() for c in name))
    # Chinese, Japanese and Korean names are short, uncased and written without spaces
    return all(unicodedata.category(c)[0] in "LM" or c == " " for c in name)


def name_shaped(name: str) -> bool:
    """Stricter test for names read from page text: capitalised words (particles aside), no digits, not a
    label ("Kommentar von") and not a job title."""
    if any(c.isdigit() for c in name) or ":" in name:
        return False  # "Quelle der Polizeimeldung: Kapo BE" is a label and its value
    if not _cased(name):
        return True
    words = name.split()
    if len(words) < 2 or BYLINE_PREFIX.match(words[-1] + " x"):
        return False
    for word in words:
        if ROLE_ENDING.search(word):
            return False
        if not word[0].isupper() and word.casefold() not in NAME_PARTICLES:
            return False
    return True


def other_role(text: str) -> bool:
    """Whether a labelled credit names another role than the writer's ("Redaktion: Ann Lee und Bo Kim",
    "Editor: Heryadi")."""
    return bool((labelled := LABEL.match(text)) and NOT_A_PERSON.search(labelled.group(1)))


def split_names(raw: str) -> list[str]:
    """'By Ann Lee and Bo Kim' -> ['Ann Lee', 'Bo Kim'] (a lone 'Lastname, Firstname' stays one name)."""
    raw = BYLINE_PREFIX.sub("", " ".join(raw.split()))
    parts = [p for p in SPLIT.split(raw) if p and p.strip()]
    if len(parts) == 2 and raw.count(",") == 1 and all(len(p.split()) == 1 for p in parts) and \
            not any(is_agency(p) for p in parts):
        return [f"{parts[1]} {parts[0]}"]
    return parts


def normalize_authors(candidates: Iterable[str], outlet: str | None = None, *, outlets: Iterable[str | None] = (),
                      structured: bool = True) -> list[str]:
    """People's names (and credited wire agencies) from raw candidate strings, in order, without duplicates;
    the outlet's own name is never an author. Names from page text (`structured=False`) must also be
    name-shaped (see `name_shaped`)."""
    keys = _outlet_keys([outlet, *outlets])
    out: list[str] = []
    seen: set[str] = set()
    for raw in candidates:
        if "&" in raw:
            raw = html.unescape(raw)  # "Redacci&oacute;n": escaped twice in the page (its ";" is no separator)
        if CREDIT.search(raw) or ORGANISATION.search(raw):
            continue
        if other_role(raw):
            continue
        parts = [_clean(part) for part in split_names(raw)]
        if parts and parts[0] and not is_agency(parts[0]) and is_outlet(parts[0], keys):
            continue  # "hessenschau.de, Frankfurt, Germany": the outlet and its address
        for name in parts:
            key = name.casefold()
            if key in seen or not name or CREDENTIAL.fullmatch(name) or any(key.startswith(s) for s in seen):
                continue  # "Nicole OpitzRedakteurin" after "Nicole Opitz": a name run into its role
            if is_agency(name):
                if not is_outlet(name, keys):
                    seen.add(key)
                    out.append(name)
            elif is_person(name, keys, structured=structured) and (structured or name_shaped(name)):
                seen.add(key)
                out.append(name)
    return out


def ld_author_names(value: Any, nodes: Mapping[str, Mapping[str, Any]] | None = None) -> list[str]:
    """Names from a JSON-LD `author`/`creator` value. References ({"@id": ...}) are resolved through
    `nodes`; organisations are kept only when they are wire agencies."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, list):
            names += ld_author_names(item, nodes)
        elif isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping):
            if nodes and not item.get("name") and isinstance(item.get("@id"), str):
                item = nodes.get(item["@id"], item)
            kind = str(item.get("@type", "Person")).lower()
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(map(str, name))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName', '')} {item.get('familyName', '')}"
            if not name:
                continue
            if ("organization" in kind or "organisation" in kind) and not is_agency(str(name)):
                continue
            names.append(str(name))
    return names
