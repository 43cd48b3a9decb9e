"""PostgreSQL specifics of the matching hot path: COPY inserts and per-transaction planner and
commit settings. Every function falls back to plain Django elsewhere (SQLite in development)."""
