"""Which address phones can reach: the QR code must never point at 127.0.0.1 in a real hall."""

from __future__ import annotations

import ipaddress

import ifaddr

WILDCARDS = {"0.0.0.0", "::", ""}
# Virtual bridges of containers and VMs, and VPN tunnels, are reachable from this laptop only, not from
# phones. Names as ifaddr gives them: interface names on Linux and macOS, descriptions on Windows (where
# the Mobile Hotspot itself is a « Microsoft Wi-Fi Direct Virtual Adapter »: « virtual » alone proves
# nothing). Loopback needs no name: its addresses are skipped below.
VIRTUAL_PREFIXES = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tailscale", "tun", "utun", "wg", "zt",
                    "hyper-v", "virtualbox", "vmware")


def lan_addresses() -> list[str]:
    """IPv4 addresses of this machine's real interfaces, private (hotspot, box) ones first."""
    found: list[ipaddress.IPv4Address] = []
    for adapter in ifaddr.get_adapters():
        if adapter.nice_name.lower().startswith(VIRTUAL_PREFIXES):
            continue
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6 entries are tuples
            address = ipaddress.IPv4Address(ip.ip)
            if not (address.is_loopback or address.is_link_local):
                found.append(address)
    found.sort(key=lambda a: not a.is_private)
    return [str(a) for a in found]


def public_base_url(host: str, port: int, public_url: str | None = None) -> str:
    """The base URL printed and put in QR codes."""
    if public_url:
        return public_url.rstrip("/")
    if host in WILDCARDS:
        addresses = lan_addresses()
        host = addresses[0] if addresses else "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def join_url(base_url: str, code: str) -> str:
    return f"{base_url}/j/{code}"
