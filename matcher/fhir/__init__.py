"""FHIR in both directions for FHIR clients (issue #19): the trial-matching operation
(``POST /api/v1/fhir/match``: a patient's Bundle in, a searchset of ``ResearchStudy`` out) and
the coordinators' work back out as R4 ``ResearchSubject``. docs/fhir.md says what each reads
and answers, by resource and element."""
