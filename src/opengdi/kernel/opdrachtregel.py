# SPDX-License-Identifier: EUPL-1.2
"""What every ``gdi`` command shares, the blocks' commands included: the console, progress bars,
failing with one clear line, reading the settings and running async work on a migrated database.

The command line knows the deployment's blocks through its Click context: the ``gdi`` command is
created with the registry's :class:`~opengdi.kernel.blocks.Samenstelling` as context object, so a
block's command migrates every block's tables and can find the other blocks without importing them.

Results go to standard output; errors go to standard error as one Dutch line with a non-zero exit
code, so ``TOKEN=$(gdi org token OIN)`` never captures an error text. An invalid setting or an
unreachable database is reported that way by every command, never as a traceback.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any, ClassVar, TypeVar

import typer
from alembic.util.exc import CommandError
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidRequestError, NoSuchModuleError
from typer import _click
from typer._click.globals import get_current_context
from typer.core import TyperCommand, TyperGroup

from opengdi.kernel.blocks import Samenstelling
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout
from opengdi.settings import Settings, get_settings

console = Console(soft_wrap=True)
#: Errors and interruptions: standard error, so that a captured standard output holds only results.
error_console = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")

#: Exit code of a command interrupted with Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` (plain text) on standard error; the exit to raise: ``raise fail(…)``."""
    error_console.print(f"[red]{escape(message)}[/red]")
    return typer.Exit(code)


class _OldSpellings(TyperCommand):
    """A command that also accepts the old (English) spellings of its options, without showing them."""

    old_spellings: ClassVar[dict[str, str]] = {}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self.modernise(args))

    @classmethod
    def modernise(cls, args: list[str]) -> list[str]:
        """``args`` with every old option spelling (``--persons 5``, ``--persons=5``) renamed."""
        result: list[str] = []
        for index, arg in enumerate(args):
            if arg == "--":
                return result + args[index:]
            name, equals, value = arg.partition("=")
            result.append(cls.old_spellings.get(name, name) + equals + value if name.startswith("--") else arg)
        return result


def old_spellings(**renamed: str) -> type[TyperCommand]:
    """A command class accepting old option spellings: ``old_spellings(persons="personen")``
    accepts ``--persons`` for ``--personen`` (the help shows only the new one)."""
    mapping = {f"--{old.replace('_', '-')}": f"--{new}" for old, new in renamed.items()}
    return type("OldSpellingsCommand", (_OldSpellings,), {"old_spellings": mapping})


def hidden_alias(
    app: typer.Typer, old: str, command: Callable[..., Any], cls: type[TyperCommand] | None = None
) -> None:
    """Keep the old name ``old`` of ``command`` working (for scripts and old instructions), unlisted."""
    app.command(old, hidden=True, cls=cls)(command)


#: Click's usage errors in Dutch: (pattern, replacement), applied in order.
_USAGE_ERRORS = [
    (r"^Missing argument '(.+)'\.", r"Argument \1 ontbreekt."),
    (r"^Missing option '(.+)'\.", r"Optie \1 ontbreekt."),
    (r"^Missing parameter: (.+)", r"Parameter \1 ontbreekt."),
    (r"^No such command '(.+)'\.", r"Onbekend commando '\1'."),
    (r"^No such option: (\S+)", r"Onbekende optie \1."),
    (r"Did you mean (.+)\?", r"Bedoelt u \1?"),
    (r"\(Possible options: (.+)\)", r"(mogelijk: \1)"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"Onverwacht argument: \1."),
    (r"^Option '(.+)' requires an argument\.", r"Optie \1 heeft een waarde nodig."),
    (r"^Option '(.+)' does not take a value\.", r"Optie \1 neemt geen waarde."),
    (r"^Invalid value for (.+?): ", r"Ongeldige waarde voor \1: "),
    (r"(?:file|File|path|Path|directory|Directory) '(.+)' does not exist\.", r"'\1' bestaat niet."),
    (r"(?:file|File|path|Path) '(.+)' is a directory\.", r"'\1' is een map, geen bestand."),
    (r"(?:file|File|path|Path) '(.+)' is not readable\.", r"'\1' is niet leesbaar."),
    (r"Input should be a valid integer.*", "geen geheel getal."),
    (r"Input should be greater than or equal to (\S+)", r"moet minstens \1 zijn."),
    (r"Input should be less than or equal to (\S+)", r"mag hoogstens \1 zijn."),
    (r"Input should be a valid boolean.*", "geen ja/nee-waarde."),
    (r"'(.+)' is not one of (.+)\.", r"'\1' is niet een van \2."),
]


def usage_error(message: str) -> str:
    """A usage error of the command line parser, in Dutch where it has a known form."""
    for pattern, replacement in _USAGE_ERRORS:
        message = re.sub(pattern, replacement, message)
    return " ".join(message.split())


