"""The workflow buttons and bulk actions on the story admin: each calls one service.

A button saves the form and then calls its service; when the service refuses, the whole save
is rolled back and the form comes back with the user's text and the service's message. A button
or action a user may not use answers 403, hand-made POSTs included.
"""

from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from articles.dates import desk_time
from articles.models import Story, StoryStatus
from articles.stories import permissions, workflow

# --- Workflow buttons ----------------------------------------------------------------


class _WorkflowRefused(Exception):
    """A service refused the button's transition; carries its ValidationError out of the transaction."""

    def __init__(self, error: ValidationError):
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class WorkflowButton:
    name: str  # the POST key
    label: str
    publisher_only: bool
    confirm: str = ""


SUBMIT = WorkflowButton("_submit_story", "Submit for editing", publisher_only=False)
PUBLISH_NOW = WorkflowButton("_publish_now", "Publish now", publisher_only=True)
SCHEDULE = WorkflowButton("_schedule", "Schedule for the publish time", publisher_only=True)
BACK_TO_DRAFT = WorkflowButton("_back_to_draft", "Back to draft", publisher_only=True)
UNSCHEDULE = WorkflowButton("_back_to_draft", "Unschedule (back to draft)", publisher_only=True)
WITHDRAW = WorkflowButton(
    "_withdraw",
    "Withdraw",
    publisher_only=True,
    confirm="Withdraw this story? It disappears from every page, feed and list at once.",
)
WORKFLOW_BUTTONS = {button.name: button for button in (SUBMIT, PUBLISH_NOW, SCHEDULE, BACK_TO_DRAFT, WITHDRAW)}


def _run_workflow(name: str, story: Story, user) -> str:
    """Call the service behind a button; return the message for the desk."""
    if name == SUBMIT.name:
        workflow.story_submit(story=story, user=user)
        return f"“{story}” was submitted for editing. The desk takes it from here."
    if name == PUBLISH_NOW.name:
        workflow.story_publish(story=story, user=user)
        return f"“{story}” is published and live."
    if name == SCHEDULE.name:
        if story.publish_at is None:
            raise ValidationError({"publish_at": ["Set a publish time in the future to schedule the story."]})
        workflow.story_publish(story=story, user=user, publish_at=story.publish_at)
        return f"“{story}” is scheduled for {desk_time(story.publish_at)}."
    if name == WITHDRAW.name:
        workflow.story_withdraw(story=story, user=user)
        return f"“{story}” was withdrawn. It is off the site and stays here in the admin."
    workflow.story_return_to_draft(story=story, user=user)
    return f"“{story}” is a draft again."


class StoryWorkflowMixin:
    """For StoryAdmin: the buttons on the change form and the bulk actions on the list."""

    def _refuse_unavailable_actions(self, request) -> None:
        """A hand-made POST naming an action this user is not offered is refused, not ignored."""
        known = {action if isinstance(action, str) else action.__name__ for action in self.actions or ()}
        known |= {name for name, _func in self.admin_site.actions}
        requested = set(request.POST.getlist("action"))
        if requested & (known - set(self.get_actions(request))):
            raise PermissionDenied

    # --- Bulk actions: the same services as the buttons

    def _run_bulk(self, request, queryset, service, done: str) -> None:
        succeeded = 0
        # One transaction: a story the user may not touch (403) undoes the whole batch.
        with transaction.atomic():
            for story in queryset:
                try:
                    service(story=story, user=request.user)
                except ValidationError as error:
                    self.message_user(request, f"“{story}”: {' '.join(error.messages)}", messages.ERROR)
                else:
                    succeeded += 1
        if succeeded:
            noun = "story" if succeeded == 1 else "stories"
            self.message_user(request, f"{succeeded} {noun} {done}.", messages.SUCCESS)

    @admin.action(description="Submit selected drafts for editing", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._run_bulk(request, queryset, workflow.story_submit, "submitted for editing")

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run_bulk(request, queryset, workflow.story_publish, "published")

    @admin.action(description="Withdraw selected stories", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._run_bulk(request, queryset, workflow.story_withdraw, "withdrawn")

    # --- The change form: buttons, locking, presence

    def _requested_button(self, request) -> WorkflowButton | None:
        if request.method != "POST":
            return None
        return next((button for name, button in WORKFLOW_BUTTONS.items() if name in request.POST), None)

    def add_view(self, request, form_url="", extra_context=None):
        return self._view_with_workflow(super().add_view, request, form_url=form_url, extra_context=extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._view_with_workflow(
            super().change_view, request, object_id, form_url=form_url, extra_context=extra_context
        )

    def _view_with_workflow(self, view, request, *args, **kwargs):
        button = self._requested_button(request)
        if button and button.publisher_only and not permissions.user_can_publish(request.user):
            raise PermissionDenied
        request.story_workflow_button = button
        try:
            return view(request, *args, **kwargs)
        except _WorkflowRefused as refused:
            # Everything of the first pass was rolled back. Show the same POST again, with
            # the refusal on the form, so nothing is saved and nothing typed is lost.
            request.story_workflow_button = None
            request.story_workflow_refusal = refused.error
            return view(request, *args, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        story = form.instance
        button = getattr(request, "story_workflow_button", None)
        try:
            if button is not None:
                request.story_workflow_done = _run_workflow(button.name, story, request.user)
            elif story.status == StoryStatus.PUBLISHED:
                problems = workflow.story_publish_problems(story)
                if problems:
                    problems.setdefault(NON_FIELD_ERRORS, []).insert(
                        0, "This story is published, so every save must meet the publishing rules."
                    )
                    raise ValidationError(problems)
        except ValidationError as error:
            raise _WorkflowRefused(error) from error

    def response_add(self, request, obj, post_url_continue=None):
        done = getattr(request, "story_workflow_done", None)
        if done:
            self.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        done = getattr(request, "story_workflow_done", None)
        if done:
            self.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def _workflow_buttons(self, request, obj) -> list[WorkflowButton]:
        publisher = permissions.user_can_publish(request.user)
        if obj is None or obj.status == StoryStatus.DRAFT:
            buttons = [SUBMIT, PUBLISH_NOW, SCHEDULE]
        elif obj.status == StoryStatus.SUBMITTED:
            buttons = [PUBLISH_NOW, SCHEDULE, BACK_TO_DRAFT]
        elif obj.status == StoryStatus.WITHDRAWN:
            buttons = [BACK_TO_DRAFT]
        elif obj.is_live():
            buttons = [WITHDRAW]
        else:
            buttons = [PUBLISH_NOW, SCHEDULE, UNSCHEDULE, WITHDRAW]
        return [button for button in buttons if publisher or not button.publisher_only]
