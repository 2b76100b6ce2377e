"""The newsroom's three roles as Django groups with Wagtail permissions.

- Reporter: writes and edits their own drafts, uploads pictures; cannot publish.
- Editor: edits, approves and publishes anything; runs breaking news, live-blog
  updates, coverage topics, authors and regions.
- Chief editor: everything an editor does, plus users, site settings, redirects and
  webhooks.

`roles_setup()` is idempotent. It runs after every `migrate` (post_migrate), because model
permissions only exist once all apps have migrated, and is also the `roles` command.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
)

REPORTER = "Reporter"
EDITOR = "Editor"
CHIEF_EDITOR = "Chief editor"

# Wagtail page permissions, granted on the root so they cover every edition.
PAGE_PERMISSIONS = {
    REPORTER: ["add"],
    EDITOR: ["add", "change", "publish", "lock", "unlock"],
    CHIEF_EDITOR: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}

# Pictures and documents, granted on the root collection.
COLLECTION_PERMISSIONS = {
    REPORTER: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}
COLLECTION_PERMISSIONS[EDITOR] = COLLECTION_PERMISSIONS[REPORTER] + [
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
]
COLLECTION_PERMISSIONS[CHIEF_EDITOR] = COLLECTION_PERMISSIONS[EDITOR]


def crud(model):
    app_label, name = model.split(".")
    return [f"{app_label}.{action}_{name}" for action in ("add", "change", "delete", "view")]


MODEL_PERMISSIONS = {
    # Translating makes a draft copy in another edition (docs/editions.md): like writing a
    # story, anyone may start one; publishing it is still an editor's call.
    REPORTER: ["wagtailadmin.access_admin", "simple_translation.submit_translation"],
}
MODEL_PERMISSIONS[EDITOR] = MODEL_PERMISSIONS[REPORTER] + [
    *crud("live.breakingitem"),
    *crud("live.liveupdate"),
    *crud("news.coverage"),
    *crud("news.author"),
    *crud("news.region"),
]
MODEL_PERMISSIONS[CHIEF_EDITOR] = MODEL_PERMISSIONS[EDITOR] + [
    *crud("newsroom.user"),
    "auth.view_group",
    "core.change_sitesettings",
    *crud("wagtailredirects.redirect"),
    *crud("webhooks.webhook"),
    "webhooks.view_webhookdelivery",
]

ROLES = (REPORTER, EDITOR, CHIEF_EDITOR)


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def roles_setup(using="default"):
    """Create or bring up to date the three groups and exactly their permissions."""
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([permission(name) for name in MODEL_PERMISSIONS[role]])
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group).delete()
            for kind in PAGE_PERMISSIONS[role]:
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=permission(f"wagtailcore.{kind}_page")
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group).delete()
            for name in COLLECTION_PERMISSIONS[role]:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=permission(name)
                )
        groups[role] = group
    review_by_editors(groups[EDITOR], groups[CHIEF_EDITOR])
    # Wagtail's starter groups would sit confusingly beside ours; drop them while unused.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    return groups


def review_by_editors(*groups):
    """Stories submitted for review are approved by editors: Wagtail's starter approval
    task ("Moderators approval", on the whole tree) becomes "Editor review"."""
    task = GroupApprovalTask.objects.filter(name__in=["Moderators approval", "Editor review"])
    task = task.first() or GroupApprovalTask.objects.create(name="Editor review")
    if task.name != "Editor review":
        task.name = "Editor review"
        task.save(update_fields=["name"])
    task.groups.set(groups)
    Workflow.objects.filter(name="Moderators approval").update(name="Editor review")


def roles_after_migrate(sender, using="default", **kwargs):
    # Once per migrate: on the last app's signal (only apps with models get one), when
    # every app's permissions exist.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.name == with_models[-1].name:
        roles_setup(using=using)
