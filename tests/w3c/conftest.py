from __future__ import annotations

import pytest

from .support import W3CServer


@pytest.fixture(scope="module")
def w3c_server():
    """A writable policykg app over real HTTP on 127.0.0.1 (update token = conftest.TOKEN)."""
    srv = W3CServer()
    yield srv
    srv.stop()
