"""« Priorités votées »: the latest vote with points, ranked, as a table and a chart.

The ranking of the whole room is always given. Split by role, by commune, and « une commune, une
voix » come only when the facilitator asks for them (`vote_details`, see `restitution.py`): a
council may not want how each commune voted in a public document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from docx.document import Document

from atelier import texts
from atelier.domain.model import Participant
from atelier.domain.session import Session
from atelier.domain.vote_results import (
    NO_COMMUNE,
    Score,
    VoterGroup,
    commune_of,
    one_commune_one_voice,
    rank,
    ranked_totals,
    totals_by_commune,
    totals_by_role,
    voter_group,
)
from atelier.domain.votes import PriorityVote
from atelier.export.charts import vote_chart_png
from atelier.export.docx_writer import Writer
from atelier.export.french import french_decimal
from atelier.export.priorities import RankedLine, points, ranked_lines

CHART_MAX = 15  # bars; a longer ranking is in the table, the chart shows its head
RANKED_SHARES = (0.09, 0.5, 0.29, 0.12)  # rang, proposition, axe, points
PAPER_SHARES = (0.08, 0.46, 0.26, 0.1, 0.1)  # … and « dont papier »
COMMUNE_SHARES = (0.3, 0.58, 0.12)  # commune, proposition, points


def priorities(document: Document, session: Session) -> None:
    vote = session.votes.reported()
    if vote is None:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_PRIORITIES, 1)
    items = texts.TARGET_LABELS_PLURAL[vote.target]
    writer.paragraph(texts.DOC_VOTE_INTRO.format(
        items=items, budget=vote.budget, cap=vote.cap, voters=texts.count(vote.voters, texts.DOC_VOTERS_FORMS),
        points=points(sum(vote.totals().values()))))
    if vote.needs_code:
        writer.paragraph(texts.DOC_VOTE_WITH_CODES.format(
            used=texts.count(vote.codes_used, texts.DOC_BALLOTS_USED), count=len(vote.ballot_codes)))
    if vote.paper:
        writer.paragraph(texts.DOC_VOTE_PAPER.format(points=points(sum(vote.paper.values()))))
    if vote.is_open:
        writer.paragraph(texts.DOC_VOTE_PROVISIONAL)
    ranking = ranked_lines(session, ranked_totals(vote))
    supported = [line for line in ranking if line.score]
    _ranked_table(writer, vote, supported, str, paper=vote.paper)  # the items with points; the others in one line
    if len(supported) < len(ranking):
        writer.paragraph(texts.doc_without_points(len(ranking) - len(supported), vote.target))
    shown = supported[:CHART_MAX]
    caption = (texts.VOTE_CHART_CAPTION_TOP.format(count=CHART_MAX, items=items) if len(supported) > CHART_MAX
               else texts.VOTE_CHART_CAPTION.format(items=items))
    writer.picture(vote_chart_png([line.text for line in shown], [int(line.score) for line in shown]), caption)


def vote_details(document: Document, session: Session) -> None:
    """By role, by commune, « une commune, une voix »: sub-parts of « Priorités votées »."""
    vote = session.votes.reported()
    if vote is None:
        return
    writer = Writer(document)
    ranking = ranked_lines(session, ranked_totals(vote))
    _by_role(writer, vote, ranking, session.participants)
    _by_commune(writer, vote, ranking, session)
    _one_commune_one_voice(writer, vote, session)


def _ranked_table(writer: Writer, vote: PriorityVote, ranking: list[RankedLine],
                  score: Callable[[Score], str], score_header: str = texts.DOC_POINTS,
                  paper: dict[int, int] | None = None) -> None:
    """Rank, proposition, axe, points; with paper points, « dont papier » beside the points."""
    headers = (texts.DOC_RANK, texts.TARGET_LABELS[vote.target], texts.DOC_AXIS_COLUMN, score_header)
    rows = [(line.rank, line.text, line.axis, score(line.score)) for line in ranking]
    if not paper:
        writer.table(headers, rows, RANKED_SHARES)
        return
    writer.table((*headers, texts.DOC_PAPER_COLUMN),
                 [(*row, paper.get(line.item_id, 0) or "") for row, line in zip(rows, ranking, strict=True)],
                 PAPER_SHARES)


def _by_role(writer: Writer, vote: PriorityVote, ranking: list[RankedLine],
             participants: dict[str, Participant]) -> None:
    """One column per group of voters who voted (élus, acteurs, autres), the proposals in overall order."""
    voters = Counter(voter_group(participants.get(pid)) for pid in vote.allocations)
    groups = [group for group in VoterGroup if voters[group]]
    totals = totals_by_role(vote, participants)
    writer.heading(texts.DOC_BY_ROLE_VOTES, 2)
    headers = (texts.TARGET_LABELS[vote.target],
               *(texts.DOC_ROLE_COLUMN.format(group=texts.VOTER_GROUP_LABELS[group],
                                              voters=texts.count(voters[group], texts.DOC_VOTERS_FORMS))
                 for group in groups),
               texts.DOC_TOTAL)
    share = 0.54 / (len(groups) + 1)
    writer.table(headers, [(line.text, *(totals[group][line.item_id] for group in groups), int(line.score))
                           for line in ranking], (0.46, *[share] * (len(groups) + 1)))


def _by_commune(writer: Writer, vote: PriorityVote, ranking: list[RankedLine], session: Session) -> None:
    """For each commune that voted (session order, then those without one), its proposals with points, ranked."""
    totals = totals_by_commune(vote, session.participants)
    voters = Counter(commune_of(session.participants.get(pid)) for pid in vote.allocations)
    order = [c for c in session.communes if c in totals] + [c for c in totals if c not in session.communes]
    order.sort(key=lambda commune: commune == NO_COMMUNE)  # stable: without a commune goes last
    texts_by_id = {line.item_id: line.text for line in ranking}
    rows = []
    for commune in order:
        label = texts.DOC_COMMUNE_VOTERS.format(commune=commune or texts.DOC_NO_COMMUNE,
                                                voters=texts.count(voters[commune], texts.DOC_VOTERS_FORMS))
        rows += [(label, texts_by_id[item.item_id], int(item.score)) for item in rank(totals[commune]) if item.score]
    writer.heading(texts.DOC_BY_COMMUNE_VOTES, 2)
    writer.table((texts.DOC_COMMUNE_COLUMN, texts.TARGET_LABELS[vote.target], texts.DOC_POINTS), rows,
                 COMMUNE_SHARES)


def _one_commune_one_voice(writer: Writer, vote: PriorityVote, session: Session) -> None:
    voice = one_commune_one_voice(vote, session.participants)
    if not voice.communes:
        return  # only participants without a commune voted: there is no commune's voice to weigh
    writer.heading(texts.DOC_ONE_VOICE, 2)
    writer.paragraph(texts.DOC_ONE_VOICE_INTRO.format(
        communes=texts.count(voice.communes, texts.DOC_ONE_VOICE_COMMUNES)))
    _ranked_table(writer, vote, ranked_lines(session, voice.ranked()), lambda score: french_decimal(float(score)),
                  texts.DOC_VOICES)
    apart = sum(voice.without_commune.values())
    if apart:
        writer.paragraph(texts.DOC_ONE_VOICE_WITHOUT.format(points=points(apart)))
