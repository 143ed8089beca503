from django.db import migrations


def create_roles(apps, schema_editor):
    from articles.stories.roles import sync_roles_in_migration

    sync_roles_in_migration(apps)


def remove_roles(apps, schema_editor):
    from articles.stories.roles import ROLE_PERMISSIONS

    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
