"""Give the roles the permissions of models added after 0002_roles (corrections, share links...).

Runs articles.roles.sync_roles again; it is idempotent, so later migrations can do the same
whenever a model is added.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def resync_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    from articles.roles import sync_roles

    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_story_indexes_for_hot_queries"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [migrations.RunPython(resync_roles, migrations.RunPython.noop)]
