"""One extractor per subject of eligibility text; each returns the spans it read as ``Item``s."""
