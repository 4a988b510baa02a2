"""« Regroupements suggérés »: contributions that speak of the same thing, across themes and communes.

Texts become TF-IDF vectors of their terms (`text.Analyser.topic_terms`: stems and notions). Small
groups are merged up (Ward's agglomerative clustering, on micro-clusters first when the session is
large), so a big pile is never split in one cut; the number of groups is the one, between 3 and 12,
whose groups hold together best (silhouette, cosine), unless the facilitator sets it. Everything is
deterministic: texts in key order, fixed seeds, ties broken by key — the same contributions give the
same groups on every run.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from atelier.synthesis.text import Analyser

MIN_GROUPS, MAX_GROUPS = 3, 12
MIN_TEXTS = 6  # fewer than this: nothing to group
SVD_FROM, SVD_DIMENSIONS = 150, 100  # reduce the vectors from this many texts on
MICRO_FROM, MICRO_GROUPS = 400, 150  # from this many texts, Ward merges this many micro-groups (k-means)
SILHOUETTE_SAMPLE = 1500
LABEL_TERMS = 5
SECONDARY_SHARE, SECONDARY_FLOOR, MAX_SECONDARY = 0.8, 0.3, 2
SEED = 0


@dataclass(frozen=True)
class Member:
    key: Hashable
    closeness: float  # cosine to the group's centre: 1 is the group's very words
    shared: tuple[str, ...]  # which of the group's terms this text uses: why it is here


@dataclass(frozen=True)
class Group:
    members: tuple[Member, ...]  # closest first
    also: tuple[Member, ...]  # texts of another group that belong here nearly as well
    terms: tuple[str, ...]  # the 3 to 5 most telling terms, as a reader reads them
    central: Hashable  # the member closest to the centre

    @property
    def keys(self) -> tuple[Hashable, ...]:
        return tuple(m.key for m in self.members)


@dataclass(frozen=True)
class Grouping:
    groups: tuple[Group, ...]
    ungrouped: tuple[Hashable, ...]  # texts with no content word at all
    chosen: bool  # True when the number of groups was chosen from the data
    silhouette: float


def group_texts(texts: dict[Hashable, str], *, groups: int | None = None,
                analyser: Analyser | None = None) -> Grouping:
    """Group `texts` (key → text); `groups` sets how many (clamped to what the texts allow)."""
    analyser = analyser or Analyser()
    keys = sorted(texts, key=str)
    documents = {key: analyser.topic_terms(texts[key]) for key in keys}
    keys = [key for key in keys if documents[key]]
    ungrouped = tuple(key for key in sorted(texts, key=str) if not documents[key])
    if len(keys) < MIN_TEXTS:
        return Grouping((), tuple(sorted(texts, key=str)), groups is None, 0.0)
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectorizer.fit_transform([documents[key] for key in keys])
    points = _reduced(matrix)
    labels, silhouette = _cluster(points, groups)
    built = _describe(keys, labels, normalize(matrix), vectorizer.get_feature_names_out(), analyser)
    return Grouping(built, ungrouped, groups is None, silhouette)


def _identity(terms: list[str]) -> list[str]:
    return terms


def _reduced(matrix: Any) -> np.ndarray:
    """Dense, unit-length points; large sessions go through a truncated SVD (latent topics) first."""
    rows, columns = matrix.shape
    if rows >= SVD_FROM and columns > SVD_DIMENSIONS:
        dense = TruncatedSVD(n_components=SVD_DIMENSIONS, random_state=SEED).fit_transform(matrix)
    else:
        dense = matrix.toarray()
    return np.asarray(normalize(dense), dtype=np.float64)


def _cluster(points: np.ndarray, wanted: int | None) -> tuple[np.ndarray, float]:
    """Ward's merges from the bottom up, cut at `wanted` groups or at the best silhouette in 3 to 12."""
    n = len(points)
    micro = np.arange(n)
    centres = points
    if n >= MICRO_FROM:
        kmeans = KMeans(n_clusters=MICRO_GROUPS, random_state=SEED, n_init=1, max_iter=100).fit(points)
        micro, centres = kmeans.labels_, normalize(kmeans.cluster_centers_)
    tree = linkage(centres, method="ward")
    highest = min(MAX_GROUPS, len(centres) - 1)
    candidates = [min(max(wanted, 1), len(centres))] if wanted else list(range(min(MIN_GROUPS, highest), highest + 1))
    best: tuple[float, np.ndarray] | None = None
    for k in candidates:
        labels = fcluster(tree, t=k, criterion="maxclust")[micro]
        score = _silhouette(points, labels)
        if best is None or score > best[0] + 1e-9:
            best = (score, labels)
    assert best is not None
    return best[1], round(best[0], 3)


