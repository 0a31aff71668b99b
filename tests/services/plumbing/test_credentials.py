"""The server password is kept by the operating system's credential store, never in the
desktop's settings; with no store it is asked at start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from legalaid.services.plumbing import credentials

SERVER = "postgresql+psycopg://legalaid:S3cret%40pw@db.office.local:5433/legalaid"


class MemoryStore(KeyringBackend):
    """Stands in for Windows Credential Manager or the Secret Service (not on a CI machine)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def store() -> Iterator[MemoryStore]:
    previous = keyring.get_keyring()
    memory = MemoryStore()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def no_store() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_the_password_goes_to_the_store_and_the_settings_keep_none(store: MemoryStore) -> None:
    kept, stored = credentials.keep_password(SERVER)
    assert stored
    assert "S3cret" not in kept and kept.endswith("legalaid@db.office.local:5433/legalaid")
    assert store.entries == {("legalaid", "legalaid@db.office.local:5433/legalaid"): "S3cret@pw"}
    assert not credentials.needs_password(kept)
    assert credentials.complete(kept) == SERVER  # the @ in the password escaped again
    credentials.forget_password(kept)
    assert credentials.needs_password(kept) and credentials.complete(kept) == kept
    credentials.forget_password(kept)  # forgetting twice is harmless


def test_without_a_store_the_password_is_asked_not_written(no_store: None) -> None:
    kept, stored = credentials.keep_password(SERVER)
    assert not stored and "S3cret" not in kept
    assert credentials.needs_password(kept)
    assert credentials.with_password(kept, "S3cret@pw") == SERVER


def test_files_and_urls_without_a_password_are_left_alone(store: MemoryStore) -> None:
    for target in ("C:/legalaid/legalaid.sqlite3", "sqlite:////tmp/x.sqlite3", "/tmp/x.sqlite3"):
        assert credentials.keep_password(target) == (target, False)
        assert not credentials.needs_password(target) and credentials.complete(target) == target
    assert store.entries == {}


def test_the_desktop_settings_never_hold_the_password(store: MemoryStore, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from legalaid.ui.shell.application import remember_target, remembered_target

    ini = tmp_path / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    remember_target(settings, SERVER)
    settings.sync()
    assert "S3cret" not in ini.read_text(encoding="utf-8")
    remembered = remembered_target(settings)
    assert remembered is not None and "S3cret" not in remembered
    assert credentials.complete(remembered) == SERVER  # completed from the store at start
    # A password an earlier release wrote in plain settings moves into the store.
    store.entries.clear()
    settings.setValue("database/target", SERVER)
    assert credentials.complete(remembered_target(settings) or "") == SERVER
    settings.sync()
    assert "S3cret" not in ini.read_text(encoding="utf-8")
    assert store.entries
