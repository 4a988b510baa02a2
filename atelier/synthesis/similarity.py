"""Near-duplicates: « déjà signalé ? » on the phone and « doublons probables » on the analysis screen.

Two texts are compared by the terms they share, each weighted by how rare it is in the session
(a word everybody uses says little), blended with a fuzzy ratio of their content words (rapidfuzz)
so that a typo or a word order does not hide a duplicate. One score, the same in both places.

`SimilarityIndex` keeps one inverted index (term → texts) up to date one contribution at a time: a
check scores only the texts that share a term with the typed one, the best few exactly.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from atelier.synthesis.text import NOTION_PREFIX, Analyser

COSINE_SHARE = 0.5  # the rest is the fuzzy ratio
DUPLICATE_SCORE = 0.4  # from here two texts are probably the same contribution (benchmarks/synthesis.py)
SUGGEST_SCORE = 0.3  # the phone shows a little more: the participant judges, nothing is merged
EXACT_CANDIDATES = 40  # texts scored exactly after the rough pass
COMMON_TEXTS = 200  # a term in more texts than this (or a tenth of them) finds no candidates of its own


@dataclass(frozen=True)
class Similar:
    key: Hashable
    score: float
    shared: tuple[str, ...]  # the shared terms a reader understands, most telling first


@dataclass
class _Entry:
    terms: frozenset[str]
    content: str  # its content stems in reading order, for the fuzzy ratio


@dataclass
class SimilarityIndex:
    analyser: Analyser = field(default_factory=Analyser)
    entries: dict[Hashable, _Entry] = field(default_factory=dict)
    postings: dict[str, set[Hashable]] = field(default_factory=dict)

    def put(self, key: Hashable, text: str) -> None:
        self.discard(key)
        entry = self._entry(text)
        self.entries[key] = entry
        for term in entry.terms:
            self.postings.setdefault(term, set()).add(key)

    def discard(self, key: Hashable) -> None:
        entry = self.entries.pop(key, None)
        for term in entry.terms if entry else ():
            keys = self.postings[term]
            keys.discard(key)
            if not keys:
                del self.postings[term]

    def __len__(self) -> int:
        return len(self.entries)

    def weight(self, term: str) -> float:
        """Inverse document frequency (squared in the cosine): a term few texts use says more."""
        return math.log((len(self.entries) + 1) / (len(self.postings.get(term, ())) + 1)) + 1

    def similar(self, text: str, *, limit: int = 3, threshold: float = SUGGEST_SCORE,
                among: Iterable[Hashable] | None = None) -> list[Similar]:
        """The texts most like `text`, best first (ties by key, so the answer is stable)."""
        query = self._entry(text)
        allowed = set(among) if among is not None else None
        rough: dict[Hashable, float] = {}
        common = max(COMMON_TEXTS, len(self.entries) // 10)
        # Rarest terms first: once they have found texts, a term half the session uses (« bus » in a
        # soirée on mobility) only adds its weight to those, instead of making every text a candidate:
        # a check costs what the typed words single out, not the size of the session.
        for term in sorted(query.terms, key=lambda t: (len(self.postings.get(t, ())), t)):
            w = self.weight(term) ** 2
            keys = self.postings.get(term, set())
            if rough and len(keys) > common:
                for key in rough.keys() & keys:
                    rough[key] += w
                continue
            for key in keys:
                if allowed is None or key in allowed:
                    rough[key] = rough.get(key, 0.0) + w
        best = heapq.nsmallest(EXACT_CANDIDATES, rough,
                               key=lambda k: (-rough[k] / math.sqrt(len(self.entries[k].terms)), str(k)))
        scored = [self.compare(query, key) for key in best]
        hits = sorted((s for s in scored if s.score >= threshold), key=lambda s: (-s.score, str(s.key)))
        return hits[:limit]

    def compare(self, query: _Entry, key: Hashable) -> Similar:
        other = self.entries[key]
        shared = query.terms & other.terms
        dot = sum(self.weight(t) ** 2 for t in shared)
        norms = math.sqrt(self._norm(query.terms) * self._norm(other.terms))
        cosine = dot / norms if norms else 0.0
        ratio = fuzz.token_set_ratio(query.content, other.content) / 100 if shared else 0.0
        score = COSINE_SHARE * cosine + (1 - COSINE_SHARE) * ratio
        return Similar(key, round(score, 3), self.readable(shared))

    def score(self, first: Hashable, second: Hashable) -> float:
        return self.compare(self.entries[first], second).score

    def readable(self, terms: Iterable[str]) -> tuple[str, ...]:
        """Words and notions, rarest first."""
        labels = (self.analyser.label(t) for t in sorted(terms, key=lambda t: (-self.weight(t), t)))
        return tuple(dict.fromkeys(labels))

    def _norm(self, terms: frozenset[str]) -> float:
        return sum(self.weight(t) ** 2 for t in terms)

    def _entry(self, text: str) -> _Entry:
        terms = self.analyser.terms(text)
        content = " ".join(t for t in terms if not t.startswith(NOTION_PREFIX))
        return _Entry(frozenset(terms), content)

