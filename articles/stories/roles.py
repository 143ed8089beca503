"""The desk's roles as groups of permissions. Used by a data migration and by load_demo."""

ROLE_PERMISSIONS = {
    "Reporter": [
        "articles.add_story",
        "articles.change_story",
        "articles.view_story",
        "articles.view_section",
        "articles.view_author",
        "articles.view_photo",
        # Their own pictures, from the story form's photo chooser; changing photos stays with the photo desk.
        "articles.add_photo",
        "articles.add_byline",
        "articles.change_byline",
        "articles.delete_byline",
        "articles.view_byline",
        "articles.add_placement",
        "articles.change_placement",
        "articles.delete_placement",
        "articles.view_placement",
        "articles.add_taggedstory",
        "articles.change_taggedstory",
        "articles.delete_taggedstory",
        "articles.view_taggedstory",
        "taggit.add_tag",
        "taggit.view_tag",
        # The wire desk: read agency copy, upload it, make drafts from it.
        "articles.view_wireentry",
        "articles.add_wireentry",
        "articles.make_draft_from_wire",
        "articles.view_wireentryversion",
        "articles.view_wirerejection",
        "articles.view_wirestorylink",
    ],
    "Editor": [
        "articles.*",
        "taggit.*",
        "-articles.delete_section",
    ],
    "Photo desk": [
        "articles.add_photo",
        "articles.change_photo",
        "articles.delete_photo",
        "articles.view_photo",
        "articles.view_story",
        "articles.view_placement",
        # The wire desk's items and pictures, but no drafts.
        "articles.view_wireentry",
        "articles.view_wireentryversion",
        "articles.view_wirerejection",
    ],
    "Chief": [
        "articles.*",
        "taggit.*",
        "auth.*",
        # Login limits (django-axes): see who is locked out and unlock them by deleting the attempts.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
        # Two-factor sign-in (django-otp): see a user's authenticator and remove a lost one.
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
    ],
}


def resolve(permission_model, specs: list[str]):
    """Turn "app.codename", "app.*" and "-app.codename" specs into Permission rows."""
    chosen = {}
    for spec in specs:
        negative = spec.startswith("-")
        app_label, codename = spec.lstrip("-").split(".", 1)
        rows = permission_model.objects.filter(content_type__app_label=app_label)
        if codename != "*":
            rows = rows.filter(codename=codename)
        for row in rows:
            if negative:
                chosen.pop(row.pk, None)
            else:
                chosen[row.pk] = row
    return list(chosen.values())


def sync_roles(group_model, permission_model) -> None:
    for name, specs in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(resolve(permission_model, specs))


def sync_roles_in_migration(apps) -> None:
    """For data migrations: make every app's permissions now, then give the roles theirs.

    Permissions are normally made after all migrations (post_migrate); a fresh database needs them
    before the groups can hold them.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
