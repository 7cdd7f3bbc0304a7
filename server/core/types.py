"""Type aliases shared by the layers."""

from __future__ import annotations

from typing import Any

#: A JSON object being built for a template, a ``.json`` answer or an OpenAPI document. Its
#: values differ in type from key to key and are read back by key, hence Any.
JSONObject = dict[str, Any]
