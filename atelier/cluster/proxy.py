"""nginx in front of the workers: the configuration, written from one function so the example under
`deploy/` and the one `atelier cluster` runs cannot drift apart (a test compares them)."""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

NGINX_ACCOUNT = ("www-data", "nobody")  # what Debian's nginx runs its workers as, when started by root


def nginx_config(listen: str, workers: list[tuple[str, int]], *, runtime: Path | None = None,
                 user: str | None = None) -> str:
    """`workers`: (name, port) on 127.0.0.1. `runtime`: a folder for the pid, logs and buffers, for an
    nginx started by hand (`atelier cluster`); None for a system nginx's site file."""
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for _, port in workers)
    pinned = []
    for name, port in workers:
        backups = "\n".join(f"        server 127.0.0.1:{p} backup;" for n, p in workers if n != name)
        pinned.append(f"    upstream atelier_{name} {{\n        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n"
                      f"{backups}\n    }}")
    http = f"""    # A démarche's short URLs (/j/CODE typed by hand, /p/CODE, /f/CODE…) go by a hash of the code:
    # always the same worker while it lives, another one (the next on the ring) when it does not.
    map $uri $atelier_code {{
        "~^/[jpfJPF]/(?<code>[A-Za-z0-9]+)" $code;
        default $request_id;  # anything else (home page, health): any worker
    }}
    # Sent to a worker chosen by its name (/wN/…): it serves, rather than hand the démarche on again.
    map $uri $atelier_pinned {{
        "~^/(?<worker>w[0-9]+)/" $worker;
        default "";
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}

    upstream atelier_by_code {{
        hash $atelier_code consistent;
{servers}
    }}

    # A page built by worker N loads its files and opens its websocket under /wN/: it keeps talking to
    # the process that holds it. If N is down, another worker answers; the page finds it does not know
    # it, reloads, and is served again by the démarche's new worker.
{chr(10).join(pinned)}

    server {{
        listen {listen};
        client_max_body_size 50m;  # a démarche's JSON archive, imported from the home page
        proxy_http_version 1.1;
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header X-Atelier-Pinned $atelier_pinned;
        proxy_read_timeout 1h;  # a phone's websocket stays open the whole evening
        proxy_next_upstream error timeout;
        proxy_next_upstream_timeout 10s;

        location ~ ^/(?<worker>w[0-9]+)(?<rest>/.*)$ {{
            proxy_pass http://atelier_$worker$rest$is_args$args;
        }}
        location / {{
            proxy_pass http://atelier_by_code;
        }}
    }}"""
    if runtime is None:
        return f"# /etc/nginx/conf.d/atelier.conf — inside nginx's http {{ }} block.\n{http}\n"
    account = f"user {user};\n" if user else ""
    return f"""# Written by `atelier cluster`; started as nginx -p {runtime} -c nginx.conf.
{account}worker_processes 1;
pid {runtime}/nginx.pid;
error_log {runtime}/error.log warn;
events {{
    worker_connections 8192;
}}
http {{
    access_log off;
    client_body_temp_path {runtime}/tmp/body;
    proxy_temp_path {runtime}/tmp/proxy;
    fastcgi_temp_path {runtime}/tmp/fastcgi;
    uwsgi_temp_path {runtime}/tmp/uwsgi;
    scgi_temp_path {runtime}/tmp/scgi;
{http}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def prepare_runtime(runtime: Path) -> str | None:
    """nginx's buffers folder, writable by the account its workers run as when started by root (whose
    name is returned for the `user` directive)."""
    temp = runtime / "tmp"
    temp.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return None
    account = next((pwd.getpwnam(name) for name in NGINX_ACCOUNT if _exists(name)), None)
    if account is None:
        return None
    runtime.chmod(0o755)
    os.chown(temp, account.pw_uid, account.pw_gid)
    return account.pw_name


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
