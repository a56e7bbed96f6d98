"""Build each addon's README.rst from its readme/*.md fragments (make readme)."""

import ast
import pathlib
import sys

SECTIONS = (
    ("DESCRIPTION.md", None),
    ("USAGE.md", "Usage"),
    ("CONFIGURE.md", "Configuration"),
    ("CONTRIBUTORS.md", "Contributors"),
)


def build(root):
    text = (root / "__manifest__.py").read_text()
    manifest = ast.literal_eval(text[text.index("{") :])
    title = manifest["name"]
    out = ["=" * len(title), title, "=" * len(title), ""]
    out += [".. Generated from readme/*.md by `make readme`; edit those files.", ""]
    out += [
        f"**Version** {manifest['version']} · **License** {manifest['license']} · "
        f"**Author** {manifest['author']}",
        "",
    ]
    for name, heading in SECTIONS:
        fragment = root / "readme" / name
        if not fragment.exists():
            continue
        if heading:
            out += [heading, "=" * len(heading), ""]
        out += [fragment.read_text().rstrip(), ""]
    if (root / "readme" / "CRITERIA.md").exists():
        out += [
            "Criteria data",
            "=============",
            "",
            "How the criteria of QĐ 26/2026 were transcribed and which misprints "
            "were corrected: ``readme/CRITERIA.md``.",
            "",
        ]
    (root / "README.rst").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    for manifest_path in sorted(pathlib.Path(sys.argv[1]).glob("*/__manifest__.py")):
        build(manifest_path.parent)
