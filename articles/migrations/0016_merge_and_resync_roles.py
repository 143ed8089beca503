"""Joins the branches of this round (wire desk, API tokens, ...) and gives the roles the permissions
of what they added: the Chief role's django-otp rights (see and remove a user's authenticator).

Runs articles.stories.roles.sync_roles again; it is idempotent.
"""

from django.db import migrations


def resync_roles(apps, schema_editor):
    from articles.stories.roles import sync_roles_in_migration

    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_wire_desk"),
        ("articles", "0012_api_tokens"),
        ("articles", "0013_invalidation_outbox"),
        ("articles", "0014_photos_in_the_body"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(resync_roles, migrations.RunPython.noop)]
