#!/usr/bin/env python3
"""Print the set indexes of a W3C Bitstring Status List, one per line.

An implementation independent of Certa's C# one (Bitstring Status List v1.0 §4: multibase base64url 'u',
no padding, GZIP; index 0 is the most significant bit of the first byte), with the standard library only.

    python3 decode.py ENCODED_LIST
    python3 decode.py list-credential.json      # a BitstringStatusListCredential file
    ... | python3 decode.py -                   # either, from standard input
"""
import base64
import gzip
import json
import os
import sys


def encoded_list(argument: str) -> str:
    text = sys.stdin.read() if argument == "-" else (open(argument, encoding="utf-8").read() if os.path.isfile(argument) else argument)
    text = text.strip()
    if text.startswith("{"):
        return json.loads(text)["credentialSubject"]["encodedList"]
    return text


def set_indexes(encoded: str):
    if not encoded.startswith("u"):
        raise ValueError(f"not multibase base64url: starts with {encoded[:1]!r}")
    body = encoded[1:]
    raw = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    for byte_index, byte in enumerate(raw):
        for bit in range(8):
            if byte & (0x80 >> bit):
                yield byte_index * 8 + bit


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for index in set_indexes(encoded_list(sys.argv[1])):
        print(index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
