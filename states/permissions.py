"""The editors' review loop for state requirements, set up by `seed_content`.

State editors may edit state pages and the records they use, and nothing
else; they cannot publish. Every change to a page under the state index goes
through the "State requirements review" workflow, approved by a State
reviewer, who can publish.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

EDITORS = "State editors"
REVIEWERS = "State reviewers"
WORKFLOW = "State requirements review"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def ensure_review_loop(state_index):
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    admin_access = _permission("wagtailadmin", "access_admin")
    for group in (editors, reviewers):
        group.permissions.add(
            admin_access,
            _permission("states", "add_certifyingbody"),
            _permission("states", "change_certifyingbody"),
            _permission("states", "view_certifyingbody"),
            _permission("states", "view_outdatedreport"),
            _permission("states", "change_outdatedreport"),
        )
    _grant_pages(editors, state_index, ["add_page", "change_page"])
    _grant_pages(reviewers, state_index, ["add_page", "change_page", "publish_page"])

    task = GroupApprovalTask.objects.filter(name="State review").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="State review")
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=state_index, defaults={"workflow": workflow})
    return workflow
