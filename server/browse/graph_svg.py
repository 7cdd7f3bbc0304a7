"""Layout of the neighbourhood picture, rendered as inline SVG by ``_graph.html``.

Server-side SVG needs no JavaScript (so it works under the strict CSP), no vendored library
and no network, prints, and each node is a plain link. Layout: the resource in the middle,
resources linking to it on the left, resources it links to on the right, one row each.
"""

from __future__ import annotations

from server.core.types import JSONObject

NODE_W, NODE_H, ROW = 210, 26, 34
CENTER_W = 220
WIDTH = 1000
LABEL_CHARS = 27
CENTER_CHARS = 25  # bold
EDGE_CHARS = 28


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def neighbours(props: list[JSONObject], incoming: list[JSONObject], cap: int) -> list[JSONObject]:
    """Direct neighbours (IRIs only), one edge each, asserted before inferred, at most ``cap``."""
    cands = []
    for groups, members, direction in ((props, "objects", "out"), (incoming, "subjects", "in")):
        for gr in groups:
            for v in gr[members]:
                if v["kind"] == "iri":
                    cands.append(
                        {
                            "label": v["label"],
                            "href": v["href"],
                            "edge": gr["label"],
                            "dir": direction,
                            "inferred": v["inferred"],
                        }
                    )
    cands.sort(key=lambda c: c["inferred"])  # stable: asserted first, page order kept
    seen: set[str] = set()
    out = []
    for c in cands:
        if c["href"] in seen:
            continue
        seen.add(c["href"])
        out.append(c)
    total = len(out)
    out = out[:cap]
    for c in out:
        c["total"] = total
    return out


def layout(center: dict[str, str], nbrs: list[JSONObject]) -> JSONObject:
    left = [n for n in nbrs if n["dir"] == "in"]
    right = [n for n in nbrs if n["dir"] == "out"]
    rows = max(len(left), len(right), 1)
    height = rows * ROW + 20
    cy = height / 2
    cx = WIDTH / 2
    nodes = [
        {
            "x": cx - CENTER_W / 2,
            "y": cy - NODE_H / 2,
            "w": CENTER_W,
            "h": NODE_H,
            "tx": cx,
            "ty": cy + 4,
            "label": _short(center["label"], CENTER_CHARS),
            "title": center["label"],
            "href": center["href"],
            "center": True,
            "inferred": False,
        }
    ]
    edges = []
    for column, items in (("in", left), ("out", right)):
        top = cy - len(items) * ROW / 2
        for i, n in enumerate(items):
            y = top + i * ROW + (ROW - NODE_H) / 2
            x: float = 10 if column == "in" else WIDTH - 10 - NODE_W
            nodes.append(
                {
                    "x": x,
                    "y": y,
                    "w": NODE_W,
                    "h": NODE_H,
                    "tx": x + NODE_W / 2,
                    "ty": y + NODE_H / 2 + 4,
                    "label": _short(n["label"], LABEL_CHARS),
                    "title": n["label"],
                    "href": n["href"],
                    "center": False,
                    "inferred": n["inferred"],
                }
            )
            ny = y + NODE_H / 2
            if column == "in":  # neighbour -> resource
                x1, y1, x2, y2 = x + NODE_W, ny, cx - CENTER_W / 2, cy
            else:  # resource -> neighbour
                x1, y1, x2, y2 = cx + CENTER_W / 2, cy, x, ny
            # the edge label sits next to the neighbour's box, on the edge
            lx = x + NODE_W + 6 if column == "in" else x - 6
            ly = ny - 3
            edges.append(
                {
                    "x1": x1,
                    "y1": y1,
                    "x2": x2,
                    "y2": y2,
                    "lx": lx,
                    "ly": ly,
                    "anchor": "start" if column == "in" else "end",
                    "label": _short(n["edge"], EDGE_CHARS),
                    "title": n["edge"],
                    "inferred": n["inferred"],
                }
            )
    total = nbrs[0]["total"] if nbrs else 0
    return {"width": WIDTH, "height": height, "nodes": nodes, "edges": edges, "shown": len(nbrs), "total": total}