def _silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    if not 2 <= len(set(labels.tolist())) < len(points):
        return -1.0
    sample = SILHOUETTE_SAMPLE if len(points) > SILHOUETTE_SAMPLE else None
    return float(silhouette_score(points, labels, metric="cosine", sample_size=sample, random_state=SEED))


def _describe(keys: Sequence[Hashable], labels: np.ndarray, matrix: Any, features: Sequence[str],
              analyser: Analyser) -> tuple[Group, ...]:
    csr = matrix  # a sparse matrix whose rows are unit-length TF-IDF vectors
    overall = np.asarray(csr.mean(axis=0)).ravel()
    clusters = sorted(set(labels.tolist()))
    centres = {c: np.asarray(csr[labels == c].mean(axis=0)).ravel() for c in clusters}
    closeness = {c: np.asarray(csr @ (centres[c] / (np.linalg.norm(centres[c]) or 1.0))).ravel() for c in clusters}
    own = np.array([closeness[label][i] for i, label in enumerate(labels.tolist())])  # each to its own group
    groups = []
    for c in clusters:
        telling = _telling_terms(centres[c], overall, features, analyser)
        rows = np.flatnonzero(labels == c)
        members = _members(keys, rows, closeness[c], csr, features, telling, analyser)
        others = np.flatnonzero(labels != c)
        near = others[closeness[c][others] >= np.maximum(SECONDARY_FLOOR, SECONDARY_SHARE * own[others])]
        also = _members(keys, near, closeness[c], csr, features, telling, analyser)
        groups.append(Group(members, also, tuple(analyser.label(t) for t in telling[:LABEL_TERMS]), members[0].key))
    _limit_secondary(groups)
    return tuple(sorted(groups, key=lambda g: (-len(g.members), str(g.central))))


def _telling_terms(centre: np.ndarray, overall: np.ndarray, features: Sequence[str],
                   analyser: Analyser) -> list[str]:
    """Terms frequent here and rarer elsewhere, most telling first (one per label a reader sees)."""
    lift = centre * np.log1p(centre / np.maximum(overall, 1e-9))
    present = (int(i) for i in np.flatnonzero(centre > 0))
    order = sorted(present, key=lambda i: (-lift[i], features[i]))[:2 * LABEL_TERMS]
    chosen: dict[str, str] = {}
    for i in order:
        chosen.setdefault(analyser.label(features[i]), features[i])
    return list(chosen.values())


def _members(keys: Sequence[Hashable], rows: np.ndarray, closeness: np.ndarray, csr: Any,
             features: Sequence[str], telling: list[str], analyser: Analyser) -> tuple[Member, ...]:
    members = []
    indptr, indices = csr.indptr, csr.indices
    for i in rows:
        used = {features[int(j)] for j in indices[indptr[i]:indptr[i + 1]]}
        shared = tuple(analyser.label(t) for t in telling if t in used)
        members.append(Member(keys[i], round(float(closeness[i]), 3), shared))
    return tuple(sorted(members, key=lambda m: (-m.closeness, str(m.key))))


def _limit_secondary(groups: list[Group]) -> None:
    """A text is suggested in at most `MAX_SECONDARY` other groups: those it is closest to."""
    offers: dict[Hashable, list[tuple[float, int]]] = {}
    for index, group in enumerate(groups):
        for member in group.also:
            offers.setdefault(member.key, []).append((-member.closeness, index))
    kept = {(key, index) for key, found in offers.items() for _, index in sorted(found)[:MAX_SECONDARY]}
    for index, group in enumerate(groups):
        also = tuple(m for m in group.also if (m.key, index) in kept)
        groups[index] = Group(group.members, also, group.terms, group.central)
