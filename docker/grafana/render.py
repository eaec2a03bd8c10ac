#!/usr/bin/env python3
"""Renders a dashboard of docker/grafana/dashboards against a Prometheus, without Grafana: every panel's queries
run as range queries and are drawn as SVG line charts (stat and bar panels: the last values) in one HTML page.
For machines where Grafana cannot run (the screenshots in docs/operations.md were made this way):

  docker/grafana/render.py DASHBOARD.json http://127.0.0.1:9090 out.html [--job quota-service] [--minutes 60]
                           [--end UNIX_SECONDS]
  chromium --headless --screenshot=out.png --window-size=1600,2400 out.html
"""
import argparse
import html
import json
import time
import urllib.parse
import urllib.request

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]


def query_range(prometheus, expr, start, end, step):
    url = prometheus + "/api/v1/query_range?" + urllib.parse.urlencode(
        {"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(url, timeout=30) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise RuntimeError(f"{expr}: {body}")
    return body["data"]["result"]


def legend(fmt, metric):
    if not fmt:
        return ", ".join(f"{k}={v}" for k, v in metric.items() if k != "__name__") or "value"
    out = fmt
    for k, v in metric.items():
        out = out.replace("{{" + k + "}}", v)
    return out


def fmt_value(v, unit):
    if unit == "percentunit":
        return f"{v * 100:.1f}%"
    if unit == "bytes":
        for u in ["B", "KiB", "MiB", "GiB"]:
            if abs(v) < 1024:
                return f"{v:.0f} {u}"
            v /= 1024
        return f"{v:.1f} TiB"
    if unit == "s":
        return f"{v * 1000:.0f} ms" if abs(v) < 1 else f"{v:.1f} s"
    return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"


def chart(series, start, end, unit, width=560, height=200):
    pad_l, pad_b = 70, 20
    values = [v for s in series for _, v in s["points"]]
    if not values:
        return '<p class="empty">no data</p>'
    lo, hi = min(0.0, min(values)), max(values)
    if hi == lo:
        hi = lo + 1
    def x(t):
        return pad_l + (t - start) / (end - start) * (width - pad_l - 10)
    def y(v):
        return 10 + (1 - (v - lo) / (hi - lo)) * (height - pad_b - 10)
    parts = [f'<svg width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{pad_l}" y1="{y(lo)}" x2="{width - 10}" y2="{y(lo)}" stroke="#999"/>',
             f'<text x="4" y="{y(hi) + 4}" font-size="11">{html.escape(fmt_value(hi, unit))}</text>',
             f'<text x="4" y="{y(lo)}" font-size="11">{html.escape(fmt_value(lo, unit))}</text>',
             f'<text x="{pad_l}" y="{height - 4}" font-size="11">{time.strftime("%H:%M", time.gmtime(start))} UTC</text>',
             f'<text x="{width - 70}" y="{height - 4}" font-size="11">{time.strftime("%H:%M", time.gmtime(end))} UTC</text>']
    for i, s in enumerate(series):
        pts = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in s["points"])
        parts.append(f'<polyline fill="none" stroke="{COLOURS[i % len(COLOURS)]}" stroke-width="1.6" points="{pts}"/>')
    parts.append("</svg>")
    return "".join(parts)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("dashboard")
    a.add_argument("prometheus")
    a.add_argument("out")
    a.add_argument("--job", default="quota-service")
    a.add_argument("--minutes", type=int, default=60)
    a.add_argument("--end", type=float, default=None)
    args = a.parse_args()
    with open(args.dashboard) as f:
        dashboard = json.load(f)
    end = args.end or time.time()
    start = end - args.minutes * 60
    step = max(5, int(args.minutes * 60 / 240))
    cards = []
    for panel in dashboard["panels"]:
        unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit")
        series = []
        for target in panel["targets"]:
            expr = target["expr"].replace("$job", args.job)
            for r in query_range(args.prometheus, expr, start, end, step):
                points = [(float(t), float(v)) for t, v in r["values"] if v not in ("NaN", "+Inf", "-Inf")]
                series.append({"name": legend(target.get("legendFormat"), r["metric"]), "points": points})
        if panel["type"] in ("stat", "bargauge"):
            body = "".join(
                f'<div class="stat"><span>{html.escape(s["name"])}</span>'
                f'<b>{html.escape(fmt_value(s["points"][-1][1], unit)) if s["points"] else "-"}</b></div>'
                for s in series) or '<p class="empty">no data</p>'
        else:
            body = chart(series, start, end, unit) + '<div class="legend">' + "".join(
                f'<span><i style="background:{COLOURS[i % len(COLOURS)]}"></i>{html.escape(s["name"])}</span>'
                for i, s in enumerate(series[:12])) + "</div>"
        queries = "".join(f"<code>{html.escape(t['expr'])}</code>" for t in panel["targets"])
        wide = " wide" if panel["gridPos"]["w"] > 12 else ""
        cards.append(f'<section class="panel{wide}"><h2>{html.escape(panel["title"])}</h2>{body}'
                     f'<details><summary>query</summary>{queries}</details></section>')
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(dashboard['title'])}</title>
<style>body{{font-family:sans-serif;background:#111217;color:#ccccdc;margin:16px}}
h1{{font-size:20px}} .grid{{display:grid;grid-template-columns:repeat(2,600px);gap:12px}}
.panel{{background:#181b1f;border:1px solid #2c3235;padding:8px 12px}} .panel.wide{{grid-column:span 2}}
h2{{font-size:14px;margin:4px 0 8px}} svg text{{fill:#ccccdc}} .legend span{{font-size:11px;margin-right:10px}}
.legend i{{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}}
.stat{{display:inline-block;margin:4px 14px 4px 0}} .stat span{{display:block;font-size:11px}}
.stat b{{font-size:24px;color:#73bf69}} .empty{{color:#888}} code{{display:block;font-size:10px;color:#888}}
details{{margin-top:4px}} summary{{font-size:11px;color:#888}}</style></head><body>
<h1>{html.escape(dashboard['title'])}</h1><p>{html.escape(dashboard.get('description', ''))}
 ({time.strftime('%Y-%m-%d %H:%M', time.gmtime(start))} to {time.strftime('%H:%M', time.gmtime(end))} UTC,
 rendered from {html.escape(args.dashboard)} by docker/grafana/render.py)</p>
<div class="grid">{''.join(cards)}</div></body></html>"""
    with open(args.out, "w") as f:
        f.write(page)


if __name__ == "__main__":
    main()
