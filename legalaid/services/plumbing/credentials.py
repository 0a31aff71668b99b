"""The office server's password, kept by the operating system's credential store (Windows
Credential Manager, the Secret Service on Linux, the macOS Keychain) through ``keyring`` —
never in the desktop's plain settings. Where no store exists, the password is asked at each
start instead of being written anywhere."""

from __future__ import annotations

import contextlib
import logging

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

SERVICE = "legalaid"


def _server_url(target: str) -> URL | None:
    if "://" not in target:
        return None  # a file on this computer: no password
    try:
        url = make_url(target)
    except ArgumentError:
        return None
    return url if url.get_backend_name() == "postgresql" else None


def _account(url: URL) -> str:
    # One entry per server login: the same user on another server has its own password.
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def without_password(target: str) -> str:
    """The target as the settings may keep it."""
    url = _server_url(target)
    if url is None or url.password is None:
        return target
    # URL.set treats None as "unchanged": build the URL again without the password.
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


def with_password(target: str, password: str) -> str:
    url = _server_url(target)
    if url is None:
        return target
    return url.set(password=password).render_as_string(hide_password=False)


def keep_password(target: str) -> tuple[str, bool]:
    """Put the target's password into the credential store; returns the target to remember
    (without it) and whether the store kept it (False: it will be asked at the next start)."""
    url = _server_url(target)
    if url is None or url.password is None:
        return target, False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _account(url), str(url.password))
    except KeyringError as exc:
        log.warning("no credential store to keep the server password (%s)", type(exc).__name__)
        return without_password(target), False
    return without_password(target), True


def stored_password(target: str) -> str | None:
    url = _server_url(target)
    if url is None:
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _account(url))
    except KeyringError:
        return None


def forget_password(target: str) -> None:
    """After the server refused the kept password (it was changed): ask again next time."""
    url = _server_url(target)
    if url is None:
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):  # nothing kept: fine
        keyring.delete_password(SERVICE, _account(url))


def complete(target: str) -> str:
    """The target with its password from the store when the settings kept it without one."""
    url = _server_url(target)
    if url is None or url.password is not None:
        return target
    password = stored_password(target)
    return with_password(target, password) if password is not None else target


def needs_password(target: str) -> bool:
    """A server target with no password given nor kept: the desktop asks for it."""
    url = _server_url(target)
    return url is not None and url.password is None and stored_password(target) is None
