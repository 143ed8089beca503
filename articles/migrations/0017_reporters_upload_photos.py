"""Reporters may add photos (the story form's photo chooser has an upload button); changing or
deleting photos stays with the photo desk and editors.

Runs articles.stories.roles.sync_roles again; it is idempotent.
"""

from django.db import migrations


def resync_roles(apps, schema_editor):
    from articles.stories.roles import sync_roles_in_migration

    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_merge_and_resync_roles")]

    operations = [migrations.RunPython(resync_roles, migrations.RunPython.noop)]
