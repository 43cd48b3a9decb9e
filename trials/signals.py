"""Signals trials send so that matching can react without trials importing matcher."""

from django.dispatch import Signal

# Sent after the transaction that recorded a TrialChange commits; kwargs: change_id.
trial_changed = Signal()

# Sent once for many changes committed together (a bulk import: ``trials.services.
# changes_announced_together``); kwargs: change_ids. Without a receiver, each change is sent
# as ``trial_changed``.
trials_changed = Signal()
