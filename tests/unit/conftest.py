"""Fixtures for engine unit tests: a loopback OB 2.0 issuer started per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ob2_issuer import LoopbackIssuer


@pytest.fixture
def issuer() -> Iterator[LoopbackIssuer]:
    loopback_issuer = LoopbackIssuer()
    yield loopback_issuer
    loopback_issuer.close()
