"""Clients' webhooks: delivery rows recorded with the changes they announce, signed sends with
retries and pausing, and their admin."""
