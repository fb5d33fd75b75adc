"""Starts the frozen bundle's build as soon as the session knows a test will use it (see frozen_build)."""

from tests.packaging import frozen_build


def pytest_collection_finish(session):
    if (not session.config.option.collectonly and frozen_build.can_build()
            and any("built" in item.fixturenames for item in session.items)):
        frozen_build.start()


def pytest_sessionfinish(session):
    frozen_build.stop()
