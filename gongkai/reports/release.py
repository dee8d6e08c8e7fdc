"""The release check of a report's exports (core.release): what the public downloads from the
年报 column is the report as DOCX and XLSX (the PDF and the page carry the same text), so those
files are examined for personal data typed into the text (an ID or mobile number, a
个体工商户's credit code) before the report is published."""

from gongkai.core.hidden_content import check_file
from gongkai.core.release import Release, generated

from .presentation import export_input
from .selectors import latest_narrative, report_data

EXAMINED = ("docx", "xlsx")
# The exporters write the document properties themselves (the agency as author, the report's
# title): what the check says about them is known and names no person.
OWN_PROPERTIES = frozenset({"metadata", "metadata_person"})


def export_releases(report) -> list[Release]:
    from .exporters import export

    narrative = latest_narrative(report)
    inp = export_input(report_data(report), report.agency, narrative.sections if narrative else {})
    releases = []
    for kind in EXAMINED:
        body = export(inp, kind)
        name = f"{report.agency.code}-{report.year}-v{report.version}.{kind}"
        findings = [
            vars(finding)
            for finding in check_file(body, name)
            if finding.kind not in OWN_PROPERTIES
        ]
        releases.append(generated(report, name, body, findings))
    return releases
