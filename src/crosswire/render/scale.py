"""ACLED's source_scale from what the records know about each source.

ACLED grades a source by its reach: Local, Subnational, National, Regional,
International, New media, and joins several with "-" ("National-International").
crosswire knows an outlet's web domain, so it grades only what a domain says:
a social platform is New media; a country-code domain is National when it is
the event's country and International otherwise; a large wire or broadcaster
(the outlets named by their domain in ``crosswire.metadata.outlets``) is International.
Anything else is left blank rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.metadata.outlets import KNOWN_DOMAINS, registrable_domain, words

SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "New media")
SOCIAL_DOMAINS = words(
    "twitter.com x.com t.me telegram.org facebook.com fb.com instagram.com youtube.com "
    "youtu.be tiktok.com reddit.com vk.com whatsapp.com threads.net bsky.app"
)
# Country-code domains used as generic ones (".co", ".io", ".tv" ...): they say nothing.
GENERIC_CC = words("co io tv me fm ly ai cc ws to am gg sh ac")
# ccTLDs that differ from the ISO 3166 code.
CC_TO_ISO = {"uk": "GB"}


def domain_scale(url: str | None, event_country: str | None) -> str | None:
    if not url:
        return None
    domain = registrable_domain(url)
    if not domain:
        return None
    if domain in SOCIAL_DOMAINS:
        return "New media"
    if domain in KNOWN_DOMAINS:
        return "International"
    suffix = domain.rsplit(".", 1)[-1].lower()
    if len(suffix) != 2 or suffix in GENERIC_CC or not event_country:
        return None
    home = CC_TO_ISO.get(suffix, suffix.upper())
    return "National" if home == event_country.upper() else "International"


def _known_outlet(name: str | None) -> bool:
    """A wire or broadcaster of the domain table, named by its name or its domain's label."""
    if not name:
        return False
    folded = name.casefold().strip()
    return folded in _KNOWN_NAMES


_KNOWN_NAMES = frozenset(
    [v.casefold() for v in KNOWN_DOMAINS.values()]
    + [d.split(".", 1)[0] for d in KNOWN_DOMAINS]
    + list(KNOWN_DOMAINS)
)


def source_scale(
    urls: Sequence[str | None], event_country: str | None, outlets: Sequence[str | None] = ()
) -> str:
    """ACLED's source_scale over an event's sources; "" when no source can be graded.

    A source without a URL is graded by its outlet's name when that names a
    known wire or broadcaster.
    """
    graded = [domain_scale(u, event_country) for u in urls]
    graded += ["International" for o in outlets if _known_outlet(o)]
    scales = {s for s in graded if s}
    return "-".join(s for s in SCALE_ORDER if s in scales)
