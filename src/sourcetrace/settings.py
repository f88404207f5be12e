"""Settings: one frozen object built once from data/defaults.toml, a user file and CLI overrides."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import ConfigError


def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("sourcetrace").joinpath("data/defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable value, by section: `settings.get("fetch", "timeout")`."""

    values: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _freeze(_defaults()))

    def get(self, section: str, key: str) -> Any:
        try:
            return self.values[section][key]
        except KeyError:
            raise ConfigError(f"unknown setting {section}.{key}") from None

    def with_overrides(self, overrides: Mapping[str, Mapping[str, Any]]) -> Settings:
        """A new Settings with `overrides` applied; unknown sections/keys or wrong types raise ConfigError."""
        merged = {s: dict(v) for s, v in self.values.items()}
        for section, keys in overrides.items():
            if section not in merged:
                raise ConfigError(f"unknown settings section [{section}]; known: {', '.join(sorted(merged))}")
            for key, value in keys.items():
                if key not in merged[section]:
                    raise ConfigError(f"unknown setting {section}.{key}; known: {', '.join(sorted(merged[section]))}")
                old = merged[section][key]
                if isinstance(old, bool) != isinstance(value, bool) or (
                    not isinstance(value, type(old)) and not (isinstance(old, float) and isinstance(value, int))
                ):
                    raise ConfigError(
                        f"setting {section}.{key} must be {type(old).__name__}, got {value!r}"
                    )
                merged[section][key] = value
        return Settings(_freeze(merged))

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Mapping[str, Any]) -> Settings:
        """Defaults, then the TOML file at `path` (if any), then keyword overrides by section."""
        settings = cls()
        if path is not None:
            try:
                user = tomllib.loads(Path(path).read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read settings file {path}: {exc}") from None
            settings = settings.with_overrides(user)
        if overrides:
            settings = settings.with_overrides(overrides)
        return settings


def _freeze(values: Mapping[str, Mapping[str, Any]]) -> Mapping[str, Mapping[str, Any]]:
    return MappingProxyType({k: MappingProxyType(dict(v)) for k, v in values.items()})
