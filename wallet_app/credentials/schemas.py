"""The OB 3.0 ``schema`` check: validate a credential against the JSON Schemas it names, offline.

A ``credentialSchema`` entry of type 1EdTechJsonSchemaValidator2019 names a schema URL. Downloading
it while verifying would let whoever controls that host decide what "valid" means and would tell
them which badges a learner checks, so schemas (and every ``$ref`` inside them) come only from
local files: a ``--map`` folder, or the folder a deployment names in WALLET_SCHEMA_DIR, whose
``schemas-index.json`` maps each URL to a file ({"<url>": {"file": "<name>"}}). A schema that is
not available locally is reported as skipped and never changes the verdict.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

from jsonschema import Draft201909Validator, validators
from jsonschema.exceptions import SchemaError, ValidationError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable
from referencing.jsonschema import DRAFT201909

from wallet_app.credentials.errors import BadgeInputError
from wallet_app.credentials.fetch import mapped_file, parse_json_limited
from wallet_app.credentials.fields import as_list
from wallet_app.credentials.report import CheckStatus, VerificationReport

JSON_SCHEMA_VALIDATOR = "1EdTechJsonSchemaValidator2019"
SCHEMA_DIR_ENV = "WALLET_SCHEMA_DIR"
SCHEMA_INDEX_FILE = "schemas-index.json"
MAX_SCHEMA_BYTES = 1_000_000
MAX_SCHEMA_DEPTH = 40
MAX_SCHEMA_FILES = 20
ERRORS_SHOWN = 3
MAX_ERROR_CHARS = 160
SKIPPED_SUFFIX = "; the wallet never downloads schemas while verifying, so this check was skipped."


class SchemaUnavailable(Exception):
    """A schema, or one it refers to, cannot be used from local files; the message says why."""


class SchemaNotFound(SchemaUnavailable):
    """No local source lists this schema URL."""


class LocalSchemas:
    """Schema files for URLs from the ``--map`` folders, then the deployment's schema folder.

    Nothing here can reach the network: a URL no local source lists is simply unavailable. Each
    file is read once per check, and one check reads at most MAX_SCHEMA_FILES files.
    """

    def __init__(self, maps: tuple[tuple[str, Path], ...], schema_dir: Path | None) -> None:
        self._maps = maps
        self._schema_dir = schema_dir
        self._index: dict[str, Any] | None = None
        self._loaded: dict[str, dict[str, Any]] = {}

    def load(self, url: str) -> dict[str, Any]:
        """The parsed schema at ``url`` (without fragment); SchemaUnavailable if it cannot be used."""
        url = urldefrag(url).url
        if url not in self._loaded:
            if len(self._loaded) >= MAX_SCHEMA_FILES:
                raise SchemaUnavailable(f"{url} was not read: the schemas link more than {MAX_SCHEMA_FILES} files")
            path = self._find(url)
            if path is None:
                raise SchemaNotFound(f"The JSON Schema {url} is not available offline")
            self._loaded[url] = _read_schema(url, path)
        return self._loaded[url]

    def retrieve(self, uri: str) -> Resource:
        """The ``referencing`` hook for ``$ref``: local files or an error, never a download."""
        try:
            contents = self.load(uri)
        except SchemaNotFound as exc:
            raise NoSuchResource(ref=uri) from exc
        return Resource.from_contents(contents, default_specification=DRAFT201909)

    def _find(self, url: str) -> Path | None:
        mapped = mapped_file(url, self._maps)
        if mapped is not None and Path(mapped).is_file():
            return Path(mapped)
        return self._indexed_file(url)

    def _indexed_file(self, url: str) -> Path | None:
        if self._schema_dir is None:
            return None
        folder = self._schema_dir.resolve()
        entry = self._read_index(folder).get(url)
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            return None
        path = (folder / name).resolve()
        # The index is the deployment's, but a file outside its folder is never what it meant.
        return path if path.is_relative_to(folder) and path.is_file() else None

    def _read_index(self, folder: Path) -> dict[str, Any]:
        if self._index is None:
            index_path = folder / SCHEMA_INDEX_FILE
            self._index = _read_schema(str(index_path), index_path) if index_path.is_file() else {}
        return self._index


def deployment_schema_dir() -> Path | None:
    """The folder WALLET_SCHEMA_DIR names, where a deployment keeps the schemas it trusts."""
    configured = os.environ.get(SCHEMA_DIR_ENV, "").strip()
    return Path(configured) if configured else None


def check_schemas(
    document: dict[str, Any], instance: object, maps: tuple[tuple[str, Path], ...], report: VerificationReport
) -> None:
    """Record one ``schema`` check for the 1EdTech JSON Schemas ``document`` names, if any.

    ``instance`` is what gets validated: the credential as received (for a VC-JWT, its payload).
    """
    entries = [
        entry
        for entry in as_list(document.get("credentialSchema"))
        if isinstance(entry, dict) and entry.get("type") == JSON_SCHEMA_VALIDATOR
    ]
    if not entries:
        return
    schemas = LocalSchemas(maps, deployment_schema_dir())
    results = [_check_entry(entry.get("id"), instance, schemas) for entry in entries]
    statuses = {status for status, _ in results}
    status = next(
        (worst for worst in (CheckStatus.FAILED, CheckStatus.SKIPPED) if worst in statuses), CheckStatus.PASSED
    )
    report.add("schema", status, " ".join(sentence for _, sentence in results))


def _check_entry(url: object, instance: object, schemas: LocalSchemas) -> tuple[CheckStatus, str]:
    if not isinstance(url, str) or not url:
        return CheckStatus.SKIPPED, f"A credentialSchema entry names no schema URL{SKIPPED_SUFFIX}"
    try:
        errors = _validation_errors(url, instance, schemas)
    except SchemaUnavailable as exc:
        return CheckStatus.SKIPPED, f"{exc}{SKIPPED_SUFFIX}"
    if not errors:
        return CheckStatus.PASSED, f"The credential matches the 1EdTech JSON Schema {url}."
    problems = "; ".join(_describe(error) for error in errors[:ERRORS_SHOWN])
    more = "; and more" if len(errors) > ERRORS_SHOWN else ""
    return CheckStatus.FAILED, f"The credential does not match the 1EdTech JSON Schema {url}: {problems}{more}."


def _validation_errors(url: str, instance: object, schemas: LocalSchemas) -> list[ValidationError]:
    """The first few ways ``instance`` breaks the schema; SchemaUnavailable if it cannot be judged."""
    schema = schemas.load(url)
    validator_class = validators.validator_for(schema, default=Draft201909Validator)
    try:
        validator_class.check_schema(schema)
    except SchemaError as exc:
        raise SchemaUnavailable(
            f"The local copy of {url} is not a valid JSON Schema ({_shorten(exc.message)})"
        ) from exc
    # Validating through a $ref makes the schema's own URL its base, as if it had been fetched.
    validator = validator_class({"$ref": url}, registry=Registry(retrieve=schemas.retrieve))
    try:
        return list(islice(validator.iter_errors(instance), ERRORS_SHOWN + 1))
    except Unresolvable as exc:
        raise SchemaUnavailable(_unresolvable_reason(url, exc)) from exc
    except RecursionError as exc:
        raise SchemaUnavailable(f"The JSON Schema {url} refers to itself without end") from exc


def _read_schema(url: str, path: Path) -> dict[str, Any]:
    """A local JSON object within the size and depth limits (schemas and the index alike)."""
    if path.stat().st_size > MAX_SCHEMA_BYTES:
        raise SchemaUnavailable(
            f"The local copy of {url} was refused because it is larger than {MAX_SCHEMA_BYTES // 1000} kB"
        )
    try:
        schema = parse_json_limited(path.read_bytes(), max_bytes=MAX_SCHEMA_BYTES, max_depth=MAX_SCHEMA_DEPTH)
    except BadgeInputError as exc:
        raise SchemaUnavailable(
            f"The local copy of {url} was refused because it is nested deeper than {MAX_SCHEMA_DEPTH} levels "
            "or is not valid JSON"
        ) from exc
    if not isinstance(schema, dict):
        raise SchemaUnavailable(f"The local copy of {url} is not a JSON object")
    return schema


def _unresolvable_reason(url: str, exc: BaseException) -> str:
    """The local problem behind an unresolvable ``$ref``, if there was one, else the ref itself."""
    cause = exc.__cause__
    while cause is not None:
        if isinstance(cause, SchemaUnavailable):
            return str(cause)
        cause = cause.__cause__
    return f"The JSON Schema {url} refers to {getattr(exc, 'ref', 'a schema')}, which is not available offline"


def _describe(error: ValidationError) -> str:
    return f"at {_json_path(error.absolute_path)}: {_shorten(error.message)}"


def _json_path(path: Iterable[str | int]) -> str:
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    return text or "the top level"


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"
