"""The container smoke test (scripts/container-smoke), run by .ci/run on a Linux machine as root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "container-smoke"
TIMEOUT_SECONDS = 1800  # the first run installs tools and builds the base image

pytestmark = [
    pytest.mark.container,
    pytest.mark.skipif(
        os.environ.get("ARTICLE_BOT_CONTAINER_TESTS") != "1",
        reason="set ARTICLE_BOT_CONTAINER_TESTS=1 to build and run the image",
    ),
    pytest.mark.skipif(
        not sys.platform.startswith("linux") or os.geteuid() != 0,
        reason="building and running the image needs Linux and root",
    ),
]


@pytest.mark.timeout(TIMEOUT_SECONDS + 60)
def test_container_smoke() -> None:
    """The image builds, runs as non-root, answers in the console and serves Telegram healthily."""
    # The stand-in Bot API runs on the host with this interpreter, which has the project installed.
    env = {**os.environ, "ARTICLE_BOT_PYTHON": sys.executable}
    result = subprocess.run(
        [str(SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    print(result.stdout)  # the PASS/FAIL lines and the image size, shown with pytest -s or -rP
    assert result.returncode == 0, result.stdout + result.stderr
