"""API tokens in the admin: each desk user makes and revokes their own, and sees no one else's.

The secret exists in the clear once, in the message after saving; the row keeps only its digest.
Revoking keeps the row (and its last use) for the record.
"""

from django.contrib import admin, messages
from django.utils import timezone

from articles.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "key_id", "created", "last_used", "revoked_at"]
    fields = ["name", "key_id", "created", "last_used", "revoked_at"]
    readonly_fields = ["key_id", "created", "last_used", "revoked_at"]
    actions = ["revoke"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    # Every desk user may manage their own tokens: no model permission needed beyond being staff.
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (obj is None or obj.user_id == request.user.pk)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj) and (obj is None or obj.revoked_at is None)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        obj.user = request.user
        secret = obj.set_secret()
        super().save_model(request, obj, form, change)
        messages.warning(
            request,
            f"Your new token “{obj.name}”: {secret} — copy it now; it will not be shown again. "
            "Send it as: Authorization: Bearer <token>.",
        )

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} token{'s' if count != 1 else ''}.", messages.SUCCESS)
