"""Configuration: one TOML file into frozen dataclasses, validated key by key.

Every error names the key, the value found and what is allowed. Unknown keys are
errors: a typo must not silently fall back to a default. Relative paths are taken
relative to the directory of the configuration file.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import tomllib
import typing
from pathlib import Path
from typing import Any

from intake.config.sections import (
    Config,
    DatabaseConfig,
    IndexConfig,
    LimitsConfig,
    MailboxConfig,
    ReplyConfig,
    RetentionConfig,
    SmtpConfig,
    TimersConfig,
    WebConfig,
)
from intake.errors import ConfigError
from intake.reading.addresses import Address, parse_mailbox

_SECTIONS: dict[str, type] = {
    "mailbox": MailboxConfig,
    "smtp": SmtpConfig,
    "reply": ReplyConfig,
    "limits": LimitsConfig,
    "database": DatabaseConfig,
    "retention": RetentionConfig,
    "web": WebConfig,
    "index": IndexConfig,
    "timers": TimersConfig,
}


def load_config(path: Path | str) -> Config:
    """Read and validate the TOML file at ``path``; raise ConfigError naming the problem."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    return config_from_dict(document, base_dir=path.resolve().parent, source_file=path)


def config_from_dict(
    document: dict[str, Any], *, base_dir: Path, source_file: Path | None = None
) -> Config:
    """Build a Config from parsed TOML, resolving relative paths against ``base_dir``."""
    unknown = sorted(set(document) - set(_SECTIONS))
    if unknown:
        raise ConfigError(
            f"unknown section [{unknown[0]}]; expected one of: {', '.join(_SECTIONS)}"
        )
    sections: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        table = document.get(name, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{name} = {table!r}: expected a table [{name}]")
        sections[name] = _build_section(name, cls, table, base_dir)
    config = Config(**sections, source_file=source_file)
    if config.timers.close_after_days <= config.timers.remind_after_days:
        raise ConfigError(
            f"timers.close_after_days = {config.timers.close_after_days}: expected more than "
            f"timers.remind_after_days ({config.timers.remind_after_days})"
        )
    if config.index.api and not config.index.api.startswith(("https://", "http://")):
        raise ConfigError(f"index.api = {config.index.api!r}: expected an http(s) URL")
    _check_transport("mailbox", config.mailbox.kind, "imap", config.mailbox)
    _check_transport("smtp", config.smtp.kind, "smtp", config.smtp)
    return config


def _build_section(section: str, cls: type, table: dict[str, Any], base_dir: Path) -> Any:
    hints = typing.get_type_hints(cls)
    by_key = {f.metadata.get("key", f.name): f for f in dataclasses.fields(cls)}
    unknown = sorted(set(table) - set(by_key))
    if unknown:
        raise ConfigError(
            f"{section}.{unknown[0]}: unknown key; expected one of: {', '.join(by_key)}"
        )
    values: dict[str, Any] = {}
    for key, spec in by_key.items():
        if key not in table:
            if spec.metadata.get("required"):
                raise ConfigError(f"{section}.{key} is required")
            continue
        where = f"{section}.{key}"
        folder = _credentials_dir(base_dir) if spec.metadata.get("credential") else base_dir
        value = _convert(where, table[key], hints[spec.name], folder)
        _check_bounds(where, value, spec.metadata)
        values[spec.name] = value
    for spec in dataclasses.fields(cls):
        if spec.name not in values and isinstance(spec.default, Path):
            values[spec.name] = _resolve(spec.default, base_dir)
    return cls(**values)


def _credentials_dir(base_dir: Path) -> Path:
    found = os.environ.get("CREDENTIALS_DIRECTORY")
    return Path(found) if found else base_dir


def _convert(where: str, value: Any, hint: Any, base_dir: Path) -> Any:
    converters: dict[Any, tuple[Any, str]] = {
        str: (str, "a string"),
        int: (int, "a whole number"),
        float: ((int, float), "a number"),
        bool: (bool, "true or false"),
    }
    if hint in converters:
        accepted, expected = converters[hint]
        if isinstance(value, bool) and hint is not bool:
            raise ConfigError(f"{where} = {value!r}: expected {expected}")
        if not isinstance(value, accepted):
            raise ConfigError(f"{where} = {value!r}: expected {expected}")
        if isinstance(value, str) and any(ch in value for ch in "\r\n\0"):
            raise ConfigError(f"{where}: line breaks and NUL are not allowed")
        return float(value) if hint is float else value
    if hint in (Path, Path | None):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where} = {value!r}: expected a non-empty path string")
        return _resolve(Path(value), base_dir)
    if hint is Address:
        return _address(where, value)
    if hint == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{where} = {value!r}: expected a list of strings")
        return tuple(_convert(f"{where}[{i}]", item, str, base_dir) for i, item in enumerate(value))
    if hint == tuple[Address, ...]:
        if not isinstance(value, list):
            raise ConfigError(f"{where} = {value!r}: expected a list of addresses")
        return tuple(_address(f"{where}[{i}]", item) for i, item in enumerate(value))
    raise TypeError(f"no converter for {hint!r}")


def _address(where: str, value: Any) -> Address:
    address = parse_mailbox(value) if isinstance(value, str) else None
    if address is None:
        raise ConfigError(
            f"{where} = {value!r}: expected one email address, e.g. "
            '"Account Recovery <support@example.org>"'
        )
    return address


def _check_bounds(where: str, value: Any, metadata: Any) -> None:
    choices = metadata.get("choices")
    if choices and value not in choices:
        allowed = ", ".join(f'"{c}"' for c in choices)
        raise ConfigError(f"{where} = {value!r}: expected one of {allowed}")
    minimum = metadata.get("min")
    if minimum is not None and value < minimum:
        raise ConfigError(f"{where} = {value!r}: expected at least {minimum}")


def _resolve(path: Path, base_dir: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else base_dir / path


_CREDENTIALS = ("password", "password_file", "password_command", "oauth2_token_command")


def _check_transport(section: str, kind: str, network_kind: str, cfg: Any) -> None:
    if kind != network_kind:
        return
    given = [key for key in _CREDENTIALS if getattr(cfg, key, None)]
    if len(given) > 1:
        raise ConfigError(
            f"{section}: {', '.join(given)} are all set; expected only one way to log in"
        )
    if not cfg.host:
        raise ConfigError(f'{section}.host is required when {section}.kind = "{network_kind}"')
    if cfg.security == "none" and not is_loopback(cfg.host):
        raise ConfigError(
            f'{section}.security = "none": plaintext is allowed only towards a loopback '
            f'host, and {section}.host = {cfg.host!r} is not one; use "tls" or "starttls"'
        )


def is_loopback(host: str) -> bool:
    """Tell whether ``host`` names this machine (localhost or a loopback address)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def config_path_from(option: str | None) -> Path:
    """Pick the config file: the ``--config`` option, else ``$INTAKE_CONFIG``."""
    chosen = option or os.environ.get("INTAKE_CONFIG")
    if not chosen:
        raise ConfigError("no configuration: pass --config FILE or set INTAKE_CONFIG")
    return Path(chosen)
