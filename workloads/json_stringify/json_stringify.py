"""Serialises a generated document to compact JSON text with the standard library's json.dumps."""

import json

from versus_data import make_json_document, text_checksum


def setup(params):
    return make_json_document(params["seed"], params["items"])


def run(document):
    return text_checksum(json.dumps(document, separators=(",", ":")))
