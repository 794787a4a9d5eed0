# SPDX-License-Identifier: EUPL-1.2
"""The NL API Design Rules linter on the GDI's own OpenAPI documents.

``python -m tools.adr_lint`` writes the OpenAPI document of every API the application serves to a
folder (``--out``, default a temporary one) and runs Spectral with the Logius ruleset on each of
our own documents; official documents served as published (the Haal Centraal BRP API Personen and
BRP bewoning, the Kadaster's BAG API, the KvK's APIs) are written but not linted. The exit code is non-zero when
Spectral reports any error (or cannot run).

The ruleset is ``../shared/specs/logius/adr-spectral-linter.yaml`` next to the project, or the file
named by ``GDI_ADR_RULESET`` or ``--ruleset``; ``spectral`` must be on the PATH
(``npm install -g @stoplight/spectral-cli``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from opengdi.app import create_app
from opengdi.kernel.blocks import Api
from opengdi.settings import Settings

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_RULESET = PROJECT.parent / "shared" / "specs" / "logius" / "adr-spectral-linter.yaml"
#: APIs whose document is an official one, served as published: not ours to change.
OFFICIAL = frozenset(
    {
        "/haalcentraal/api/brp",
        "/haalcentraal/api/bewoning",
        "/haalcentraal/api/brk",
        "/haalcentraal/api/hr",
        "/haalcentraal/api/woz",
        "/lvbag/individuelebevragingen/v2",
        "/kvk/api",
    }
)


def ruleset_path(given: str | None = None) -> Path:
    """The Logius ruleset to lint with."""
    return Path(given or os.environ.get("GDI_ADR_RULESET") or DEFAULT_RULESET)


def own_apis() -> list[Api]:
    """The APIs whose OpenAPI document is our own, from an application on a throwaway data folder."""
    with tempfile.TemporaryDirectory() as data:
        app = create_app(Settings(data_dir=Path(data)))
        apis: list[Api] = app.state.apis
    return [api for api in apis if api.prefix not in OFFICIAL]


def dump(apis: list[Api], folder: Path) -> list[Path]:
    """Write each API's OpenAPI document to ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for api in apis:
        path = folder / f"{api.prefix.strip('/').replace('/', '-')}.openapi.json"
        path.write_text(json.dumps(api.app.openapi(), indent=2, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


def lint(document: Path, ruleset: Path) -> int:
    """Spectral's exit code on ``document`` (non-zero when it reports an error)."""
    command = ["spectral", "lint", "--ruleset", str(ruleset), "--fail-severity", "error", str(document)]
    return subprocess.run(command, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    """Dump and lint; the exit code for the shell."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="map voor de OpenAPI-documenten (standaard: tijdelijk)")
    parser.add_argument("--ruleset", help="de Spectral-ruleset van de API Design Rules")
    parser.add_argument("--alleen-schrijven", action="store_true", help="documenten schrijven, niet linten")
    args = parser.parse_args(argv)
    ruleset = ruleset_path(args.ruleset)
    if not args.alleen_schrijven:
        if shutil.which("spectral") is None:
            print("spectral ontbreekt: npm install -g @stoplight/spectral-cli", file=sys.stderr)
            return 2
        if not ruleset.is_file():
            print(f"ruleset {ruleset} ontbreekt; geef GDI_ADR_RULESET of --ruleset", file=sys.stderr)
            return 2
    folder = args.out or Path(tempfile.mkdtemp(prefix="opengdi-openapi-"))
    documents = dump(own_apis(), folder)
    if args.alleen_schrijven:
        print("\n".join(str(path) for path in documents))
        return 0
    failures = [path.name for path in documents if lint(path, ruleset) != 0]
    if failures:
        print(f"API Design Rules: fouten in {', '.join(failures)}", file=sys.stderr)
        return 1
    print(f"API Design Rules: geen fouten in {len(documents)} documenten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
