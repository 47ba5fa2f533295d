"""Configuration: the shipped default, a user TOML file over it, CLI flags last.

Pydantic lives here, at the edge; the rest of the code gets plain values.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crosswire.errors import ConfigError


class PipelineSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stages: list[str]
    batch_size: int = Field(default=32, ge=1)
    # "dask" spreads document-stage batches over worker processes; the driver
    # stays the single writer to the store.
    executor: Literal["local", "dask"] = "local"
    workers: int = Field(default=0, ge=0)  # 0: one per CPU core


class StoreSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    backend: Literal["duckdb", "postgres"] = "duckdb"
    path: str = ""  # a file for duckdb, a conninfo string for postgres


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pipeline: PipelineSettings
    store: StoreSettings = StoreSettings()
    stages: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def options_for(self, stage_name: str) -> dict[str, Any]:
        return dict(self.stages.get(stage_name, {}))


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def default_config_dict() -> dict[str, Any]:
    text = resources.files("crosswire").joinpath("default_config.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_settings(
    user_file: Path | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Build settings from the default, an optional user file and overrides.

    ``overrides`` uses dotted keys, as CLI flags do: {"store.path": "x.duckdb"}.
    """

    data = default_config_dict()
    if user_file is not None:
        try:
            data = _merge(data, tomllib.loads(user_file.read_text("utf-8")))
        except FileNotFoundError as exc:
            raise ConfigError(f"config file not found: {user_file}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {user_file} is not valid TOML: {exc}") from exc
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        node = data
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid configuration at {where}: {first['msg']}") from exc
