"""The stages of a run as plain functions over a Store.

The Prefect flow in ``flows/`` calls these in order and adds retries, logging and artifacts;
tests call them directly. No stage imports Prefect.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from crosscheck import align, config, embed, events, judge
from crosscheck.ingest import IngestResult, read_folder
from crosscheck.models import Article, sha256
from crosscheck.nlp import extract, sentences
from crosscheck.progress import PlainProgress, Progress
from crosscheck.store import Store

log = logging.getLogger("crosscheck.pipeline")


@dataclass
class IngestPlan:
    """What this run must (re)process: articles whose content hash changed or is new."""

    result: IngestResult
    changed: list[Article] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def plan_ingest(store: Store, folder: Path, run_id: str) -> IngestPlan:
    result = read_folder(folder)
    known = store.known_hashes()
    changed = [a for a in result.articles if known.get(a.article_id) != a.content_hash]
    present = {a.article_id for a in result.articles}
    removed = sorted(set(known) - present)
    store.remove_articles(removed)
    store.con.execute("DELETE FROM skipped WHERE run_id = ?", [run_id])
    store.record_skips(run_id, result.skipped)
    return IngestPlan(result, changed, removed)


def parse_and_extract(store: Store, articles: list[Article], progress: Progress | None = None) -> int:
    """Parse, split and extract; each article is committed on its own so a crash resumes."""
    progress = progress or PlainProgress(quiet=True)
    n_claims = 0
    with progress.stage("articles parsed", len(articles)) as bar:
        for article, doc in sentences.parse_articles(articles):
            sents = sentences.sentences_of(article, doc)
            claims = extract.extract_claims(article, doc, sents)
            lead = events.lead_text(article.title, sents)
            store.replace_article(article, sents, claims)
            store.con.execute(
                "UPDATE articles SET lead_text = ?, lead_hash = ? WHERE article_id = ?",
                [lead, sha256(lead), article.article_id],
            )
            n_claims += len(claims)
            bar.advance()
    return n_claims


def embed_missing(store: Store, progress: Progress | None = None) -> int:
    progress = progress or PlainProgress(quiet=True)
    todo = store.texts_to_embed()
    hashes, texts = todo["text_hash"].tolist(), todo["text"].tolist()
    with progress.stage("sentences embedded", len(texts)) as bar:

        def keep(off: int, vecs) -> None:
            store.put_embeddings(hashes[off : off + len(vecs)], vecs, config.MODEL_NAME)
            bar.advance(len(vecs))

        embed.encode_in_batches(texts, keep)
    return len(texts)


def align_claims(store: Store) -> int:
    align.assign_events(store)
    return align.candidate_pairs(store)


def judge_pairs(store: Store, run_id: str, progress: Progress | None = None) -> int:
    progress = progress or PlainProgress(quiet=True)
    pairs = store.query("pairs_to_judge")
    verdict_rows, disc_rows = [], []
    with progress.stage("pairs judged", len(pairs)) as bar:
        for rec in pairs.to_dict("records"):
            a = {k[2:]: _clean(v) for k, v in rec.items() if k.startswith("a_")}
            b = {k[2:]: _clean(v) for k, v in rec.items() if k.startswith("b_")}
            v = judge.judge(a, b)
            did = sha256("|".join(sorted((a["claim_id"], b["claim_id"]))))[:16]
            verdict_rows.append(
                {"claim_a": a["claim_id"], "claim_b": b["claim_id"], "verdict": "conflict" if v.conflict else "consistent",
                 "discrepancy_id": did if v.conflict else None}
            )
            if v.conflict:
                disc_rows.append(
                    {
                        "discrepancy_id": did, "claim_a": a["claim_id"], "claim_b": b["claim_id"], "kind": a["kind"],
                        "event_id": rec["event_id"], "grp": sha256(f"{rec['event_id']}|{a['kind']}|{a['subject']}")[:12],
                        "subject": a["subject"], "severity": v.severity, "similarity": float(rec["similarity"]),
                        "explanation": v.explanation, "superseded": v.superseded, "run_id": run_id,
                    }
                )
            bar.advance()
    if verdict_rows:
        store.con.register("_verdicts", pd.DataFrame(verdict_rows))
        store.run_sql("record_verdicts")
        store.con.unregister("_verdicts")
    if disc_rows:
        store.con.register("_discrepancies", pd.DataFrame(disc_rows))
        store.run_sql("upsert_discrepancies")
        store.con.unregister("_discrepancies")
    return len(disc_rows)


def _clean(v):
    """pandas hands back NaN for SQL NULL; the judge wants None."""
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def write_reports(store: Store, run_id: str, out_dir: Path, outcome) -> dict:
    """report.json (contract), report.md and report.html; returns the run summary."""
    from crosscheck.reports import json as report_json

    out_dir.mkdir(parents=True, exist_ok=True)
    report = report_json.build_report(store, run_id)
    paths = {"json": out_dir / "report.json", "md": out_dir / "report.md", "html": out_dir / "report.html",
             "db": store.path}
    if outcome is not None and getattr(outcome, "data_docs_index", None):
        paths["data_docs"] = outcome.data_docs_index
        report["data_docs"] = str(outcome.data_docs_index)
    if outcome is not None:
        report["checks"] = {"success": bool(outcome.success),
                            "failed": [r.get("name") for r in outcome.results if not r.get("success")]}
    write_json(paths["json"], report)
    from crosscheck.reports.html import render_html
    from crosscheck.reports.markdown import render_markdown

    paths["md"].write_text(render_markdown(report), encoding="utf-8")
    paths["html"].write_text(render_html(report), encoding="utf-8")
    return {"run_id": run_id, "report": report, "paths": paths,
            "articles": len(report["articles"]), "skipped": len(report["skipped"]),
            "claims": sum(a["claims"] for a in report["articles"]),
            "discrepancies": len(report["discrepancies"])}


def finish(store: Store, run_id: str, plan: IngestPlan, summary: dict) -> None:
    report = summary["report"]
    new = sum(1 for d in report["discrepancies"] if d.get("status") == "new")
    resolved = store.con.execute(
        "SELECT count(*) FROM discrepancies WHERE last_run_id <> ? AND last_run_id = "
        "(SELECT max(run_id) FROM runs WHERE run_id < ?)", [run_id, run_id]).fetchone()[0]
    summary["new"], summary["resolved"] = new, resolved
    store.finish_run(run_id, "completed", {
        "articles": summary["articles"], "skipped": summary["skipped"], "claims": summary["claims"],
        "embedded": summary.get("embedded", 0), "discrepancies": summary["discrepancies"],
        "new_discrepancies": new, "resolved_discrepancies": resolved,
    })
