# SPDX-License-Identifier: EUPL-1.2
"""What every ``gdi`` command shares: the console, progress bars, failing with one clear line,
reading the settings and running async work on a migrated database.

Results go to standard output; errors go to standard error as one Dutch line with a non-zero exit
code, so ``TOKEN=$(gdi org token OIN)`` never captures an error text. An invalid setting or an
unreachable database is reported that way by every command, never as a traceback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ClassVar, TypeVar

import typer
from alembic.util.exc import CommandError
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidRequestError, NoSuchModuleError
from typer.core import TyperCommand

from opengdi.bouwstenen import migraties
from opengdi.kernel.db import Database
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


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run async work from a command."""
    return asyncio.run(coroutine)


def progress() -> Progress:
    """A progress bar with count and elapsed time (on standard error: it is not a result)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=error_console,
    )


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
            await migraties().upgrade(database)
        return await work(database)
    except (*DATABASE_ERRORS, CommandError) as error:
        raise fail(database_error(url, error)) from None
    finally:
        await database.dispose()
