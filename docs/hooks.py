"""MkDocs hooks (``hooks:`` in mkdocs.yml); this file is not a page (``exclude_docs``).

- ``on_page_markdown``: replaces markers such as ``<!-- generated: settings -->`` by the Markdown
  that ``server.cli.docs.expand`` generates from the settings declarations, the ``policykg``
  commands and ``queries/*.rq``, so every build shows the current declarations.
- ``on_files``: adds the screenshots of ``server/static/docs/`` to the site as ``img/...``,
  so that they are kept in one place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the checkout's `server` package, installed or not
    sys.path.insert(0, str(ROOT))

SCREENSHOTS = ROOT / "server" / "static" / "docs"


def on_files(files, config):
    for path in sorted(SCREENSHOTS.glob("*.png")):
        files.append(File.generated(config, f"img/{path.name}", abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    from server.cli.docs import expand

    return expand(markdown)
