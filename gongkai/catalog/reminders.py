"""The catalogue's part in the daily reminder (gongkai.deadlines.reminders): an item's
publication period (主动公开期限) concerns its author, or every clerk of the agency when the
author's account is gone; while the item awaits its 保密审查, the reviewers too."""

from gongkai.deadlines.reminders import DeadlineOwner

from .states import IN_REVIEW


class ItemDeadlines(DeadlineOwner):
    def queryset(self, model):
        return model.objects.select_related("author")

    def name(self, item, deadline):
        return f"{item.title[:20]}（{item.index_number}）"

    def group(self, item, deadline):
        return f"catalog.item:{item.pk}"

    def recipients(self, item, deadline, context):
        people = context.staff.handler_or_clerks(item.agency_id, item.author)
        if item.status in IN_REVIEW:
            people += context.staff.reviewers(item.agency_id)
        return people
