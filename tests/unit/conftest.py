"""Fixtures for engine unit tests: a loopback OB 2.0 issuer started per test, a silent listener."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.ob2_issuer import LoopbackIssuer


@pytest.fixture
def issuer() -> Iterator[LoopbackIssuer]:
    loopback_issuer = LoopbackIssuer()
    yield loopback_issuer
    loopback_issuer.close()


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback port that records whether anyone connected."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.setblocking(False)
    yield server
    server.close()
