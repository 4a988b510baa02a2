"""French text to features: what two contributions have in common, offline and deterministic.

A text becomes a set of terms: the stems of its content words (Snowball's French stemmer, accents
folded after stemming so « medecin » typed without its accent meets « médecin ») and the *notions*
it mentions (`templates/synthese/notions.txt`: « bus »,
« transport à la demande » and « permis » all carry « mobilité »). Stop words and the generic words
of complaints (`mots_vides.txt`: « manque », « problème », « développer »…) are dropped: they say
that something is wrong, not what. Pairs of consecutive words were tried and left out: short texts
share too few of them, and both the duplicates and the groups came out worse (benchmarks/synthesis.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from atelier.presets import templates_dir

NOTION_PREFIX = "#"  # a notion's term, never a stem (stems are letters and digits only)
_WORD = re.compile(r"[0-9a-zà-ÿœæ]+(?:-[0-9a-zà-ÿœæ]+)*")
APOSTROPHE = "\u2019"  # the typographic apostrophe phones type
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'")


def fold(text: str) -> str:
    """Lower case, no accents, « œ » as « oe »: how words are compared."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae").replace(APOSTROPHE, "'")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Words in reading order, elisions cut (« l'accès » → « accès »), accents kept for the stemmer."""
    lowered = _ELISION.sub(" ", text.casefold().replace(APOSTROPHE, "'"))
    return _WORD.findall(lowered)


@dataclass(frozen=True)
class Vocabulary:
    """The editable word lists: stop words (folded) and notions (name → folded phrases)."""

    stop_words: frozenset[str]
    notions: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls, folder: Path | None = None) -> Vocabulary:
        folder = folder or templates_dir() / "synthese"
        stop = {fold(w) for line in _lines(folder / "mots_vides.txt") for w in line.split()}
        notions: dict[str, tuple[str, ...]] = {}
        for line in _lines(folder / "notions.txt"):
            name, _, phrases = line.partition(":")
            # Phrases are read as texts are (elisions cut, accents folded), whatever the apostrophe.
            folded = {" ".join(fold(w) for w in words(p)) for p in phrases.split(",")}
            notions[name.strip()] = tuple(sorted(p for p in folded if p))
        return cls(frozenset(stop), notions)


def _lines(path: Path) -> Iterable[str]:
    """Non-blank lines; a line starting with « # » is a comment."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@cache
def default_vocabulary() -> Vocabulary:
    return Vocabulary.load()


class Analyser:
    """Turns texts into terms with one vocabulary; stems are cached (a hall repeats its words)."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or default_vocabulary()
        self._stemmer = snowballstemmer.stemmer("french")
        self._notions = _notion_patterns(self.vocabulary.notions)
        self.surface: dict[str, dict[str, int]] = {}  # stem → the words seen for it, to label groups

    def terms(self, text: str, notion_weight: int = 1) -> list[str]:
        """Content stems, then notions (`notion_weight` times); a word said twice is there twice."""
        found = words(text)
        folded = [_fold_word(w) for w in found]
        stems = [self.stem(w) for w, f in zip(found, folded, strict=True)
                 if f not in self.vocabulary.stop_words and len(w) > 1]
        return stems + notion_weight * self._notions_in(folded)

    def topic_terms(self, text: str) -> list[str]:
        """For grouping: a notion counts twice, since it is what joins two ways of saying one thing."""
        return self.terms(text, notion_weight=2)

    def stem(self, word: str) -> str:
        stem = _stem(self._stemmer, word)
        seen = self.surface.setdefault(stem, {})
        seen[word] = seen.get(word, 0) + 1
        return stem

    def notions_of(self, text: str) -> list[str]:
        return self._notions_in([_fold_word(w) for w in words(text)])

    def _notions_in(self, folded_words: list[str]) -> list[str]:
        folded = " " + " ".join(folded_words) + " "
        return [NOTION_PREFIX + name for name, pattern in self._notions if pattern.search(folded)]

    def label(self, term: str) -> str:
        """A term as a reader sees it: a notion's name, the commonest word of a stem."""
        if term.startswith(NOTION_PREFIX):
            return term[len(NOTION_PREFIX):]
        seen = self.surface.get(term)
        return min(seen, key=lambda w: (-seen[w], w)) if seen else term


@lru_cache(maxsize=50_000)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=50_000)
def _stem(stemmer: snowballstemmer.stemmer, word: str) -> str:
    return fold(stemmer.stemWord(word))


def _notion_patterns(notions: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per notion; a phrase matches whole words, with an optional plural « s » or « x »."""
    patterns = []
    for name, phrases in sorted(notions.items()):
        alternatives = "|".join(re.escape(p).replace(r"\ ", " ") + "[sx]?" for p in phrases)
        patterns.append((name, re.compile(f" (?:{alternatives}) ")))
    return patterns
