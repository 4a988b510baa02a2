"""Automatic backups: written while a démarche is used (an hour apart, and at each phase change),
the newest kept, restorable from the service, the home page and `atelier restore`."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

from nicegui.testing import User

from atelier.cli import main
from atelier.domain.changes import AddContribution, RegisterParticipant, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.export.archive import session_from_archive
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from atelier.store.backups import Backups
from tests.conftest import TOKEN, Clock


async def started(tmp_path: Path, clock: Clock, keep: int = 48) -> tuple[SessionService, str]:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock, backups=Backups(tmp_path / "backups", keep))
    code = (await service.create_session(territory="CC du Val", communes=["Vernoux"], themes=["Mobilité"])).code
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    await service.apply(code, RegisterParticipant("alice", role="elu", commune="Vernoux"))
    return service, code


async def post(service: SessionService, code: str, text: str) -> None:
    await service.apply(code, AddContribution("alice", kind="difficulte", text=text, theme="Mobilité", risk="eleve"))
    await service.backups_written()


async def test_a_backup_at_the_first_change_then_an_hour_apart_and_at_each_phase_change(
        tmp_path: Path, clock: Clock) -> None:
    service, code = await started(tmp_path, clock)
    await post(service, code, "Pas de bus")
    first = service.backups.list(code)  # type: ignore[union-attr]
    assert len(first) == 1, "the phase opened: one backup"
    await post(service, code, "Pas de médecin")
    assert len(service.backups.list(code)) == 1, "minutes later: none more"  # type: ignore[union-attr]
    clock.now += timedelta(hours=1)
    await post(service, code, "Pas de crèche")
    assert len(service.backups.list(code)) == 2  # type: ignore[union-attr]
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED))
    await service.backups_written()
    newest = service.backups.list(code)  # type: ignore[union-attr]
    assert len(newest) == 3
    texts = sorted(c.text for c in session_from_archive(newest[0].path.read_bytes()).contributions.values())
    assert texts == ["Pas de bus", "Pas de crèche", "Pas de médecin"]
    assert stat.S_IMODE(os.stat(newest[0].path).st_mode) == 0o600, "participants' texts: for the owner only"
    service.close()


async def test_only_the_newest_backups_are_kept(tmp_path: Path, clock: Clock) -> None:
    service, code = await started(tmp_path, clock, keep=2)
    for hour in range(4):
        clock.now += timedelta(hours=1)
        await post(service, code, f"Difficulté {hour}")
    assert len(service.backups.list(code)) == 2  # type: ignore[union-attr]
    service.close()


async def test_restoring_a_backup_brings_the_demarche_back_and_keeps_what_it_replaced(
        tmp_path: Path, clock: Clock) -> None:
    service, code = await started(tmp_path, clock)
    clock.now += timedelta(hours=1)
    await post(service, code, "Pas de bus")
    backup = service.backups.latest(code)  # type: ignore[union-attr]
    clock.now += timedelta(minutes=5)
    await post(service, code, "Un texte effacé par erreur")
    restored = await service.restore_backup(code, backup)  # type: ignore[arg-type]
    assert [c.text for c in restored.contributions.values()] == ["Pas de bus"]
    assert service.get(code) is restored
    service.close()
    reloaded = SessionService(TinyDBSessionStore(tmp_path)).get(code)
    assert [c.text for c in reloaded.contributions.values()] == ["Pas de bus"], "on disk too"
    kept = Backups(tmp_path / "backups").latest(code)
    assert kept is not None and "Un texte effacé par erreur" in kept.path.read_text(encoding="utf-8")


async def test_atelier_restore_brings_back_a_damaged_demarche_from_the_command_line(
        tmp_path: Path, clock: Clock, capsys) -> None:  # type: ignore[no-untyped-def]
    service, code = await started(tmp_path, clock)
    clock.now += timedelta(hours=1)
    await post(service, code, "Pas de bus")
    service.close()
    (tmp_path / f"{code}.json").write_bytes(b"\0\0\0")  # a power cut on a bad disk
    assert main(["restore", code, "--list", "--data-dir", str(tmp_path)]) == 0
    assert f"{code}-" in capsys.readouterr().out
    assert main(["restore", code, "--at", "2001-01-01 00:00", "--data-dir", str(tmp_path)]) == 1
    assert "Aucune sauvegarde" in capsys.readouterr().err
    assert main(["restore", code, "--data-dir", str(tmp_path)]) == 0
    assert "est revenue à la sauvegarde du" in capsys.readouterr().out
    session = SessionService(TinyDBSessionStore(tmp_path)).get(code)
    assert [c.text for c in session.contributions.values()] == ["Pas de bus"]
    assert list((tmp_path / "quarantine").glob(f"{code}-*.json")), "the damaged file was set aside, not overwritten"


async def test_the_home_page_offers_the_last_backup_of_a_demarche_it_could_not_read(
        data_dir: Path, clock: Clock, create_user) -> None:  # type: ignore[no-untyped-def]
    service, code = await started(data_dir, clock)
    await post(service, code, "Pas de bus")
    service.close()
    (data_dir / f"{code}.json").write_text("{", encoding="utf-8")
    user: User = create_user()
    await user.open(f"/?token={TOKEN}")
    await user.should_see(f"La démarche {code} n'a pas pu être lue")
    await user.should_see("Dernière sauvegarde :")
    user.find(marker=f"restore-{code}").click()
    await user.should_see(marker=f"session-{code}", retries=30)
    await user.should_not_see(marker=f"unreadable-{code}")


async def test_a_demarche_deleted_from_the_home_page_leaves_nothing_behind(
        data_dir: Path, clock: Clock, create_user) -> None:  # type: ignore[no-untyped-def]
    service, code = await started(data_dir, clock)
    await post(service, code, "Pas de bus")
    service.close()
    user: User = create_user()
    await user.open(f"/?token={TOKEN}")
    user.find(marker=f"delete-{code}").click()
    await user.should_see("Supprimer définitivement la démarche « CC du Val »")
    user.find(marker="delete-confirm").click()
    await user.should_not_see(marker=f"session-{code}", retries=30)
    assert not list(data_dir.glob(f"{code}*")), "no snapshot, no journal"
    assert not (data_dir / "backups" / code).exists(), "no backup"


async def test_session_files_and_journals_are_for_their_owner_only(tmp_path: Path, clock: Clock) -> None:
    service, code = await started(tmp_path, clock)
    await post(service, code, "Pas de bus")
    service.close()
    for path in (tmp_path / f"{code}.json", tmp_path / f"{code}.journal"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path.name
