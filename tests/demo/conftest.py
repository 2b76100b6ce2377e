"""A small demo newsroom, built once for a class of tests and rolled back after it."""

import pytest
from django.db import connection, transaction
from django.test import override_settings

from masthead.demo.build import build_demo

SMALL_DEMO = 30
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="class")
def small_demo(django_db_setup, django_db_blocker):
    """`build_demo(articles=30)`, shared by a test class: building takes a few seconds, so
    it happens once, and all of it is rolled back after the class's last test. Tests
    that write run in their own savepoint inside (mark them django_db)."""
    name = str(connection.settings_dict["NAME"])
    assert name.startswith(("file:memorydb", "test_")), f"not a test database: {name}"
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        yield build_demo(articles=SMALL_DEMO)
        transaction.set_rollback(True)
