"""Settings: defaults, user file overrides, type and key validation."""

import pytest

from sourcetrace.errors import ConfigError
from sourcetrace.settings import Settings


def test_settings_defaults_load():
    assert Settings().get("fetch", "allow_private") is False


def test_settings_user_file_overrides_only_its_keys(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text("[fetch]\ntimeout = 3\n")
    settings = Settings.load(path)
    assert settings.get("fetch", "timeout") == 3 and settings.get("fetch", "max_redirects") == 5


def test_settings_keyword_overrides_win_over_file(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text("[fetch]\nallow_private = false\n")
    assert Settings.load(path, fetch={"allow_private": True}).get("fetch", "allow_private") is True


@pytest.mark.parametrize(
    "overrides",
    [{"nosuch": {"x": 1}}, {"fetch": {"nosuch": 1}}, {"fetch": {"timeout": "slow"}}, {"fetch": {"allow_private": 1}}],
)
def test_settings_rejects_unknown_or_mistyped(overrides):
    with pytest.raises(ConfigError):
        Settings().with_overrides(overrides)


def test_settings_bad_file_is_config_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[fetch\n")
    with pytest.raises(ConfigError):
        Settings.load(path)
