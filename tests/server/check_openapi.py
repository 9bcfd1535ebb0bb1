#!/usr/bin/env python3
"""Validates the API reference with openapi-spec-validator (the OpenAPI Initiative's JSON Schema
for 3.1, and the spec's own rules: unique operationIds, path parameters, references), then prints
how many paths and operations it holds."""
import json
import sys

try:
    from openapi_spec_validator import validate
    from openapi_spec_validator.versions import consts  # noqa: F401  (present in 0.5 and later)
except ImportError as e:
    # Debian 12 does not package it: where no python3 on PATH has it, this check is skipped (77)
    # and says so; test_openapi's own checks of the document still run.
    print(f"check_openapi: SKIPPED: openapi-spec-validator is not importable by {sys.executable} ({e}); "
          "install it with: python3 -m pip install openapi-spec-validator")
    sys.exit(77)

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    doc = json.load(f)
if doc.get("openapi") != "3.1.0":
    sys.exit(f"check_openapi: {path} declares openapi {doc.get('openapi')!r}, not 3.1.0")
try:
    validate(doc)
except Exception as e:  # the validator's errors name the place in the document
    sys.exit(f"check_openapi: {path} is not valid OpenAPI 3.1: {e}")
ops = sum(1 for item in doc["paths"].values() for m in item if m in
          ("get", "put", "post", "delete", "patch", "head", "options"))
print(f"check_openapi: {path} is valid OpenAPI 3.1 ({len(doc['paths'])} paths, {ops} operations)")
