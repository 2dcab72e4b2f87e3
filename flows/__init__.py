"""Prefect flows and deployments: wiring, retries and artifacts only; the logic is in crosscheck."""
