"""Annotation projects: a folder of images labelled with classes over days, saved as
people go, in SQLite (the project folder's ``project.db``) or PostgreSQL.

    from sam_app.projects import Project
    project = Project.create("proj", images="photos/", classes=["person", "car"])
    project = Project.open("proj")          # later, in any process

``schema`` the tables, ``database`` where they live and how they are migrated,
``records`` what a row is, ``store`` the project and its changes, ``report`` status and
check.
"""

from .database import ProjectError  # noqa: F401
from .records import ClassRecord, ImageRecord, ListedImage, ObjectRecord  # noqa: F401
from .store import ConflictError, Project  # noqa: F401
