"""The projects a web UI may open: the one folder it was started with (``--project``)
or the project folders directly under ``--projects-dir``. The page names a project;
only names this library lists are opened, so a visitor cannot make the server open a
folder of its choosing (and a project's images are read only under its image root).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Dict, List, Optional

from ..errors import shorten
from .database import CONFIG, ProjectError
from .store import Project


class Library:
    """project: one project folder; projects_dir: a folder of project folders (either or
    both). Open projects are kept (one engine each) for the life of the process."""

    def __init__(self, project: Optional[Path] = None, projects_dir: Optional[Path] = None):
        self.project = Path(project).resolve() if project else None
        self.projects_dir = Path(projects_dir).resolve() if projects_dir else None
        if self.project is not None and not (self.project / CONFIG).is_file():
            raise ProjectError(f"--project {project} is not a project folder (no {CONFIG}); make one with "
                               "`sam-app project create DIR --images IMAGES --classes a,b`")
        if self.projects_dir is not None and not self.projects_dir.is_dir():
            raise ProjectError(f"--projects-dir {projects_dir} is not a folder")
        self._open: Dict[Path, Project] = {}
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return self.project is not None or self.projects_dir is not None

    def folders(self) -> Dict[str, Path]:
        """name -> folder of every project this library offers, in name order."""
        found = {}
        if self.project is not None:
            found[self.project.name] = self.project
        if self.projects_dir is not None:
            for folder in sorted(self.projects_dir.iterdir()):
                if (folder / CONFIG).is_file() and not folder.is_symlink():
                    found.setdefault(folder.name, folder)
        return found

    def names(self) -> List[str]:
        return list(self.folders())

    def open(self, name: str) -> Project:
        """The project called ``name`` (ProjectError for a name this library does not offer)."""
        folder = self.folders().get(name) if isinstance(name, str) else None
        if folder is None:
            offered = ", ".join(self.names()) or "none"
            raise ProjectError(f"no project {shorten(name)} here; the projects are: {offered}")
        with self._lock:
            project = self._open.get(folder)
            if project is None:
                project = self._open[folder] = Project.open(folder)
        return project

    def close(self) -> None:
        with self._lock:
            for project in self._open.values():
                project.close()
            self._open.clear()
