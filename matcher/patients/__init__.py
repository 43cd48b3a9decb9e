"""Storing patients as the intake normalised them, and queueing their match jobs."""
