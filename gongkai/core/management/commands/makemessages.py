"""makemessages that also collects `_l(...)` (gettext_lazy imported as _l beside gettext as _)."""

from django.core.management.commands.makemessages import Command as MakeMessagesCommand


class Command(MakeMessagesCommand):
    xgettext_options = [*MakeMessagesCommand.xgettext_options, "--keyword=_l"]
