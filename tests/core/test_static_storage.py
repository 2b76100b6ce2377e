"""Hashed static names reach JavaScript module imports too."""

import re
import shutil
from pathlib import Path

from masthead.core.storage import StaticStorage

APPS = Path(__file__).resolve().parents[2] / "masthead"


def test_site_js_imports_the_hashed_pulse_module(tmp_path):
    (tmp_path / "masthead").mkdir()
    shutil.copy(APPS / "core/static/masthead/site.js", tmp_path / "masthead/site.js")
    shutil.copy(APPS / "live/static/masthead/pulse.js", tmp_path / "masthead/pulse.js")
    storage = StaticStorage(location=tmp_path, base_url="/static/")
    paths = {name: (storage, name) for name in ("masthead/site.js", "masthead/pulse.js")}
    for _name, _hashed, error in storage.post_process(paths):
        assert not isinstance(error, Exception), error

    hashed_site = storage.stored_name("masthead/site.js")
    hashed_pulse = storage.stored_name("masthead/pulse.js")
    assert re.fullmatch(r"masthead/pulse\.[0-9a-f]{12}\.js", hashed_pulse)
    source = (tmp_path / hashed_site).read_text()
    assert f'from "./{Path(hashed_pulse).name}"' in source
