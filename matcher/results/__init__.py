"""Storing verdicts as each (patient, trial)'s current result: what changed is returned, never
announced from here (the caller records the changes and their webhook deliveries)."""
