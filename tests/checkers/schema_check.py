#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (draft 2020-12) with the PyPI `jsonschema`
package — an implementation Candor did not write.

    schema_check.py SCHEMA.json FILE.json...

Prints `FILE: PATH: message` per problem and a summary line; exits 0 when every file is
valid, 1 when one is not, 2 on a usage error or an unreadable file.
"""

import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("schema_check: the jsonschema package is missing (run `make deps`)", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"schema_check: {argv[1]}: {e}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema)
    problems = 0
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            print(f"schema_check: {path}: {e}", file=sys.stderr)
            return 2
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}")
            problems += 1
    print(f"schema_check: {len(argv) - 2} file(s), {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
