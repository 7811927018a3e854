"""A throw-away certificate authority for TLS tests, made with the ``openssl`` command.

The server certificate names 127.0.0.1 and localhost, so clients verify it for real
(hostname and chain) once they trust ``ca_file``, and reject it when they do not.
"""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers import missing_server

_EXTENSIONS = """\
subjectAltName = IP:127.0.0.1, DNS:localhost
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
"""


@dataclass(frozen=True, slots=True)
class TlsFiles:
    """PEM files: the CA certificate clients trust, the server's certificate and key."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        """Return a server-side context presenting the certificate (no client certificates)."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_tls_files(directory: Path) -> TlsFiles:
    """Create a CA and a server certificate signed by it in ``directory``."""
    ca_key, ca_file = directory / "ca.key", directory / "ca.pem"
    key_file, cert_file = directory / "server.key", directory / "server.pem"
    request, extensions = directory / "server.csr", directory / "server.ext"
    extensions.write_text(_EXTENSIONS, encoding="ascii")
    new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl(
        "req", "-x509", *new_key, "-keyout", ca_key, "-out", ca_file, "-days", "2",
        "-subj", "/CN=Recovery Intake test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    _openssl("req", *new_key, "-keyout", key_file, "-out", request, "-subj", "/CN=localhost")
    _openssl(
        "x509", "-req", "-in", request, "-CA", ca_file, "-CAkey", ca_key, "-CAcreateserial",
        "-out", cert_file, "-days", "2", "-extfile", extensions,
    )  # fmt: skip
    # Dovecot reads the files as root, aiosmtpd as us; the directory is ours alone anyway.
    os.chmod(key_file, 0o600)
    return TlsFiles(ca_file=ca_file, cert_file=cert_file, key_file=key_file)


def _openssl(*args: str | Path) -> None:
    done = subprocess.run(
        ["openssl", *map(str, args)], capture_output=True, timeout=30, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"openssl {args[0]} failed: {done.stderr.decode(errors='replace')}")


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsFiles]:
    """A CA and a server certificate for 127.0.0.1, shared by the whole test run."""
    if shutil.which("openssl") is None:
        missing_server("the openssl command is missing: cannot make test certificates")
    directory = tmp_path_factory.mktemp("tls")
    yield make_tls_files(directory)
    shutil.rmtree(directory)
