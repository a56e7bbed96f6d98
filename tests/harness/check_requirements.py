"""Exit 0 when every ``name==version`` pin of a requirements file is installed.

Used by the harness to avoid calling pip when nothing needs installing.
Usage: python3 check_requirements.py requirements.txt
"""

import re
import sys
from importlib import metadata


def main(path):
    missing = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            match = re.fullmatch(r"([A-Za-z0-9._-]+)\s*==\s*(\S+)", line)
            if not match:
                missing.append(f"{line} (unsupported requirement syntax)")
                continue
            name, wanted = match.groups()
            try:
                installed = metadata.version(name)
            except metadata.PackageNotFoundError:
                missing.append(f"{name}=={wanted} (not installed)")
                continue
            if installed != wanted:
                missing.append(f"{name}=={wanted} (found {installed})")
    for item in missing:
        sys.stderr.write(f"requirement not satisfied: {item}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
