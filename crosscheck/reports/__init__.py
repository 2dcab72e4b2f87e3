"""Human-readable reports built from the report.json dict.

Every renderer takes the same dict (the contract's report.json plus its extensions) and
tolerates missing extension keys, so a report.json written by an older run renders too:
``markdown.render_markdown`` (terminals, PRs, Prefect), ``html.render_html`` (one
self-contained page with charts), ``summary.print_summary`` (the CLI's closing table).
"""
