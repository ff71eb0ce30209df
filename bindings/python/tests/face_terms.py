"""The CLI's words put into a binding's, for tests that compare a binding with the CLI.

The table is the engine's own (trustlint/vocabulary.h, read through
``trustlint._trustlint.option_vocabulary()``); the whole-word replacement is written again here,
independently of engine/query/vocabulary.cpp, so a test that expects "the CLI's text in the
face's terms" fails on any message difference other than option spelling. Every string of an
expected document is translated, not only the prose keys the bindings translate, so a prose field
a binding forgot would show as a difference.
"""

from trustlint import _trustlint

TABLE = [tuple(row) for row in _trustlint.option_vocabulary()]
FACES = {"cli": 0, "python": 1, "node": 2}


def _word_char(c):
    return c.isascii() and (c.isalnum() or c in "-_")


def in_face_terms(text, face, source="cli"):
    """``text`` with each whole option spelling of ``source`` (the CLI's by default) replaced by
    ``face``'s ("python" or "node"); the first row that matches wins, as in the engine."""
    column, given = FACES[face], FACES[source]
    out, i = [], 0
    while i < len(text):
        hit = None
        if i == 0 or not _word_char(text[i - 1]):
            for row in TABLE:
                words = row[given]
                if not text.startswith(words, i):
                    continue
                end = i + len(words)
                if end < len(text) and _word_char(text[end]) and _word_char(words[-1]):
                    continue
                hit = row
                break
        if hit is None:
            out.append(text[i])
            i += 1
        else:
            out.append(hit[column])
            i += len(hit[given])
    return "".join(out)


def document_in_face_terms(value, face, source="cli"):
    """Every string of a JSON value (a CLI document, or ``source``'s), in ``face``'s terms."""
    if isinstance(value, str):
        return in_face_terms(value, face, source)
    if isinstance(value, list):
        return [document_in_face_terms(v, face, source) for v in value]
    if isinstance(value, dict):
        return {k: document_in_face_terms(v, face, source) for k, v in value.items()}
    return value
