"""Serialises a generated document to compact JSON text with ujson.dumps (a C extension)."""

import ujson

from versus_data import make_json_document, text_checksum


def setup(params):
    return make_json_document(params["seed"], params["items"])


def run(document):
    return text_checksum(ujson.dumps(document))
