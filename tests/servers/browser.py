"""A real browser for the desk: Debian's ``chromium-headless-shell`` driven by Playwright.

The browser is the one apt installs (``make servers``); Playwright never downloads one.
Without it the tests that need it are skipped, or fail when ``INTAKE_REQUIRE_SERVERS=1``
(CI). One browser per test module: the sync API keeps an asyncio loop marked as running
in this thread while it is open, which would break ``asyncio.run`` in later modules.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.servers import missing_server

CHROMIUM = Path("/usr/lib/chromium/chromium-headless-shell")
# No network on the test machine, and CI runs as root (no user namespace sandbox).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000  # a desk page is local: fail in seconds, not Playwright's 30

NewContext = Callable[..., BrowserContext]


def require_chromium() -> None:
    """Skip the test when the browser is not installed; fail instead when CI requires it."""
    if os.access(CHROMIUM, os.X_OK):
        return
    reason = f"{CHROMIUM} is missing: apt-get install chromium-headless-shell (or: make servers)"
    missing_server(reason)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the module's tests; each test opens its own contexts."""
    require_chromium()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def open_context(chromium: Browser) -> Iterator[NewContext]:
    """Open browser contexts (a fresh profile each: own cookies), closed when the test ends.

    Keyword arguments go to ``Browser.new_context``, e.g. ``java_script_enabled=False``.
    """
    opened: list[BrowserContext] = []

    def open_context(**options: Any) -> BrowserContext:
        context = chromium.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()
