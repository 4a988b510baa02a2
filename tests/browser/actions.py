"""What people do in the room, as a browser does it: click on what they read (texts from `atelier.texts`)."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import zxingcpp
from PIL import Image
from playwright.sync_api import FloatRect, Locator, Page, expect

from atelier import texts
from atelier.domain.model import ContributionKind, PhaseKey, Risk, Role

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


# --- Facilitator --------------------------------------------------------------------------------
def create_session(console: Page, *, territory: str, communes: list[str], themes: list[str]) -> str:
    """Fill the home page's form; return the new démarche's code, read from the console's address."""
    console.get_by_label(texts.HOME_TERRITORY).fill(territory)
    console.get_by_label(texts.HOME_COMMUNES).fill("\n".join(communes))
    console.get_by_label(texts.HOME_THEMES).fill("\n".join(themes))
    console.get_by_role("button", name=texts.HOME_CREATE).click()
    console.wait_for_url(re.compile(r"/f/[A-Z0-9]{6}$"))
    return console.url.rsplit("/", 1)[1]


def phase_button(console: Page, phase: PhaseKey, action: str) -> Locator:
    """« Ouvrir », « Fermer » or « Rouvrir » on the line of one phase."""
    line = console.locator(".nicegui-row").filter(has_text=f"{texts.PHASE_LABELS[phase]} — ")
    return line.get_by_role("button", name=action, exact=True)


def open_step(console: Page, step: str) -> None:
    """A tab of the console (« Préparation », « Document »…), by its key in `texts.CONSOLE_STEP_LABELS`."""
    console.get_by_role("tab", name=texts.CONSOLE_STEP_LABELS[step], exact=True).click()


def close_phase(console: Page, phase: PhaseKey) -> None:
    """« Clore », then the confirmation."""
    phase_button(console, phase, texts.CONSOLE_CLOSE_PHASE).click()
    console.get_by_role("dialog").get_by_role("button", name=texts.CONSOLE_CLOSE_PHASE).click()
    expect(phase_button(console, phase, texts.CONSOLE_REOPEN_PHASE)).to_be_visible()


def console_row(console: Page, text: str) -> Locator:
    """The moderation card of one contribution in the console's list."""
    return console.locator(".console-row").filter(has=console.get_by_text(text, exact=True))


def hide(console: Page, text: str) -> None:
    row = console_row(console, text)
    row.get_by_role("button", name=texts.CONSOLE_HIDE).click()
    expect(row.get_by_role("button", name=texts.CONSOLE_RESTORE)).to_be_visible()


# --- Phone --------------------------------------------------------------------------------------
def choose(page: Page, label: str, option: str) -> None:
    """Pick in a Quasar select: tap the field, then the option in its menu (a dialog on a phone)."""
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(page.get_by_role("option", name=option, exact=True)).to_have_count(0)


def join(phone: Page, url: str, *, role: Role, commune: str | None, name: str = "", structure: str = "") -> None:
    """Open the scanned address and introduce yourself; `commune=None` is « Tout le territoire »."""
    phone.goto(url)
    phone.get_by_role("radio", name=texts.ROLE_LABELS[role], exact=True).click()
    choose(phone, texts.PHONE_COMMUNE, commune or texts.WHOLE_TERRITORY)
    if structure:
        phone.get_by_label(texts.PHONE_STRUCTURE).fill(structure)
    if name:
        phone.get_by_label(texts.PHONE_NAME).fill(name)
    phone.get_by_role("button", name=texts.PHONE_START).click()
    expect(phone.get_by_role("button", name=texts.PHONE_SEND)).to_be_visible()


def text_field(phone: Page, kind: ContributionKind = ContributionKind.DIFFICULTY) -> Locator:
    return phone.get_by_label(texts.PHONE_TEXT_LABEL[kind.value])


def post(phone: Page, text: str, *, theme: str, kind: ContributionKind = ContributionKind.DIFFICULTY,
         risk: Risk = Risk.HIGH, structure: str = "") -> None:
    """Write and send one contribution; return once the phone lists it under « Mes contributions »."""
    phone.get_by_role("button", name=texts.KIND_LABELS[kind], exact=True).click()
    text_field(phone, kind).fill(text)
    choose(phone, texts.PHONE_THEME, theme)
    if kind is ContributionKind.DIFFICULTY:
        phone.get_by_role("radio", name=texts.RISK_LABELS[risk], exact=True).click()
    if structure:
        phone.get_by_label(texts.PHONE_RESOURCE_STRUCTURE).fill(structure)
    phone.get_by_role("button", name=texts.PHONE_SEND).click()
    # Under « Mes contributions »: the same words may also be in « Déjà signalé ? » for a moment.
    expect(phone.locator(".my-contributions").get_by_text(text, exact=True)).to_be_visible()
    expect(text_field(phone, kind)).to_have_value("")


