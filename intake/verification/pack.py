"""The verification pack: what the index says about the account a case names, checked.

Staff see whether the account exists, its projects and roles, the repository each release
before the request named (and when), whether the packages and repositories the requester
claimed are really the account's, and warnings. Whatever could not be checked is said so
("could not check: …"); nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from intake.verification.index import RELEASES_READ, IndexClient, IndexUnavailable

_PYPI_PROJECT = re.compile(r"/project/([A-Za-z0-9][A-Za-z0-9._-]*)")
_BARE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def normalise(name: str) -> str:
    """A project name as the index compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def build_pack(
    client: IndexClient, username: str, requested_at: str, claims: list[str]
) -> dict[str, Any]:
    """Check ``username`` against the index as it was before ``requested_at``."""
    pack: dict[str, Any] = {
        "username": username,
        "account": None,
        "projects": [],
        "claims": [],
        "warnings": [],
        "problems": [],
    }
    try:
        names = client.user_projects(username)
    except IndexUnavailable as exc:
        pack["problems"].append(f"could not check the account: {exc}")
        return pack
    if names is None:
        pack["account"] = "not found"
        pack["warnings"].append(f"the index has no account named {username!r}")
        return pack
    pack["account"] = "exists"
    cutoff = datetime.fromisoformat(requested_at)
    for name in names:
        pack["projects"].append(_project(client, name, username, cutoff, pack["problems"]))
    pack["claims"] = _claims(claims, pack["projects"])
    pack["warnings"].extend(_warnings(pack))
    return pack


def _project(
    client: IndexClient, name: str, username: str, cutoff: datetime, problems: list[str]
) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "roles": None, "releases": [], "repository": None}
    try:
        document = client.project(name)
    except IndexUnavailable as exc:
        problems.append(f"could not check project {name}: {exc}")
        return entry
    if document is None:
        problems.append(f"could not check project {name}: the index lists it but has no page")
        return entry
    ownership = document.get("ownership")
    if isinstance(ownership, dict) and isinstance(ownership.get("roles"), list):
        entry["roles"] = [
            {"role": str(r.get("role")), "user": str(r.get("user"))}
            for r in ownership["roles"]
            if isinstance(r, dict)
        ]
    for version, uploaded in _releases_before(document, cutoff)[-RELEASES_READ:]:
        entry["releases"].append(_release(client, name, version, uploaded, problems))
    named = [r for r in entry["releases"] if r["repositories"]]
    entry["repository"] = named[-1]["repositories"][0] if named else None
    return entry


def _releases_before(document: dict[str, Any], cutoff: datetime) -> list[tuple[str, str]]:
    """(version, first upload time) of releases uploaded before the request, oldest first."""
    found = []
    for version, files in (document.get("releases") or {}).items():
        times = [
            str(f["upload_time_iso_8601"])
            for f in files or []
            if isinstance(f, dict) and isinstance(f.get("upload_time_iso_8601"), str)
        ]
        if not times:
            continue
        first = min(times)
        if datetime.fromisoformat(first.replace("Z", "+00:00")) < cutoff:
            found.append((str(version), first))
    return sorted(found, key=lambda item: item[1])


def _release(
    client: IndexClient, name: str, version: str, uploaded: str, problems: list[str]
) -> dict[str, Any]:
    entry: dict[str, Any] = {"version": version, "uploaded": uploaded, "repositories": []}
    try:
        document = client.release(name, version)
    except IndexUnavailable as exc:
        problems.append(f"could not check {name} {version}: {exc}")
        return entry
    info = (document or {}).get("info") or {}
    urls = [*((info.get("project_urls") or {}).values()), info.get("home_page")]
    entry["repositories"] = list(dict.fromkeys(u for u in map(repository_url, urls) if u))
    return entry


def repository_url(value: Any) -> str | None:
    """An http(s) URL trimmed to its repository (host and two path segments), or None."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    segments = [s for s in parts.path.split("/") if s][:2]
    if len(segments) < 2:
        return None
    return f"{parts.scheme}://{parts.netloc.lower()}/{'/'.join(segments)}"


def _claims(claims: list[str], projects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each package the requester named, and whether it is one of the account's projects."""
    owned = {normalise(p["name"]) for p in projects}
    repositories = {
        r.removesuffix(".git").lower()
        for p in projects
        for rel in p["releases"]
        for r in rel["repositories"]
    }
    checked = []
    for claim in claims:
        project = _claimed_project(claim)
        if project is not None:
            checked.append(
                {"claim": claim, "project": project, "owned": normalise(project) in owned}
            )
            continue
        repository = repository_url(claim)
        if repository is not None:
            checked.append(
                {
                    "claim": claim,
                    "repository": repository,
                    "named_by_a_release": repository.removesuffix(".git").lower() in repositories,
                }
            )
    return checked


def _claimed_project(claim: str) -> str | None:
    text = claim.strip().strip("`'\"")
    if "pypi." in text:
        found = _PYPI_PROJECT.search(text)
        return found.group(1) if found else None
    return text if _BARE_NAME.fullmatch(text) and "." not in text.strip(".") else None


def _warnings(pack: dict[str, Any]) -> list[str]:
    warnings = []
    for claim in pack["claims"]:
        if claim.get("owned") is False:
            warnings.append(f"claimed package {claim['project']} is not one of this account's")
        if claim.get("named_by_a_release") is False:
            warnings.append(f"claimed repository {claim['repository']} is not named by any release")
    for project in pack["projects"]:
        hosts = [
            urlsplit(r["repositories"][0]).netloc for r in project["releases"] if r["repositories"]
        ]
        changes = [(a, b) for a, b in pairwise(hosts) if a != b]
        if changes:
            warnings.append(
                f"{project['name']}: repository host changed between releases ("
                + ", ".join(f"{a} to {b}" for a, b in changes)
                + ")"
            )
    if pack["projects"] and not any(p["repository"] for p in pack["projects"]):
        warnings.append("no project names a public repository: use the waiting period")
    return warnings
