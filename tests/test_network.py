"""The address in the QR code: the laptop's LAN address, never 127.0.0.1 or a container's bridge."""

from __future__ import annotations

import ifaddr
import pytest

from atelier import cli, network

WIFI = ("wlp2s0", "10.42.0.1")  # a Linux laptop's own hotspot
LOOPBACK = ("lo", "127.0.0.1")
DOCKER = ("docker0", "172.17.0.1")


def adapters(monkeypatch: pytest.MonkeyPatch, *interfaces: tuple[str, str | tuple]) -> None:
    """Pretend this machine has these (name, address) interfaces, in this order."""
    fake = [ifaddr.Adapter(name, name, [ifaddr.IP(address, 24, name)]) for name, address in interfaces]
    monkeypatch.setattr(ifaddr, "get_adapters", lambda: fake)


@pytest.mark.parametrize("wildcard", ["0.0.0.0", "::", ""])
def test_listening_everywhere_puts_the_lan_address_in_the_qr_code(monkeypatch, wildcard: str) -> None:
    adapters(monkeypatch, LOOPBACK, DOCKER, WIFI)
    assert network.public_base_url(wildcard, 8080) == "http://10.42.0.1:8080"


def test_loopback_is_never_chosen_while_a_lan_address_exists(monkeypatch) -> None:
    adapters(monkeypatch, LOOPBACK, ("lo0", "127.0.0.2"), ("eth0", "192.168.1.20"))
    assert network.lan_addresses() == ["192.168.1.20"]
    assert "127.0.0." not in network.public_base_url("0.0.0.0", 8080)


def test_public_url_overrides_every_detected_address(monkeypatch) -> None:
    adapters(monkeypatch, WIFI)
    assert network.public_base_url("0.0.0.0", 8080, "http://10.0.0.5:9000/") == "http://10.0.0.5:9000"
    assert network.join_url(network.public_base_url("127.0.0.1", 8080, "http://salle.local"), "ABCDEF") \
        == "http://salle.local/j/ABCDEF"


@pytest.mark.parametrize("virtual", [
    "docker0", "br-3f2a9c", "veth1a2b", "virbr0", "vmnet8", "vboxnet0", "tailscale0", "tun0", "utun3", "wg0",
    "ztly5abc", "Hyper-V Virtual Ethernet Adapter", "VirtualBox Host-Only Ethernet Adapter",
    "VMware Virtual Ethernet Adapter for VMnet8",
])
def test_virtual_and_vpn_interfaces_are_skipped(monkeypatch, virtual: str) -> None:
    adapters(monkeypatch, (virtual, "172.18.0.1"), WIFI)
    assert network.lan_addresses() == ["10.42.0.1"]


@pytest.mark.parametrize("hotspot", [
    ("Microsoft Wi-Fi Direct Virtual Adapter #2", "192.168.137.1"),  # Windows Mobile Hotspot
    ("bridge100", "192.168.2.1"),  # macOS Internet Sharing
    ("wlan0", "10.42.0.1"),  # Linux NetworkManager hotspot
])
def test_laptop_hotspots_are_kept(monkeypatch, hotspot: tuple[str, str]) -> None:
    adapters(monkeypatch, LOOPBACK, hotspot)
    assert network.public_base_url("0.0.0.0", 8080) == f"http://{hotspot[1]}:8080"


def test_private_addresses_come_before_public_ones(monkeypatch) -> None:
    adapters(monkeypatch, ("eth0", "81.56.10.2"), ("wlan0", "192.168.1.20"))
    assert network.lan_addresses() == ["192.168.1.20", "81.56.10.2"]


def test_link_local_and_ipv6_addresses_are_skipped(monkeypatch) -> None:
    adapters(monkeypatch, ("eth0", "169.254.10.20"), ("wlan0", ("fe80::1", 0, 3)))
    assert network.lan_addresses() == []


def test_without_any_network_it_falls_back_to_loopback_and_says_so(monkeypatch, capsys) -> None:
    adapters(monkeypatch, LOOPBACK, DOCKER)
    base = network.public_base_url("0.0.0.0", 8080)
    assert base == "http://127.0.0.1:8080"
    cli.print_urls(f"{base}/?token=t", [("CC du Val", network.join_url(base, "ABCDEF"))], base)
    assert "aucune adresse réseau trouvée" in capsys.readouterr().out
    cli.print_urls(f"{base}/?token=t", [], base, chosen=True)  # --public-url http://127.0.0.1:8080, on purpose
    assert "aucune adresse réseau trouvée" not in capsys.readouterr().out


def test_an_explicit_host_is_used_as_given(monkeypatch) -> None:
    adapters(monkeypatch, WIFI)
    assert network.public_base_url("192.168.1.5", 8080) == "http://192.168.1.5:8080"
    assert network.public_base_url("fe80::1", 8080) == "http://[fe80::1]:8080"
