"""Parses JSON text of a generated document with ujson.loads (a C extension)."""

import ujson

from versus_data import make_json_document, sampled_json_checksum


def setup(params):
    return ujson.dumps(make_json_document(params["seed"], params["items"]))


def run(text):
    return sampled_json_checksum(ujson.loads(text))
