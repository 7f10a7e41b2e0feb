"""Alembic's migrations of the project database (``env.py``, ``versions/``); applied by
``projects.database.migrate`` whenever a project is opened."""
