"""A suggested category for a request that has none, with the reason in words.

Two sources, tried in this order, both deterministic:

1. **Keywords** of the service's categories (``categories: [{id, keywords}]``),
   found as whole words (a trailing plural *s*/*es* allowed) in the title and the
   description. The category with the most distinct keywords found wins; a tie
   goes to the category listed first.
2. **Past requests** of the same service that have a category and share a title
   word with this one (words of four letters or more, common words left out).
   The most frequent category among them wins; a tie goes to the category listed
   first in the service.

The index of past titles is built once for all requests (word → the requests
whose titles hold it), so a suggestion costs the requests that share its words,
never a scan of every request.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.models.request import Request
from generator.models.service import Service

MIN_WORD = 4
_COMMON = (
    "about after again also before cannot could does doesn from have into just need needs "
    "please should since some still that their them then there they this what when where "
    "which will with work working would your"
)
COMMON_WORDS = frozenset(_COMMON.split(" "))
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class CategorySuggestion:
    """A category to use, and why: the keywords found or the past requests counted."""

    service: str
    category: str
    keywords: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    votes: int = 0
    out_of: int = 0

    def text(self) -> str:
        """``suggested: 'access' (keywords: password, login)``."""
        return f"suggested: '{self.category}' ({self.reason()})"

    def reason(self) -> str:
        """``keywords: password, login``, or the past requests that were counted."""
        if self.keywords:
            return f"keywords: {', '.join(self.keywords)}"
        words = ", ".join(f"'{word}'" for word in self.words)
        return (
            f"past {self.service} requests with the title words {words}: "
            f"{self.votes} of {self.out_of} were '{self.category}'"
        )


def title_words(text: str) -> dict[str, str]:
    """The words of a title that say something, lower case, in order, once each: the
    key drops a plural *s* (so *scanners* meets *scanner*), the value is as written."""
    seen: dict[str, str] = {}
    for raw in _WORD.findall(text.lower()):
        if len(raw) < MIN_WORD or raw in COMMON_WORDS:
            continue
        seen.setdefault(raw[:-1] if raw.endswith("s") and len(raw) > MIN_WORD else raw, raw)
    return seen


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(keyword.lower()) + r"(?:s|es)?(?!\w)")


class CategorySuggester:
    """Keyword patterns per service and a title-word index of past requests, built once."""

    def __init__(self, services: Iterable[Service], past: Iterable[Request]) -> None:
        self._services = {s.id: s for s in services if s.categories}
        self._patterns: dict[str, list[tuple[str, list[tuple[str, re.Pattern[str]]]]]] = {
            service.id: [
                (c.id, [(k, _keyword_pattern(k)) for k in c.keywords if k.strip()])
                for c in service.categories
            ]
            for service in self._services.values()
        }
        self._postings: dict[tuple[str, str], list[tuple[str, str]]] = {}
        known = {s.id: set(s.category_ids()) for s in self._services.values()}
        for request in past:
            category = request.category
            if category is None or category not in known.get(request.service, ()):
                continue
            for word in title_words(request.title):
                posting = (request.id, category)
                self._postings.setdefault((request.service, word), []).append(posting)

    def suggest(self, service_id: str, title: str, body: str = "") -> CategorySuggestion | None:
        """The category for a request of ``service_id`` with this title and description."""
        service = self._services.get(service_id)
        if service is None:
            return None
        return self._by_keywords(service, f"{title}\n{body}".lower()) or self._by_past(
            service, title
        )

    def _by_keywords(self, service: Service, text: str) -> CategorySuggestion | None:
        best: tuple[str, tuple[str, ...]] | None = None
        for category, patterns in self._patterns[service.id]:
            found = tuple(keyword for keyword, pattern in patterns if pattern.search(text))
            if found and (best is None or len(found) > len(best[1])):
                best = (category, found)
        if best is None:
            return None
        return CategorySuggestion(service.id, best[0], keywords=best[1])

    def _by_past(self, service: Service, title: str) -> CategorySuggestion | None:
        # A past request sharing several words with the title is counted once.
        matched: dict[str, str] = {}
        shared: list[str] = []
        for word, written in title_words(title).items():
            postings = self._postings.get((service.id, word))
            if postings:
                shared.append(written)
                matched.update(postings)
        if not matched:
            return None
        votes = Counter(matched.values())
        order = {category: index for index, category in enumerate(service.category_ids())}
        category = min(votes, key=lambda c: (-votes[c], order.get(c, len(order)), c))
        return CategorySuggestion(
            service.id,
            category,
            words=tuple(shared),
            votes=votes[category],
            out_of=len(matched),
        )
