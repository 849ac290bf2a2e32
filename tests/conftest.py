"""Shared fixtures: a real, migrated SQLite database in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.config import Config
from sqlalchemy.engine import Engine
from sqlmodel import Session

from alembic import command
from wallet_app import db

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


def migrate(database_url: str) -> None:
    """Apply the project's alembic migrations, exactly as set-up does."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", database_url)
        command.upgrade(config, "head")


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'wallet.db'}"
    migrate(url)
    monkeypatch.setenv("DATABASE_URL", url)
    db.get_engine.cache_clear()
    yield url
    db.get_engine.cache_clear()


@pytest.fixture
def engine(database_url: str) -> Engine:
    return db.get_engine()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as db_session:
        yield db_session
        db_session.commit()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last: they build the app (slow), and fast failures should show first."""
    items.sort(key=lambda item: "/tests/e2e/" in str(item.path))
