"""Alembic's environment for project databases: always run from ``database.migrate``,
which hands over its connection (``config.attributes["connection"]``)."""

from alembic import context

from sam_app.projects.schema import SCHEMA

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SCHEMA, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
