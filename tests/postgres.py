"""A throwaway PostgreSQL server for the tests and the benchmarks (no pytest here).

    with Postgres() as server:
        url = server.new_database()   # postgresql://sam_test:PASSWORD@127.0.0.1:PORT/sam_test_1

``initdb`` makes a fresh data folder in a temporary folder (run as the ``postgres`` user
through ``runuser`` when we are root: initdb refuses root), the server listens on a free
port of 127.0.0.1 only (its Unix socket in that folder too), and every connection needs a
password (scram-sha-256): the test role ``sam_test`` logs in with a random password, as a
team's server would ask, so the app's "password from PGPASSWORD, never in project.json"
path is really taken. Each ``new_database()`` is a new database owned by that role. At the
end (also when anything failed) the server is stopped and the folder removed.

The binaries are the newest ``/usr/lib/postgresql/*/bin`` (Debian) or ``initdb`` on PATH;
``PostgresMissing`` says how to install them (``scripts/install-postgres.sh``).
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import List, Optional

ROLE = "sam_test"
ADMIN = "postgres"
INSTALL_HINT = "scripts/install-postgres.sh installs it (Debian's postgresql; `make test` runs it)"


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


class PostgresFailed(RuntimeError):
    """The throwaway server could not be made or started (the message holds its log)."""


def binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres: the newest Debian version, else
    the one on PATH; PostgresMissing otherwise."""
    def version(folder: str) -> List[int]:
        return [int(n) for n in re.findall(r"\d+", Path(folder).parent.name)] or [0]

    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl", path=str(Path(found).parent)):
        return Path(found).parent
    raise PostgresMissing(f"PostgreSQL is not installed here (no initdb under /usr/lib/postgresql/*/bin or on PATH): "
                          f"{INSTALL_HINT}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A throwaway server: ``start()`` / ``stop()``, or ``with Postgres() as server``.
    ``durable=False`` (the default, for tests) turns off fsync, which only a crash of the
    server itself would notice; benchmarks that time commits pass ``durable=True``.
    ``timezone``: the server's (its sessions' default): not UTC, as many servers are not,
    so times the app shows must be converted, not assumed to be UTC (+05:30: whole-hour
    mistakes show too).
    ``host``, ``port``, ``user`` (the test role), ``password``; ``new_database()``."""

    def __init__(self, durable: bool = False, timezone: str = "Asia/Kolkata", start_timeout: float = 60):
        self.durable, self.timezone, self.start_timeout = durable, timezone, start_timeout
        self.bin = binaries()
        self.host, self.port, self.user = "127.0.0.1", 0, ROLE
        self.password = secrets.token_urlsafe(18)
        self._admin_password = secrets.token_urlsafe(18)
        self.folder: Optional[Path] = None
        self._databases = 0
        self._as_postgres = os.geteuid() == 0 if hasattr(os, "geteuid") else False

    # ------------------------------------------------------------------ life

    def __enter__(self) -> "Postgres":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    def start(self) -> "Postgres":
        self.folder = Path(tempfile.mkdtemp(prefix="sam_app_postgres_"))
        try:
            if self._as_postgres:
                import pwd

                try:
                    user = pwd.getpwnam("postgres")
                except KeyError:
                    raise PostgresMissing("we run as root and there is no `postgres` system user to run initdb as "
                                          f"(it refuses root): {INSTALL_HINT}") from None
                os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._initdb()
            self._launch()
            self._admin(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{self.password}'")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (if it runs) and remove its folder; safe to call twice."""
        if self.folder is None:
            return
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w", "-t", "30", check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def log(self) -> str:
        """The server's log so far (for error messages)."""
        try:
            return (self.folder / "server.log").read_text(errors="replace")
        except (OSError, TypeError):
            return ""

    # ------------------------------------------------------------------ databases

    def url(self, database: str, password: bool = True) -> str:
        secret = f":{self.password}" if password else ""
        return f"postgresql://{self.user}{secret}@{self.host}:{self.port}/{database}"

    def new_database(self) -> str:
        """A new, empty database owned by the test role: its URL with the password."""
        self._databases += 1
        name = f"{ROLE}_{self._databases}"
        self._admin(f"CREATE DATABASE {name} OWNER {ROLE}")
        return self.url(name)

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=ADMIN, password=self._admin_password,
                             dbname="postgres", autocommit=True, connect_timeout=10) as connection:
            connection.execute(statement)

    # ------------------------------------------------------------------ internals

    def _run(self, program: str, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        command = [str(self.bin / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        environment = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        environment.update(LC_ALL="C", LANG="C")
        done = subprocess.run(command, cwd=self.folder, env=environment, capture_output=True, text=True,
                              timeout=timeout)
        if check and done.returncode != 0:
            raise PostgresFailed(f"{program} {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
                                 f"{self.log()[-4000:]}")
        return done

    def _initdb(self) -> None:
        secret = self.folder / "admin-password"
        secret.write_text(self._admin_password + "\n")
        if self._as_postgres:
            os.chown(secret, self.folder.stat().st_uid, self.folder.stat().st_gid)
        try:
            self._run("initdb", "-D", str(self.data), "-U", ADMIN, f"--pwfile={secret}", "--auth=scram-sha-256",
                      "-E", "UTF8", "--locale=C", "--no-instructions", *([] if self.durable else ["--no-sync"]))
        finally:
            secret.unlink(missing_ok=True)

    def _launch(self, tries: int = 5) -> None:
        """pg_ctl start -w on a free port (another one if that port was taken meanwhile)."""
        settings = [f"-c unix_socket_directories='{self.folder}'", "-c listen_addresses=127.0.0.1",
                    "-c max_connections=60", "-c shared_buffers=32MB", f"-c timezone='{self.timezone}'"]
        if not self.durable:
            settings += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        for attempt in range(tries):
            self.port, seen = free_port(), len(self.log())
            done = self._run("pg_ctl", "start", "-w", "-t", str(int(self.start_timeout)), "-D", str(self.data),
                             "-l", str(self.folder / "server.log"), "-o", " ".join([f"-p {self.port}", *settings]),
                             check=False, timeout=self.start_timeout + 30)
            if done.returncode == 0:
                return
            if "already in use" not in self.log()[seen:] or attempt == tries - 1:
                raise PostgresFailed(f"the test PostgreSQL server did not start ({done.stdout}{done.stderr}):\n"
                                     f"{self.log()[-4000:]}")