class GdiGroup(TyperGroup):
    """The ``gdi`` command: a usage error (unknown command, missing argument, wrong value) is one
    Dutch line on standard error with exit code 2, pointing at the help."""

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        if extra.pop("standalone_mode", True) is False:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, standalone_mode=False, **extra)
        except _click.exceptions.ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":
                sys.exit(error.exit_code)
            context = getattr(error, "ctx", None)
            hint = f" Zie: {context.command_path} --help" if context is not None else ""
            error_console.print(f"[red]Fout:[/red] {escape(usage_error(error.format_message()))}{escape(hint)}")
            sys.exit(error.exit_code)
        except typer.Abort:
            error_console.print("[red]Afgebroken.[/red]")
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def samenstelling() -> Samenstelling:
    """The blocks of the deployment, from the context of the running ``gdi`` command."""
    context = get_current_context(silent=True)
    found = context.find_object(Samenstelling) if context is not None else None
    if not isinstance(found, Samenstelling):  # pragma: no cover - every command runs under the gdi group
        raise RuntimeError("Een gdi-commando draait zonder samenstelling van bouwstenen.")
    return found


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run async work from a command."""
    return asyncio.run(coroutine)


def progress() -> Progress:
    """A progress bar with count and elapsed time, on standard error (it is not a result) and only
    when that is a terminal (a script's log gets the results, not the bar)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=error_console,
        disable=not error_console.is_terminal,
    )


#: A generator's work: given the database, the settings, the deployment's blocks and a callback for
#: progress (how many items more are done), how many it stored.
Generatorwerk = Callable[[Database, Settings, Samenstelling, Callable[[int], None]], Awaitable[int]]


def genereer(wat: str, work: Generatorwerk, totaal: int | None = None) -> int:
    """Run a generator of ``gdi genereren`` (``wat``: ``Bedrijven``): only in a test deployment, with
    a progress bar over ``totaal`` items, a domain error as its one line; how many it stored."""
    settings = current_settings()
    if not settings.is_test_deployment:
        raise fail(f"{wat} genereren kan alleen in een testomgeving (GDI_DEPLOYMENT=test).")

    async def met_voortgang(database: Database) -> int:
        with progress() as bar:
            task = bar.add_task(f"{wat} genereren", total=totaal)
            return await work(database, settings, samenstelling(), lambda n: bar.advance(task, n))

    try:
        return run(with_database(settings, met_voortgang))
    except DomeinFout as error:
        raise fail(f"{error}.") from None


_SETTING_REASONS: dict[str, Callable[[dict[str, Any]], str]] = {
    "int_parsing": lambda ctx: "geen geheel getal",
    "int_type": lambda ctx: "geen geheel getal",
    "bool_parsing": lambda ctx: "geen ja/nee-waarde (true of false)",
    "greater_than_equal": lambda ctx: f"moet minstens {ctx['ge']} zijn",
    "less_than_equal": lambda ctx: f"mag hoogstens {ctx['le']} zijn",
    "enum": lambda ctx: f"kies uit {str(ctx['expected']).replace(' or ', ' of ')}",
    "literal_error": lambda ctx: f"kies uit {str(ctx['expected']).replace(' or ', ' of ')}",
}


def settings_error(error: ValidationError) -> str:
    """One Dutch line naming each invalid ``GDI_…`` setting and what is wrong with it."""
    parts = []
    for item in error.errors():
        reason_of = _SETTING_REASONS.get(item["type"])
        reason = reason_of(item.get("ctx", {})) if reason_of else str(item["msg"]).removeprefix("Value error, ")
        if item["loc"]:
            parts.append(f"GDI_{str(item['loc'][0]).upper()}={item['input']!r}: {reason}")
        else:
            parts.append(reason)
    return "Ongeldige instelling: " + "; ".join(parts) + "."


def current_settings() -> Settings:
    """The settings of this process; an invalid setting ends the command with one clear line."""
    try:
        return get_settings()
    except ValidationError as error:
        raise fail(settings_error(error)) from None


def database_label(url: str) -> str:
    """A database URL fit to print: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(onleesbare URL)"


def database_error(url: str, error: Exception) -> str:
    """One Dutch line saying why the database at ``url`` cannot be used."""
    label = database_label(url)
    if isinstance(error, ArgumentError):
        return f"GDI_DATABASE_URL is geen geldige database-URL: {url!r}."
    if isinstance(error, NoSuchModuleError | ModuleNotFoundError | InvalidRequestError):
        return (
            f"De database-URL {label} gebruikt een stuurprogramma dat Open GDI niet heeft; gebruik "
            "sqlite+aiosqlite:///pad/naar/bestand.db of postgresql+asyncpg://gebruiker@host:5432/database."
        )
    if isinstance(error, CommandError):
        return f"De database {label} staat op een migratie die deze versie van Open GDI niet kent: {error}."
    reason = str(error.orig if isinstance(error, DBAPIError) else error).strip().splitlines()[0]
    return f"De database {label} is niet bruikbaar: {reason}"


DATABASE_ERRORS = (OSError, DBAPIError, ArgumentError, NoSuchModuleError, ModuleNotFoundError, InvalidRequestError)


async def with_database(
    settings: Settings, work: Callable[[Database], Coroutine[Any, Any, T]], *, migrate: bool = True
) -> T:
    """Run ``work`` on the deployment's database, migrated to the newest revision (unless ``migrate``
    is false); a database that cannot be reached or used ends the command with one clear line."""
    url = settings.effective_database_url
    try:
        database = Database(url)
    except DATABASE_ERRORS as error:
        raise fail(database_error(url, error)) from None
    try:
        if migrate:
            await samenstelling().migraties().upgrade(database)
        return await work(database)
    except (*DATABASE_ERRORS, CommandError) as error:
        raise fail(database_error(url, error)) from None
    finally:
        await database.dispose()
