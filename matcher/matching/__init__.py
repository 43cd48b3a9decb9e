"""Evaluating patients against trials: match jobs, the compiled engine kept per process,
re-matching when a trial changes or time passes, and recording what changed."""
