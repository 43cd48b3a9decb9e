"""The coordinators' match queue in Django admin: who sees which matches, the filters, the
match page, the coordinators' actions on a match and the missing-data worklist."""
