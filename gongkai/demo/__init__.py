"""The demonstration data: 商丘市人民政府 and its departments, with the seed agency
商丘市工业和信息化委员会 (411400-gxw) reproducing its 2017 annual report.

A small app of its own, with no models, that owns `gongkai demo`. It is installed by the local
and test settings only: a production install has no command that creates accounts with known
passwords. The demo imports the runtime apps (their services, selectors and models); no runtime
app imports the demo.

Layout: `load.py` is the one entry point, calling each part's loader in order (`agencies.py`,
`accounts.py`, `applications.py`, `appeals.py`, `catalog/`, `engagement.py`, `facts.py`,
`powerlists.py`, `reports.py`); the words and figures they load are plain constants in `data/`.
"""
