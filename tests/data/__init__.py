"""Files the tests read, kept in the repository so that a plain clone runs every test.

Copied byte for byte from the project's shared material; SOURCES.md says where each came from.
"""

from pathlib import Path

DATA = Path(__file__).resolve().parent

# Sixteen 政府信息公开工作年度报告 as published in 平潭 (2011–2023); each file's first line is its source.
CORPUS = DATA / "corpus"

# The seed agency's (商丘市工业和信息化委员会) 2017 report, the old 统计表 with '|' between cells.
SEED = DATA / "seed" / "000_63de72211d80d31d.txt"

# The report formats' rows, columns and sections as printed (keys, labels, hierarchy).
REFERENCE_FORMATS = DATA / "reference" / "report_formats.json"
