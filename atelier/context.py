"""What every page needs, built once per server: settings, the service, the live hub, presets."""

from __future__ import annotations

from dataclasses import dataclass, field

from atelier.config import AppConfig
from atelier.live import LiveHub
from atelier.network import join_url
from atelier.presence import Presence
from atelier.presets import Preset
from atelier.rate_limits import RateLimits
from atelier.service import SessionService
from atelier.synthesis.session_index import SimilarContributions


@dataclass
class Atelier:
    config: AppConfig
    service: SessionService
    hub: LiveHub
    presets: dict[str, Preset]
    rates: RateLimits = field(default_factory=RateLimits)
    presence: Presence = field(default_factory=Presence)
    similar: SimilarContributions = field(default_factory=SimilarContributions)

    def join_url(self, code: str) -> str:
        return join_url(self.config.base_url, code)
