"""The JSON Schema is the contract users validate against (docs/contract.md): it describes every
field, names its dialect and id, and every parse of every sample validates against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from golden import SAMPLES, full_result, golden_path, sample_files
from jsonschema import Draft202012Validator

from referat.models import SCHEMA_VERSION, json_schema

SCHEMA = json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _models(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {"Meeting": schema, **schema["$defs"]}


def test_the_schema_is_valid_draft_2020_12_with_an_id() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"].endswith(f":{SCHEMA_VERSION}")
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION == "2"


@pytest.mark.parametrize("model", sorted(_models(SCHEMA)))
def test_every_model_and_every_field_has_a_description(model: str) -> None:
    node = _models(SCHEMA)[model]
    assert node.get("description", "").strip(), f"{model} has no description"
    missing = [name for name, prop in node["properties"].items()
               if not prop.get("description", "").strip()]
    assert not missing, f"{model}: fields without a description: {', '.join(missing)}"


def _errors(data: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(data)][:5]


@pytest.mark.parametrize("sample", [
    pytest.param(s, id=s.relative_to(SAMPLES).as_posix()) for s in sample_files()])
def test_every_full_parse_and_every_golden_validates(sample: Path) -> None:
    assert not _errors(full_result(sample))
    assert not _errors(json.loads(golden_path(sample).read_text(encoding="utf-8")))


def test_the_schema_rejects_what_the_contract_forbids() -> None:
    good = full_result(sample_files()[0])
    bad = {**good, "schema_version": "1"}
    assert _errors(bad)
    bad = {**good, "items": [{**good["items"][0], "number": 0}]} if good["items"] else bad
    assert _errors(bad)
    assert _errors({**good, "surprise": True})
