"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds to article links."""

from __future__ import annotations

from lxml import etree

from crawler.discovery.links import DiscoveredLink, parse_datetime

# No entities, no network, no huge trees: feeds are untrusted input.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True,
                           remove_comments=True, remove_pis=True, load_dtd=False)
DATE_TAGS = ("pubDate", "published", "updated", "date", "issued", "modified")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _entry_link(entry: etree._Element) -> str | None:
    for child in entry:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and child.text and child.text.strip():
            return child.text.strip()
    for child in entry:
        permalink = child.get("isPermaLink", "true") == "true"
        if _local(child.tag) == "guid" and permalink and (child.text or "").startswith("http"):
            return child.text.strip()
    about = entry.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return about.strip() if about else None


def parse_feed(body: bytes) -> list[DiscoveredLink]:
    """Entries of a feed, in feed order; malformed or hostile XML yields what could be read safely."""
    try:
        root = etree.fromstring(body, parser=SAFE_XML)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    links = []
    for entry in root.iter():
        if _local(entry.tag) not in ("item", "entry"):
            continue
        url = _entry_link(entry)
        if not url:
            continue
        fields = {_local(c.tag): (c.text or "").strip() for c in entry if isinstance(c.tag, str)}
        published = next((parse_datetime(fields[t]) for t in DATE_TAGS if fields.get(t)), None)
        links.append(DiscoveredLink(url=url, published=published, title=fields.get("title") or None))
    return links
