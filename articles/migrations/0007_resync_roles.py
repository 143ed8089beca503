"""Give the roles the permissions of models added after 0002_roles (corrections, share links...).

Runs articles.roles.sync_roles again; it is idempotent, so later migrations can do the same
whenever a model is added.
"""

from django.db import migrations


def resync_roles(apps, schema_editor):
    from articles.stories.roles import sync_roles_in_migration

    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_story_indexes_for_hot_queries"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [migrations.RunPython(resync_roles, migrations.RunPython.noop)]
