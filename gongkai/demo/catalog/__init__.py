"""Demo catalogue (主动公开目录) for the demo agencies. Deterministic (fixed random seed).

The seed agency 商丘市工业和信息化委员会 (411400-gxw) in 2017 reproduces its annual report:
395 主动公开 items published on the working days of 2017, each on exactly one channel —
77 政府门户网站 (`portal`), 52 政务微博 (`weibo`), 53 政务微信 (`wechat`) and the report's 213
“其他方式” split as 200 on the agency's own website (`agency_website`) and 13 in 报刊、广播、电视
(`media`). No 规范性文件 that year. Its two 政策解读 are among the 395, as is the policy the
first one interprets:

- May 2017, 文字解读 《关于支持工业企业开展大众创业万众创新的实施意见》解读, interpreting the
  agency's own item 《商丘市2017年企业服务工作实施方案》(商企服〔2017〕6号, March 2017);
- December 2017, 图解 (on the portal) of 《商丘市人民政府办公室关于促进酒业健康发展的意见》,
  which is the city government's (411400) document: it is in the city's catalogue, imported
  before the seed agency's rows so the 图解 can reference its 索引号.

Every other demo agency except the province (the city government, its departments, 睢阳区 and
its 教体局), and the seed agency too, gets 30–80 items a year for 2019–2026 (published up to
2026-11-20): mostly on the agency's website (the city's own on the portal) with some portal,
微博, 微信, 公报 and media records; a few 规范性文件 a year (some later 废止 or 已修订 through the
register services), interpretations of some of them, a few 依申请公开 / 不予公开 records (not
published) and, in November 2026, a few drafts. A handful of items carry a small DOCX.

Everything goes through `catalog_import` as a history migration by the demo's catalogue
importer (an administrator of each agency), so the rows are checked exactly like an uploaded
file and numbered by the default 索引号 scheme `{统一社会信用代码}/{法定分类代码}-{year}-{serial:05d}`;
then a reviewer who is not the importer approves each agency's batch (`batch_approve`), which
publishes the migrated rows on their own 发布日期 and indexes them for search. Nothing is
published without its 保密审查 row.

Modules: `load.py` (the entry point, `load_catalog`), `book.py` (one agency's rows), `years.py`
(2019–2026), `seed.py` (the seed's 2017), `bodies.py` and `words.py` (generated text); the
words themselves are in `gongkai/demo/data/catalog*.py`.
"""

from .load import load_catalog

__all__ = ["load_catalog"]
