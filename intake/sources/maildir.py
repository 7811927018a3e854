"""A local Maildir as the support mailbox (the embedded default).

New mail sits in ``new/`` (or ``cur/`` once a mail client has looked at it).
After it is stored it moves to the ``.Processed`` subfolder, or ``.Quarantine``
when it could not be read, by an atomic rename that leaves the bytes untouched.
Keys are the Maildir file names without the ``:2,`` flags, stable across restarts.
"""

from __future__ import annotations

import mailbox
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from intake.config import MailboxConfig
from intake.errors import MailboxError
from intake.sources.base import RawMessage


class MaildirSource:
    """Reads ``cfg.path`` as a Maildir; folder names come from the config."""

    def __init__(self, cfg: MailboxConfig) -> None:
        self._cfg = cfg
        self._root = cfg.path
        self._folders_ready = False

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def folders(self) -> dict[str, bool]:
        """Each folder this source uses (inbox, processed, quarantine) and whether it exists."""
        cfg = self._cfg
        paths = {
            cfg.folder: self._root,
            cfg.processed_folder: self._root / f".{cfg.processed_folder}",
            cfg.quarantine_folder: self._root / f".{cfg.quarantine_folder}",
        }
        return {name: is_maildir(path) for name, path in paths.items()}

    def create_folders(self) -> list[str]:
        """Create the inbox and its processed and quarantine folders; return what was made."""
        missing = [name for name, exists in self.folders().items() if not exists]
        try:
            box = mailbox.Maildir(self._root, create=True)
            for name in (self._cfg.processed_folder, self._cfg.quarantine_folder):
                if name not in box.list_folders():
                    box.add_folder(name)
        except OSError as exc:
            raise MailboxError(f"maildir {self._root}: {exc.strerror or exc}") from None
        self._folders_ready = True
        return missing

    def batches(
        self, is_known: Callable[[str], bool], max_bytes: int
    ) -> Iterator[list[RawMessage]]:
        if not self._folders_ready:
            self.create_folders()
        batch: list[RawMessage] = []
        for path in self._inbox_files():
            message = self._read(path, is_known, max_bytes)
            if message is not None:
                batch.append(message)
            if len(batch) >= self._cfg.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def settle(self, processed: Sequence[RawMessage], quarantined: Sequence[RawMessage]) -> None:
        if not self._folders_ready:
            self.create_folders()
        paths = self._paths_by_key() if processed or quarantined else {}
        for messages, folder in (
            (processed, self._cfg.processed_folder),
            (quarantined, self._cfg.quarantine_folder),
        ):
            target = self._root / f".{folder}" / "cur"
            for message in messages:
                path = paths.get(message.source_key.removeprefix("maildir:"))
                if path is not None:
                    self._move(path, target)

    def _inbox_files(self) -> list[Path]:
        """Files in new/ and cur/, oldest first (modification time, then name)."""
        entries = [(entry.stat().st_mtime, entry.name, entry.path) for entry in self._entries()]
        return [Path(path) for _, _, path in sorted(entries)]

    def _paths_by_key(self) -> dict[str, Path]:
        """Every inbox file by its key: one listing for a whole settle, not one per message."""
        return {_key(entry.name): Path(entry.path) for entry in self._entries()}

    def _entries(self) -> Iterator[os.DirEntry[str]]:
        for sub in ("new", "cur"):
            try:
                with os.scandir(self._root / sub) as listing:
                    for entry in listing:
                        if entry.is_file() and not entry.name.startswith("."):
                            yield entry
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxError(f"maildir {self._root}: {exc.strerror or exc}") from None

    def _read(
        self, path: Path, is_known: Callable[[str], bool], max_bytes: int
    ) -> RawMessage | None:
        source_key = f"maildir:{_key(path.name)}"
        try:
            size = path.stat().st_size
            if is_known(source_key) or size > max_bytes:
                return RawMessage(source_key, size, None)
            return RawMessage(source_key, size, path.read_bytes())
        except FileNotFoundError:
            return None  # moved by someone else between listing and reading
        except OSError as exc:
            raise MailboxError(f"maildir {self._root}: {exc.strerror or exc}") from None

    def _move(self, path: Path, target: Path) -> None:
        try:
            path.rename(target / path.name)
        except FileNotFoundError:
            return  # moved by someone else since the listing
        except OSError as exc:
            raise MailboxError(f"maildir {self._root}: cannot move {path.name}: {exc}") from None


def is_maildir(path: Path) -> bool:
    """Tell whether ``path`` holds the three folders of a Maildir (new, cur, tmp)."""
    return all((path / sub).is_dir() for sub in ("new", "cur", "tmp"))


def _key(name: str) -> str:
    return name.split(":", 1)[0]
