"""Alembic environment for crosswire's store, run programmatically by `crosswire.store.migrate`.

There is no alembic.ini: the caller passes an open connection, already inside the transaction (and
holding the lock) that serialises concurrent opens, through `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError(
        "crosswire migrations run on an open connection via crosswire.store.migrate.upgrade_to_head(); "
        "the alembic command line and offline (--sql) mode are not supported"
    )

context.configure(connection=connection, transactional_ddl=True)
# The caller's transaction is already open, so this is a no-op wrapper: every migration step and the
# version-table update commit (or roll back) together with it.
with context.begin_transaction():
    context.run_migrations()
