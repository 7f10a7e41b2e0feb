"""Where a project's database is and how it is opened: SQLite in the project folder by
default (WAL, foreign keys), or PostgreSQL by URL for a team behind several processes.

A project folder holds ``project.json``: its name, its image root and its database URL
*without* a password (credentials come from the environment: ``PGPASSWORD`` or
``~/.pgpass``, as for any libpq client), so every later command and the web UI need only
the folder. The schema is brought up to date by Alembic (``migrations/``) at every open.
A database that cannot be read is said so and left as it is, never overwritten.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ..errors import SamAppError, shorten
from ..export import save_json

CONFIG = "project.json"
SQLITE_FILE = "project.db"
FORMAT = 1


class ProjectError(SamAppError):
    """A project that cannot be made or opened as asked (the message says why)."""


def read_config(folder: Path) -> dict:
    """``project.json`` of ``folder``; ProjectError when it is not a project folder."""
    path = Path(folder) / CONFIG
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProjectError(f"{folder} is not a project folder (no {CONFIG}); make one with "
                           "`sam-app project create DIR --images IMAGES --classes a,b`") from None
    except (OSError, ValueError) as exc:
        raise ProjectError(f"{path} cannot be read ({shorten(str(exc))})") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT or "database" not in config:
        raise ProjectError(f"{path} is not a project file of this version (format {FORMAT} expected)")
    return config


def write_config(folder: Path, name: str, images: str, database: str) -> None:
    save_json(Path(folder) / CONFIG, {"format": FORMAT, "name": name, "images": images, "database": database})


def stored_url(url: Optional[str]) -> str:
    """What ``project.json`` keeps of ``--db``: "sqlite" (the project folder's file) or the
    PostgreSQL URL without its password; ProjectError for anything else."""
    if not url or url == "sqlite":
        return "sqlite"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ProjectError(f"--db {shorten(url)} is not a database URL; expected postgresql://USER@HOST[:PORT]/NAME "
                           "(the password from PGPASSWORD), or leave it out for SQLite in the project folder") from None
    if parsed.get_backend_name() != "postgresql":
        raise ProjectError(f"--db {shorten(url)}: only PostgreSQL URLs are taken (or none, for SQLite)")
    return parsed.set(drivername="postgresql+psycopg")._replace(password=None).render_as_string(hide_password=False)


def engine_for(folder: Path, database: str, password_url: Optional[str] = None, new: bool = False) -> Engine:
    """An engine for the project in ``folder`` whose ``project.json`` says ``database``;
    ``password_url``: the URL as given at creation (its password used this once); new:
    the project is being made (else a SQLite file that is missing is said so, not made
    afresh). Times are UTC on either database."""
    if database == "sqlite":
        if not new and not (Path(folder) / SQLITE_FILE).is_file():
            raise ProjectError(f"{Path(folder) / SQLITE_FILE} is missing: the project's database was moved or deleted; "
                               "restore it from a backup (nothing was made in its place)")
        engine = create_engine(f"sqlite:///{Path(folder) / SQLITE_FILE}", connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    url = make_url(password_url).set(drivername="postgresql+psycopg") if password_url else make_url(database)
    try:
        return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4,
                             connect_args={"options": "-c timezone=UTC"})
    except ModuleNotFoundError:
        raise ProjectError("PostgreSQL projects need psycopg: pip install 'sam-app[postgres]'") from None


def _sqlite_pragmas(connection, _record) -> None:
    """WAL (readers never wait for the writer), foreign keys on, a committed change on
    disk before the call returns (FULL: a crash, kill -9 or power cut loses at most the
    change in flight)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def migrate(engine: Engine, where: str) -> None:
    """Bring the schema up to date (Alembic); ProjectError, the database left as it is,
    when it cannot be read (``where`` names it)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "sqlite":
                check = connection.execute(text("PRAGMA quick_check")).scalar()
                if check != "ok":
                    raise ProjectError(f"{where} is damaged ({shorten(str(check))}); it was left as it is: restore it "
                                       "from a backup")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except (OperationalError, DBAPIError) as exc:
        why = str(exc.orig)
        if any(words in why for words in ("password authentication failed", "no password supplied")):
            user = engine.url.username or "the database user"
            raise ProjectError(f"PostgreSQL refused {user}'s login to {where} ({shorten(why.strip(), 160)}): set "
                               f"PGPASSWORD to {user}'s password, or give it in ~/.pgpass") from None
        raise ProjectError(f"{where} cannot be opened as a project database ({shorten(why, 160)}); it was "
                           "left as it is") from None
