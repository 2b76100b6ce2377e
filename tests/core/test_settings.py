"""Settings come from environment variables with safe defaults; real engines when set."""

import importlib.util
import os
import uuid

import pytest
from django.core.cache import cache
from django.db import connection

import masthead.settings
from masthead.settings import env_bool, env_list

SETTINGS_VARIABLES = [
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "REDIS_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "TIME_ZONE",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "BEHIND_PROXY",
]


@pytest.fixture
def load_settings(monkeypatch, tmp_path):
    """Execute the settings module afresh with only the given variables set."""

    def load(**env):
        for name in SETTINGS_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("MASTHEAD_DATA_DIR", str(tmp_path / "data"))
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        spec = importlib.util.spec_from_file_location(
            f"settings_under_test_{uuid.uuid4().hex}", masthead.settings.__file__
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


class TestEnvBool:
    @pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " on "])
    def test_truthy(self, monkeypatch, value):
        monkeypatch.setenv("SOME_FLAG", value)
        assert env_bool("SOME_FLAG") is True

    @pytest.mark.parametrize("value", ["0", "false", "no", "off", "nonsense"])
    def test_falsy(self, monkeypatch, value):
        monkeypatch.setenv("SOME_FLAG", value)
        assert env_bool("SOME_FLAG", default=True) is False

    @pytest.mark.parametrize("value", [None, "", "   "])
    def test_unset_or_blank_gives_the_default(self, monkeypatch, value):
        if value is None:
            monkeypatch.delenv("SOME_FLAG", raising=False)
        else:
            monkeypatch.setenv("SOME_FLAG", value)
        assert env_bool("SOME_FLAG") is False
        assert env_bool("SOME_FLAG", default=True) is True


class TestEnvList:
    def test_comma_separated_and_trimmed(self, monkeypatch):
        monkeypatch.setenv("SOME_LIST", " news.example, www.news.example ,,")
        assert env_list("SOME_LIST", ["x"]) == ["news.example", "www.news.example"]

    def test_unset_or_empty_gives_the_default(self, monkeypatch):
        monkeypatch.delenv("SOME_LIST", raising=False)
        assert env_list("SOME_LIST", ["localhost"]) == ["localhost"]
        monkeypatch.setenv("SOME_LIST", "")
        assert env_list("SOME_LIST", ["localhost"]) == ["localhost"]


class TestDefaults:
    def test_sqlite_in_the_data_folder(self, load_settings, tmp_path):
        loaded = load_settings()
        database = loaded.DATABASES["default"]
        assert database["ENGINE"] == "django.db.backends.sqlite3"
        assert database["NAME"] == str((tmp_path / "data" / "masthead.sqlite3").resolve())

    def test_database_url_names_another_engine(self, load_settings):
        loaded = load_settings(DATABASE_URL="postgres://news:pw@db.example:5432/news")
        database = loaded.DATABASES["default"]
        assert database["ENGINE"] == "django.db.backends.postgresql"
        assert (database["HOST"], database["NAME"], database["USER"]) == (
            "db.example",
            "news",
            "news",
        )

    def test_debug_is_off_unless_set(self, load_settings):
        assert load_settings().DEBUG is False
        assert load_settings(DEBUG="").DEBUG is False
        assert load_settings(DEBUG="0").DEBUG is False
        assert load_settings(DEBUG="1").DEBUG is True

    def test_hashed_static_names_only_when_asked(self, load_settings):
        def static_backend(**env):
            return load_settings(**env).STORAGES["staticfiles"]["BACKEND"]

        assert static_backend().endswith(".StaticFilesStorage")
        assert static_backend(STATIC_MANIFEST="1") == "masthead.core.storage.StaticStorage"
        # Debugging serves files as they are, so edits show without a collectstatic run.
        assert static_backend(STATIC_MANIFEST="1", DEBUG="1").endswith(".StaticFilesStorage")

    def test_secret_key_is_generated_once_and_kept(self, load_settings, tmp_path):
        first = load_settings().SECRET_KEY
        key_file = tmp_path / "data" / "secret_key"
        assert len(first) >= 50
        assert key_file.read_text().strip() == first
        assert oct(key_file.stat().st_mode & 0o777) == "0o600"
        assert first == load_settings().SECRET_KEY
        assert load_settings(SECRET_KEY="from-the-environment").SECRET_KEY == (
            "from-the-environment"
        )

    def test_local_memory_cache_without_redis(self, load_settings):
        backend = load_settings().CACHES["default"]["BACKEND"]
        assert backend == "django.core.cache.backends.locmem.LocMemCache"

    def test_redis_cache_with_redis_url(self, load_settings):
        cache_settings = load_settings(REDIS_URL="redis://cache.example:6379/2").CACHES["default"]
        assert cache_settings["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert cache_settings["LOCATION"] == "redis://cache.example:6379/2"

    def test_hosts_time_zone_and_media(self, load_settings, tmp_path):
        loaded = load_settings()
        assert loaded.ALLOWED_HOSTS == ["localhost", "127.0.0.1", "[::1]"]
        assert loaded.TIME_ZONE == "UTC"
        assert loaded.USE_TZ is True
        assert str(loaded.MEDIA_ROOT) == str((tmp_path / "data" / "media").resolve())
        loaded = load_settings(
            ALLOWED_HOSTS="news.example,www.news.example",
            TIME_ZONE="Asia/Qatar",
            MEDIA_ROOT=str(tmp_path / "uploads"),
        )
        assert loaded.ALLOWED_HOSTS == ["news.example", "www.news.example"]
        assert loaded.TIME_ZONE == "Asia/Qatar"
        assert str(loaded.MEDIA_ROOT) == str(tmp_path / "uploads")

    def test_secure_headers(self, load_settings):
        loaded = load_settings()
        assert loaded.SECURE_CONTENT_TYPE_NOSNIFF is True
        assert loaded.SESSION_COOKIE_HTTPONLY is True
        assert loaded.SECURE_SSL_REDIRECT is False
        loaded = load_settings(SECURE_SSL_REDIRECT="1", SECURE_HSTS_SECONDS="3600")
        assert loaded.SECURE_SSL_REDIRECT is True
        assert loaded.SESSION_COOKIE_SECURE is True
        assert loaded.CSRF_COOKIE_SECURE is True
        assert loaded.SECURE_HSTS_SECONDS == 3600

    def test_tests_run_with_debug_off(self, settings):
        assert settings.DEBUG is False


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set")
def test_cache_is_shared_through_redis():
    """With REDIS_URL set, the cache lives in Redis: another client sees what we store."""
    import redis
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    key = f"probe-{uuid.uuid4().hex}"
    cache.set(key, {"headline": "Polls close"}, timeout=30)
    assert cache.get(key) == {"headline": "Polls close"}

    raw = redis.Redis.from_url(os.environ["REDIS_URL"])
    stored = list(raw.scan_iter(match=f"*{key}"))
    assert len(stored) == 1, "the value was not written to Redis"
    assert 0 < raw.ttl(stored[0]) <= 30

    assert cache.add(f"{key}-count", 0)
    assert cache.incr(f"{key}-count") == 1
    cache.delete_many([key, f"{key}-count"])
    assert cache.get(key) is None
    assert not raw.exists(stored[0])


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="DATABASE_URL is not a PostgreSQL URL",
)
def test_runs_on_postgresql(db):
    """DATABASE_URL is honoured, and the archive index Most Read and listings rely on exists."""
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "news_articlepage")
    assert "article_published_idx" in constraints
    assert constraints["article_published_idx"]["orders"] == ["DESC"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW TIME ZONE")
        assert cursor.fetchone()[0] == "UTC"
