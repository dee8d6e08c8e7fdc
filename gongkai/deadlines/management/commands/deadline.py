"""`gongkai deadline`: the reply deadline of an application, with its explanation."""

import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DomainError
from gongkai.deadlines.compute import Pause, parse_date, reply_deadline
from gongkai.regimes import get_regime
from gongkai.workdays.selectors import provisional_calendar


class Command(BaseCommand):
    help = (
        "计算政府信息公开申请的答复期限（按中国工作日，含节假日与调休），并说明计算过程。"
        "节假日安排尚未公布的年份按《全国年节及纪念日放假办法》推算，结果标为暂定。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--received", required=True, help="收到申请之日，YYYY-MM-DD")
        parser.add_argument(
            "--regime", help="条例版本 2019 或 2008；默认按收到申请之日确定（2019-05-15 起为 2019）"
        )
        parser.add_argument("--extended", action="store_true", help="同时计算延长后的期限")
        parser.add_argument(
            "--pause",
            action="append",
            default=[],
            metavar="START:END",
            help="不计入期限的区间（如征求第三方意见），可重复",
        )
        parser.add_argument("--restart", help="补正后重新起算之日（收到补正申请之日）")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, **options):
        try:
            result = reply_deadline(
                calendar=provisional_calendar(),
                received=parse_date(options["received"], what="收到申请之日"),
                regime=get_regime(options["regime"]) if options["regime"] else None,
                extended=options["extended"],
                pauses=[Pause.parse(text) for text in options["pause"]],
                restart=parse_date(options["restart"], what="重新起算之日")
                if options["restart"]
                else None,
            )
        except DomainError as error:
            raise CommandError(error.message, returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"适用条例：{result.regime.name}")
        self.stdout.write(f"收到申请：{result.received.isoformat()}")
        mark = "（暂定）" if result.provisional else ""
        self.stdout.write(f"答复期限：{result.due.isoformat()}{mark}")
        if result.extended_due:
            mark = "（暂定）" if result.extended_provisional else ""
            self.stdout.write(f"延长后期限：{result.extended_due.isoformat()}{mark}")
        self.stdout.write("计算说明：")
        for line in result.explanation:
            self.stdout.write(f"  · {line}")