def go_offline(phone: Page) -> float:
    """Cut the phone's network (Wi-Fi lost, phone locked) and wait until its page has noticed.

    Returns the moment it happened. Some Chromium versions keep open websockets alive under offline
    emulation, unlike a real phone: the page's socket is then closed by hand.
    """
    phone.context.set_offline(True)
    phone.evaluate("window.socket.connected && window.socket.io.engine.close()")
    phone.wait_for_function("!window.socket.connected")
    return time.monotonic()


# --- Screens and paper --------------------------------------------------------------------------
def decode_qr(picture: bytes | Image.Image) -> list[str]:
    """What a phone's camera would read: every QR code zxing-cpp finds in the picture (PNG bytes or image)."""
    image = Image.open(io.BytesIO(picture)) if isinstance(picture, bytes) else picture
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def save_artifact(page: Page, name: str, *, full_page: bool = False, clip: FloatRect | None = None) -> Path:
    """A screenshot under test-artifacts/, for people to look at (and for docs/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=full_page, clip=clip)
    return path


def between(top: Locator, bottom: Locator, margin: float = 24) -> FloatRect:
    """The part of the screen from `top`'s top left to just under `bottom`, as wide as `top`."""
    first, last = top.bounding_box(), bottom.bounding_box()
    assert first is not None and last is not None, "both must be on screen"
    return {"x": first["x"], "y": first["y"], "width": first["width"],
            "height": last["y"] + last["height"] + margin - first["y"]}


# --- Témoignages, axes, vote, the document -----------------------------------------------------
def add_structure(console: Page, name: str) -> None:
    """« Structures qui témoignent »: type the name, « Ajouter », and wait for its line in the list."""
    card = console.locator(".q-card").filter(has=console.get_by_role("heading", name=texts.WITNESSES_HEADING))
    card.get_by_label(texts.WITNESSES_NAME).fill(name)
    card.get_by_role("button", name=texts.WITNESSES_ADD, exact=True).click()
    expect(witness_line(console, name)).to_be_visible()


def witness_line(console: Page, name: str) -> Locator:
    return console.locator(".nicegui-row").filter(has=console.get_by_text(name, exact=True)) \
        .filter(has=console.get_by_role("button", name=texts.WITNESSES_EDIT))


def add_axis_line(axes: Page, section: str, text: str) -> None:
    """Type a line under « Les enjeux », « Les orientations » or « Pistes d'actions » of the (only) axe."""
    block = axes.locator(".axis-section").filter(has=axes.get_by_text(texts.AXIS_SECTION_LABELS[section], exact=True))
    field = block.get_by_label(texts.AXES_NEW_LINE)
    field.fill(text)
    block.get_by_role("button", name=texts.AXES_ADD_LINE, exact=True).click()
    expect(field).to_have_value("")
    expect(block.locator("input").and_(axes.locator(f'[value="{text}"]'))).to_have_count(1)


def add_piste(axes: Page, text: str) -> None:
    """Type a piste under the (only) orientation of the (only) axe, in the field below it."""
    block = axes.locator(".orientation-pistes").first
    field = block.get_by_label(texts.AXES_NEW_PISTE)
    field.fill(text)
    block.get_by_role("button", name=texts.AXES_ADD_LINE, exact=True).click()
    expect(field).to_have_value("")
    expect(block.locator("input").and_(axes.locator(f'[value="{text}"]'))).to_have_count(1)


def ballot_item(phone: Page, text: str) -> Locator:
    return phone.locator(".ballot-item").filter(has=phone.get_by_text(text, exact=True))


def give_points(phone: Page, text: str, points: int) -> None:
    """Tap + as many times as `points`, waiting each time for the phone to show the new count."""
    item = ballot_item(phone, text)
    start = int(item.get_by_text(re.compile(r"^\d+ points?$")).inner_text().split()[0])
    for total in range(start + 1, start + points + 1):
        item.get_by_role("button", name=texts.PHONE_ADD_POINT).click()
        expect(item.get_by_text(texts.count(total, texts.POINTS), exact=True)).to_be_visible()
