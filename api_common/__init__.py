"""API plumbing both apps share (the error shape, who may call what), kept outside either app
so that ``trials`` and ``matcher`` each use it without leaning on the other."""
