"""The first schema of a project database.

Revision ID: 0001
Revises:
Create Date: 2026-12-06

It creates the tables as ``projects.schema`` defines them at this revision. A later
revision changes them with ``op`` calls of its own and, in the same change, freezes here
the table definitions of this revision (so that a new database still starts from them).
"""

from alembic import op

from sam_app.projects.schema import SCHEMA

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    SCHEMA.create_all(bind=op.get_bind())


def downgrade() -> None:
    SCHEMA.drop_all(bind=op.get_bind())
