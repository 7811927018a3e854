"""Configuration: the TOML file, validated into frozen sections, plus secrets and TLS trust.

``load_config(path)`` is the entry point; every error is a ConfigError naming the key,
the value and what is allowed.
"""

from __future__ import annotations

from intake.config.loading import config_from_dict, config_path_from, is_loopback, load_config
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

__all__ = [
    "Config",
    "DatabaseConfig",
    "IndexConfig",
    "LimitsConfig",
    "MailboxConfig",
    "ReplyConfig",
    "RetentionConfig",
    "SmtpConfig",
    "TimersConfig",
    "WebConfig",
    "config_from_dict",
    "config_path_from",
    "is_loopback",
    "load_config",
]
