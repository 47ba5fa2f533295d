"""An earlier incident recapped in the body of a report about another is no event of its own.

A report leads with its incident and, further down, recalls others as context: "On October
13th a bomber killed 30 at a wedding hall", "dozens were killed in raids on a market last
Monday", "a bomb at a mosque last Friday". Each has a day of its own, stated in its own
sentence, a week or so before the lead's: an incident the article does not report (its
own report is elsewhere), which an analyst reading this article would not code from it.
Such a recap is history (kept in brief.json as background, off the map and exports).

A day or two before the lead's is often the same battle's or the previous day's fighting
that the report goes on to tell ("on Tuesday seven civilians were killed"), so the gap
asked for is ``RECAP_DAYS``. A report whose lead tells no incident of its own (a roundup,
a statement) keeps its days.
"""

from __future__ import annotations

from datetime import date

from crosswire.events.drafts import LEAD_REACH, LEAD_SENTENCES, Draft, live, narrow
from crosswire.events.index import day_of
from crosswire.model import DatePrecision

# A day stated this many days or more before the lead's incident recalls another incident.
RECAP_DAYS = 4


def flag_earlier_incidents(
    drafts: list[Draft], published: tuple[str, str, DatePrecision] | None
) -> None:
    """Flag as history each body event whose own sentence states a day ``RECAP_DAYS`` or
    more before the day of the incident the lead reports."""
    lead = _lead_day(drafts, published)
    if lead is None:
        return
    for draft in drafts:
        if draft.sentence < LEAD_SENTENCES or not live(draft) or not _own_day(draft):
            continue
        end = day_of(draft.when[1]) if draft.when else None
        if end is not None and (lead - end).days >= RECAP_DAYS:
            draft.history = True


def _lead_day(drafts: list[Draft], published: tuple[str, str, DatePrecision] | None) -> date | None:
    """The first day of the incidents the headline and lead report; told undated there,
    the first day the next ``LEAD_REACH`` sentences state (a headline stamped with the
    day it was published, days after its incident, does not count the gap from that
    day); none dated, the article's."""
    lead = [d for d in drafts if d.sentence < LEAD_SENTENCES and live(d)]
    if not lead:
        return None
    near = [d for d in drafts if d.sentence < LEAD_SENTENCES + LEAD_REACH and live(d)]
    for told in (lead, near):
        days = [day_of(d.when[1]) for d in told if d.when is not None and narrow(d.when)]
        known = [day for day in days if day is not None]
        if known:
            return min(known)
    return day_of(published[1]) if published else None


def _own_day(draft: Draft) -> bool:
    """The event's day is stated in the sentence that first tells it ("On October 13th 30
    were killed"), not a day it was reported on nor one read from another clause."""
    if draft.date_text is None or draft.reported_on or not draft.spans:
        return False
    return draft.date_text.lower() in draft.spans[0].text.lower()
