"""Parses JSON text of a generated document with the standard library's json.loads."""

import json

from versus_data import make_json_document, sampled_json_checksum


def setup(params):
    return json.dumps(make_json_document(params["seed"], params["items"]), separators=(",", ":"))


def run(text):
    return sampled_json_checksum(json.loads(text))
