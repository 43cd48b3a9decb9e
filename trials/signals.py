"""Signals trials send so that matching can react without trials importing matcher."""

from django.dispatch import Signal

# Sent after the transaction that recorded a TrialChange commits; kwargs: change_id.
trial_changed = Signal()
