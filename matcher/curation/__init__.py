"""Curation (issue 17): golden patients run against criteria versions, outcome counts per line
across current patients, the curators' worklist and the preview of a rule edit."""
