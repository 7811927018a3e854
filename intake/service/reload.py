"""Taking a new configuration while running (SIGHUP): all of it, or none of it.

The file is read and validated as at start-up, its secrets are read, and keys that
cannot change under a running daemon are refused. On any problem the daemon keeps the
configuration it has.
"""

from __future__ import annotations

from intake.config import Config, load_config
from intake.config.credentials import check_secrets
from intake.errors import ConfigError
from intake.service.wording import refuse_broken_templates

# Keys a running daemon cannot take over: it holds the database's lock and connection.
_FIXED = (("database", "path"),)


def reload_config(current: Config) -> Config:
    """The configuration file as it is now; raise ConfigError naming what is wrong."""
    if current.source_file is None:
        raise ConfigError("the running configuration did not come from a file")
    new = load_config(current.source_file)
    for section, key in _FIXED:
        before = getattr(getattr(current, section), key)
        after = getattr(getattr(new, section), key)
        if before != after:
            raise ConfigError(
                f"{section}.{key} = {str(after)!r}: cannot change while running "
                f"(still {str(before)!r}); restart the service to use it"
            )
    refuse_broken_templates(new)  # leaves the new wording in use only if all render
    if new.mailbox.kind == "imap":
        check_secrets("mailbox", new.mailbox)
    if new.smtp.kind == "smtp" and new.smtp.username:
        check_secrets("smtp", new.smtp)
    return new
