"""QR codes as SVG text (no Pillow needed); pages size them with CSS."""

from __future__ import annotations

import io
import re

import qrcode
import qrcode.image.svg

_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')


def qr_svg(data: str) -> str:
    """A square SVG that fills its container, dark modules on a white quiet zone."""
    # Medium error correction: still scans from the back of a hall with a smudged projector.
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4,
                         image_factory=qrcode.image.svg.SvgPathFillImage)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg"):]
    # The element around it carries the image role and its French name; the drawing itself is hidden from
    # screen readers, or they would meet an image without a name.
    return _SIZE.sub('<svg width="100%" height="100%" shape-rendering="crispEdges" aria-hidden="true"', svg, count=1)
