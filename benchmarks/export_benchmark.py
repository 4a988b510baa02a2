"""How long the exports take for a big démarche: 5,000 contributions, 14 themes, 40 communes, 5 axes, a vote.

    python benchmarks/export_benchmark.py [--contributions N]

Not a test: it prints numbers. The snapshot line is the part that runs on the server's event loop
(copying the session); the exports themselves run on a worker thread. The server loads the exports'
libraries in a thread at start (`formats.warm_up`), so this does too, and prints how long that took;
`--cold` skips it: the first export then pays for them, as a fresh process does.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, date, datetime, timedelta

from atelier.domain import records
from atelier.domain.axes import Target, TargetKind
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import MAX_CONTRIBUTIONS_PER_PHASE, Session
from atelier.export.formats import ExportFormat, render, warm_up
from atelier.presets import DEFAULT_PRESET, load_presets
from benchmarks.machine import reference_ms

START = datetime(2026, 3, 14, 19, 0, tzinfo=UTC)
WORDS = ("transport", "crèche", "médecin", "isolement", "logement", "jeunes", "aînés", "numérique", "emploi",
         "bénévoles", "accès aux droits", "santé mentale", "mobilité", "aidants", "précarité", "le soir")


def big_session(contributions: int, seed: int = 4) -> Session:
    """Three quarters état des lieux (élus), one quarter témoignages (actors), a few hidden."""
    rng = random.Random(seed)
    themes = list(load_presets()[DEFAULT_PRESET].themes)
    communes = [f"Commune {n:02d}" for n in range(1, 41)]
    session = Session.create(code="BENCH5", territory="Communauté de communes du Banc d'Essai", communes=communes,
                             themes=themes, now=START)
    session.set_context(population="48 500", population_year="2024", history="Créée en 2017 par fusion.",
                        seat="Commune 01", author="Animation", analysis="Analyse.\n\nDeuxième paragraphe.",
                        now=START)
    phase_one = contributions * 3 // 4
    for phase, count, prefix in ((PhaseKey.ETAT_DES_LIEUX, phase_one, "elu"),
                                 (PhaseKey.TEMOIGNAGES, contributions - phase_one, "acteur")):
        session.set_phase_status(phase, PhaseStatus.OPEN, START)
        _post(session, rng, phase, count, prefix, themes, communes)
        session.set_phase_status(phase, PhaseStatus.CLOSED, START)
    _axes_and_vote(session, rng)
    return session


def _axes_and_vote(session: Session, rng: random.Random) -> None:
    """Five axes of 2 enjeux, 2 orientations and 6 pistes (3 sub-lines, a CTG fiche); one contribution in
    ten backs a piste; everyone spends 5 points on the pistes."""
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, START)
    board = session.axes
    pistes = []
    for a in range(1, 6):
        axis = board.add_axis(f"Axe stratégique numéro {a} : " + " ".join(rng.choices(WORDS, k=6)))
        for n in range(2):
            board.add_line(axis.id, "enjeux", f"Enjeu {n + 1} : " + " ".join(rng.choices(WORDS, k=8)))
            board.add_line(axis.id, "orientations", f"Orientation {n + 1} : " + " ".join(rng.choices(WORDS, k=8)))
        for n in range(6):
            piste = board.add_line(axis.id, "pistes", f"Piste {a}.{n + 1} : " + " ".join(rng.choices(WORDS, k=10)))
            board.set_piste_details(piste.id, [" ".join(rng.choices(WORDS, k=5)) for _ in range(3)])
            board.set_piste_plan(piste.id, pilots="CIAS, Mission Locale", deadline="2027", indicators="Nombre")
            pistes.append(piste.id)
        board.edit_axis(axis.id, concretely="la création d'un CIAS")
    for contribution in session.visible_contributions()[::10]:
        session.link_evidence(contribution.id, Target(TargetKind.PISTE, rng.choice(pistes)))
    session.open_vote("piste", now=START)
    for participant in session.participants:
        for piste in rng.sample(pistes, 5):
            session.set_points(participant, piste, 1)
    session.votes.close_current(START)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, START)


def _post(session: Session, rng: random.Random, phase: PhaseKey, count: int, prefix: str, themes: list[str],
          communes: list[str]) -> None:
    authors = [f"{prefix}-{n}" for n in range(count // MAX_CONTRIBUTIONS_PER_PHASE + 1)]
    for n, author in enumerate(authors):
        role = "elu" if prefix == "elu" else "acteur_local"
        session.register_participant(author, role=role, commune=communes[n % len(communes)],
                                     structure="" if role == "elu" else f"Structure {n}", now=START)
    kinds = ("difficulte", "ressource") if phase is PhaseKey.ETAT_DES_LIEUX else ("constat", "enjeu",
                                                                                   "preconisation")
    for n in range(count):
        kind = rng.choice(kinds)
        text = " ".join(rng.choices(WORDS, k=rng.randint(6, 30))).capitalize() + "."
        contribution = session.add_contribution(
            authors[n // MAX_CONTRIBUTIONS_PER_PHASE], kind=kind, text=text, theme=rng.choice(themes),
            risk=rng.choice(("faible", "modere", "eleve")) if kind == "difficulte" else None,
            now=START + timedelta(seconds=n))
        if n % 50 == 0:
            session.set_hidden(contribution.id, True, START)


def timed(label: str, action):
    began = time.perf_counter()
    result = action()
    print(f"{label:<28} {time.perf_counter() - began:7.2f} s", end="")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contributions", type=int, default=5000)
    parser.add_argument("--cold", action="store_true", help="no warm-up: the first export loads the libraries")
    args = parser.parse_args()
    session = big_session(args.contributions)
    print(f"{len(session.contributions)} contributions, {len(session.participants)} participants; "
          f"machine reference {reference_ms()} ms (benchmarks.load: lower is faster)")
    if not args.cold:
        timed("warm-up (server start)", warm_up)
        print()
    record = timed("snapshot (on the loop)", lambda: records.session_record(session))
    print()
    timed("snapshot → session (thread)", lambda: records.session_from_record(record))
    print()
    for fmt in ExportFormat:
        rendered = timed(f"export {fmt.value}", lambda f=fmt: render(session, f, today=date.today()))
        print(f"   {len(rendered.content) / 1024:8.0f} KiB")
    rendered = timed("export docx, votes detailed", lambda: render(session, ExportFormat.DOCX, today=date.today(),
                                                                   detailed_votes=True))
    print(f"   {len(rendered.content) / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
