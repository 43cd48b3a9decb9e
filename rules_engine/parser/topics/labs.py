"""Laboratory and measurement thresholds: names, operators, values and units as registries write
them, and "within normal limits".

A threshold is a lab name, an operator and a number; what follows the number is read as the
longest run of up to five words that ``units.registry_unit`` reads for that concept (x10^9/L,
109/L, /mm3, cells/uL, g/dL or g/L, umol/L, mL/min/1.73 m2, %), or as a multiple of the upper
limit of normal ("x ULN", "times the institutional upper limit of normal", "ULN" alone = 1 x ULN,
"N times the normal range"; never an absolute value). A unit that is written but fits no reading
for the concept is left to review, never replaced by a guess; a number written without a unit
is read by the concept's usual range (ANC 1500 -> 1.5 x10^9/L, haemoglobin 90 -> g/L, an
ejection fraction of 0.5 -> 50 %). Cell counts are kept in the catalogue's 10^9/L.

Words that only frame the thresholds ("Adequate organ function defined as:", "Hepatic:",
"Renal function:") are consumed when the clause holds a threshold, so they neither make the line
review nor hide what the thresholds decide. A second threshold scoped to some patients ("ALT
<= 2.5 x ULN (<= 5 x ULN for patients with liver metastases)") is an alternative for those
patients only: ``Any_(main, All(second, Review(who)))`` for an inclusion.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates, iter_nodes
from rules_engine.parser.topics.duration_values import is_duration
from rules_engine.parser.line_reader import read_line
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.defined_states import state_frame_end
from rules_engine.parser.topics.lab_scopes import scope_condition
from rules_engine.parser.items import NEGATED, I, Item, OPS, all_of, any_of, content_words, number, predicate
from rules_engine.parser.remarks import blank_remarks
from rules_engine.units import UnitError, convert, registry_unit


_LAB_NAMES: tuple[tuple[str, str], ...] = (
    # pulmonary function as a share of the predicted value (concepts.py: dlco, fev1, fvc); a
    # diffusing capacity named as corrected for haemoglobin keeps the word, read by corrected_dlco; listed
    # first, so a haemoglobin named in its bracket ("DLCO (corrected for Hgb)") is no test of its own
    ("dlco", r"(?:(?:un)?corrected\s+|(?:ha?emoglobin|Hg?b)[\s-]+(?:corrected|adjusted)\s+)?(?:\bDLCOc?\b|\bDLco\b|\bDlCO\b|"
             r"(?:lung\s+|pulmonary\s+)?(?:carbon\s+monoxide\s+)?diffusi(?:ng|on)\s+capa(?:city|bility)(?:\s+(?:of|for)\s+(?:the\s+)?lungs?)?(?:\s+(?:for|of)\s+carbon\s+monoxide)?"
             r"(?:\s*\(\s*DLCOc?\s*\))?(?:\s+test)?|(?:carbon\s+monoxide\s+)?diffusion\s+in\s+the\s+lungs?(?:\s*\(\s*DLCOc?\s*\))?)(?:\s*\(\s*(?:(?:un)?corrected|adjusted)(?:\s+for\s+(?:ha?emoglobin|Hg?b))?\s*\))?"),
    # ("Forced expiratory volume (FEV1)", "(FEV)_1", "(FEV) FEV_1": the bracket names the test, the
    # second its subscript; 5 corpus lines, left a review beside the bound)
    ("fev1", r"forced\s+expiratory\s+volume\s*\(\s*FEV(?:[_\s]?1)?\s*\)(?:[_\s]?1\b|\s*FEV[_\s]?1\b)?|\bFEV[_\s]?1\b|forced\s+expiratory\s+volume\s+(?:(?:in|at)\s+)?(?:the\s+)?(?:one|1|first)\s+second(?:\s*\(\s*FEV[_\s]?1\s*\))?|forced\s+expiratory\s+volume\s+1(?:\s*\(\s*FEV[_\s]?1\s*\))?"),
    ("fvc", r"forced\s+(?:volume\s+)?vital\s+capacity(?:\s*\(\s*FVC\s*\))?|\bFVC\b"),
    # (a clearance over a day's urine is the creatinine's, named or not: "Serum creatinine <= 1.5 x
    # ULN or 24-hour clearance >= 50 mL/min", "24-hour urine creatinine clearance >= 50 ml/min")
    ("creatinine_clearance", r"(?:24[\s-]?h(?:ou)?r?s?\s+(?:urine\s+)?(?:creatinine\s+)?clearance|(?:24[\s-]?h(?:ou)?r?s?\s+(?:urine\s+)?)?(?:calculated\s+|measured\s+|estimated\s+|endogenous\s+)?"
                             r"(?:creatinine(?:\s*\((?:S?Cr)\))?|Cr)\s+clearance"
                             # ... and a clearance calculated with no substance named ("Serum creatinine
                             # within normal limits or calculated clearance >= 50 mL/min/1.73 m2"; 5 corpus
                             # lines): the creatinine's. Unread, the alternative stood as a review beside the
                             # creatinine, and a high creatinine with a clearance of 70 failed. (A "measured
                             # clearance" is set against the calculated one the record may hold: "eligible
                             # if a measured clearance is > 30 ml/min" stays a person's.)
                             r"|(?:calculated|estimated)\s+clearance(?!\s+(?:of|for)\s+(?!creatinine))"
                             r")(?:\s+rate)?|\bCrCl\b|\bCCR\b|\bClcr\b|\bCLCR\b"),
    # a GFR estimated, or measured by a test of its own ("radioisotope GFR", "measured glomerular
    # filtration rate"), is that test's value; a GFR named by no test ("GFR > 30 ml/minute",
    # "calculated creatinine clearance or glomerular filtration rate > 50") is the kidneys' filtration
    # however the record estimates it: the eGFR, else the creatinine clearance (derive.MEASURE_SOURCES)
    ("egfr", r"\beGFR\b|(?:estimated|radio-?isotope|radionuclide|isotop\w*|nuclear|measured|direct)\s+(?:glomerular\s+filtrat(?:ion|e)\s+rate|GFR\b)"),
    ("gfr", r"glomerular\s+filtrat(?:ion|e)\s+rate|\bGFR\b"),
    # direct (conjugated) bilirubin is another measurement: "conjugated (direct) serum bilirubin"
    # never reads as total bilirubin
    ("bilirubin", r"(?<!direct )(?<!indirect )(?<!conjugated )(?<!unconjugated )(?<!\(direct\) )(?<!\(conjugated\) )"
                  r"(?:(?:total|serum|blood)\s+)?(?<!direct serum )(?<!conjugated serum )(?<!\(direct\) serum )bilirubin(?:\s+total)?|\bT-?Bil\b|\bTBIL\b"
                  # "Total or direct bilirubin <= 1.5 x ULN" (5 corpus lines): the total is the first of two
                  r"|\btotal(?=\s+(?:or|and/or|/)\s+(?:direct|conjugated)\s+bilirubin\b)"),
    ("direct_bilirubin", r"(?:(?:conjugated|direct)\s+(?:\((?:direct|conjugated)\)\s+)?(?:serum\s+|blood\s+)?bilirubin|\bD-?Bil\b|\bDBIL\b)"),
    ("alt", r"\bALT\b|\bALAT\b|alanine[\s-]+(?:amino[\s-]?)?trans(?:aminase|ferase)|\bSGPT\b|\bGPT\b|(?:serum\s+)?glutam\w*[\s-]+pyruv\w*(?:\s+transaminase)?"),
    ("ast", r"\bAST\b|\bASAT\b|aspartate[\s-]*(?:amino[\s-]?)?trans(?:aminase|ferase)|\bSGOT\b|\bGOT\b|(?:serum\s+)?glutam\w*[\s-]+oxal\w*(?:\s+transaminase)?"),
    ("alt+ast", r"(?:serum\s+)?(?:trans-?aminases?|aminotransferases?|(?:liver|hepatic)\s+enzymes)"),
    # "Cr" / "SCr" as written: in leukaemia text "CR" is complete remission, never creatinine
    ("creatinine", r"(?:serum\s+|blood\s+)?creatinine(?!\s+clearance)|(?-i:\bS?Cr\b)(?!\s*Cl)|\bsCr\b"),
    ("anc", r"absolute\s+neutrophils?(?:\s+counts?)?|\bANC\b|neutrophils?(?:\s+counts?)?|absolute\s+granulocytes?(?:\s+counts?)?|\bAGC\b|granulocytes?"),
    ("platelets", r"platelets?(?:\s+counts?)?|\bPLT\b|\bPlt\b|thrombocytes?"),
    # glycated haemoglobin before haemoglobin, which would take its first word ("Hemoglobin A1c < 8%")
    ("hba1c", r"(?:glycated|glycosylated)\s+ha?emoglobin(?:\s*(?:\(\s*)?H(?:b|g|gb)?A1[Cc](?:\s*\))?)?|ha?emoglobin\s*(?:\(\s*(?:Hg|Hgb|Hb)\s*\)\s*)?A1[Cc]|\bH(?:b|g|gb)?A1[Cc]\b"),
    ("hemoglobin", r"h(?:a)?emoglobin|\bHGB\b|\bHgb\b|\bHb\b"),
    ("wbc", r"white\s+blood\s+cells?(?:\s+counts?)?|\bWBC\b|white\s+(?:blood\s+)?cell\s+counts?|white\s+blood\s+counts?|leukocytes?(?:\s+counts?)?"),
    # ("Prothrombin time-international normalized ratio > 1.5": the INR named with its test, never
    # the prothrombin time in seconds; "International Normalization Ratio (INR)", the registry's slip)
    ("inr", r"\bINR\b|\bPT-?INR\b|(?:prothrombin\s+time[\s-]+)?international\s+(?:normali[sz](?:ed|ation)|standardi[sz]ed)\s+ratio"),
    ("lvef", r"(?:left\s+ventricular|cardiac|\bLV)?\s*ejection\s+fraction|\bLVEF\b|\bEF\b"),
    ("shortening_fraction", r"(?:(?:left\s+ventricular|cardiac|\bLV)\s+)?(?:shortening\s+fraction|fractional\s+shortening)(?:\s*\(\s*(?:SF|FS)\s*\))?"),
    # the arterial oxygen tension (concepts.py: pao2) as the PDQ writes it, subscripts flattened
    # ("pO_2", "PO _2", "Pa O_2", "P_AO_2", "PaO2"), or in words; a "PO 2" with no underscore is
    # "by mouth" ("PO 2 times daily"), never read
    ("pao2", r"(?-i:\b[pP](?:_?[aA]|\s[aA])?\s?O\s?_\s?2\b|\b[pP][aA]?O2\b)"
             r"|(?:(?:partial\s+)?arterial\s+(?:blood\s+)?oxygen\s+(?:partial\s+)?(?:pressure|tension)|partial\s+pressure\s+of\s+(?:arterial\s+)?oxygen(?:\s+in\s+arterial\s+blood)?)"
             r"(?:\s*\(\s*(?-i:P\s?[aA]?\s?O\s?_?\s?2)\s*\))?"),
    # ("02 saturation": the NCI template's O2 typed with a zero, 4 corpus lines)
    ("spo2", r"(?:blood\s+)?oxygen\s+saturation|\bSpO2\b|\bSaO2\b|\bO2\s+sat(?:uration)?|(?<![\d.])02\s+sat(?:uration)?\b|pulse\s+oximetry"),
    ("life_expectancy", r"life[\s-]+expectan(?:cy|ce)|(?:expected|estimated|anticipated|predicted|projected)\s+(?:patient\s+)?(?:survival|life)(?:[\s-]*time)?|survival\s+time"),
    ("bm_blasts", r"(?:bone\s+)?marrow\s+(?:leuk(?:a)?emic\s+)?(?:myelo)?blasts?(?:\s+(?:percentage|count|proportion))?|\bBM\s+blasts?|(?:leuk(?:a)?emic\s+)?blasts?\s+(?:percentage\s+|count\s+)?in\s+(?:the\s+)?(?:bone\s+marrow|BM|marrow)"),
    ("mrd", r"\bMRD\b|(?:minimal|measurable)\s+residual\s+disease"),
    # blasts in the blood, as a share of its leukocytes ("Peripheral blood blast count of less than
    # 10%", "circulating blasts", "blasts in the peripheral blood (PB)"; ~20 corpus lines)
    ("pb_blasts", r"(?:peripheral\s+blood|\bPB)\s+(?:leuk(?:a)?emic\s+)?(?:myelo)?blasts?(?:\s+(?:percentage|count|proportion))?|circulating\s+(?:leuk(?:a)?emic\s+)?blasts?(?:\s+(?:percentage|count|proportion))?"
                  r"|(?:proportion\s+of\s+)?(?:leuk(?:a)?emic\s+)?blasts?\s+(?:percentage\s+|count\s+)?in\s+(?:the\s+)?(?:peripheral\s+blood|PB)(?:\s*\(\s*PB\s*\))?"),
    ("alp", r"(?:serum\s+)?alkaline\s+phosphatases?|\bALP\b|\balk(?:aline)?\.?\s+phos\b"),
    ("albumin", r"(?:serum\s+)?albumin"),
    # the free (ionized) fraction before the total, which would take its last word
    ("ionized_calcium", r"(?:free\s+)?ioni[sz]ed\s+(?:serum\s+)?calcium|\bfree\s+(?:serum\s+)?calcium|\bcalcium\s*,?\s*ioni[sz]ed|\biCa\b(?=\s*[<>≤≥])"),
    # "Ca" only right before a comparator: elsewhere it is as often cancer ("breast Ca")
    ("calcium", r"(?:(?:albumin[\s-]+)?corrected\s+)?(?:serum\s+)?calcium|(?-i:\bCa\b)(?=\s*(?:[<>≤≥]|$))"),
    # "partial thrombin time", "activated thromboplastin time", "activated prothrombin time (aPTT)":
    # the registries' slips for the APTT (never the thrombin time alone, another test)
    ("aptt", r"\bA?PTT\b|(?:activated\s+)?partial\s+(?:pro)?thromb\w*\s+time|activated\s+(?:pro)?thromb\w*\s+time"),
    ("pt", r"\bPT\b(?![-\s]*INR)|prothrombin\s+time(?![\s-]+international)"),
    # "heart-rate corrected QT (QTc) interval", "rate-corrected QT interval": the correction's name is the QTc's;
    # "Mean QTc >= 450 msec": the mean of the triplicate ECG is how a QTc is measured and recorded
    # (8 corpus lines left "Mean" a review beside the bound)
    # ... and the "QT interval" a registry bounds without saying it is corrected ("prolonged QT
    # interval on baseline EKG (>430 ms)", "QT interval > 480 msec"): a QT bound on an eligibility
    # ECG is the rate-corrected one the record keeps; an "absolute" or "uncorrected" QT is not
    ("qtc", r"(?:\bmean\s+)?(?:\bQTc[FB]?\b(?:\s+interval)?|(?:(?:heart[\s-]+)?rate[\s-]+)?corrected\s+QT(?:\s+interval)?|\bQTcF\b"
            r"|(?<!absolute\s)(?<!uncorrected\s)(?<![-/])\bQT[\s-]+interval\b(?!\s+syndrome))"),
    ("potassium", r"(?:serum\s+)?potassium"),
    # (never "glucose-6-phosphate", "bisphosphonate", "sodium phosphate", a phosphate binder or supplement)
    ("phosphate", r"(?<![\w-])(?<!sodium\s)(?<!potassium\s)(?<!aluminum\s)(?:(?:serum|inorganic)\s+)?phosph(?:ate|orus)(?![\w-])(?!\s+(?:binders?|supplements?|dehydrogenase))"),
    # (never the drug: "pegylated amylase", "lipase inhibitors")
    ("amylase", r"(?:serum\s+|pancreatic\s+)?amylase(?!\s+inhibitor)"),
    ("lipase", r"(?:serum\s+|pancreatic\s+)?lipase(?!\s+inhibitor)"),
    ("magnesium", r"(?:serum\s+)?magnesium"),
    # (never the salt a drug list names: "sodium bicarbonate", "sodium valproate")
    ("sodium", r"(?:serum\s+)?sodium(?!\s+(?:bicarbonate|valproate|chloride|thiosulfate|phosphate|citrate|oxybate|nitroprusside|ferric))"),
    ("bicarbonate", r"(?<!sodium\s)(?:(?:serum|venous|plasma)\s+)?(?:bicarbonate|\bHCO3-?|total\s+CO2)(?:\s*\(\s*(?:venous\s+)?blood\s*\))?"),
    ("psa", r"\bPSA\b|prostate[\s-]+specific\s+antigen"),
    # the CD4+ T-cell count ("CD4 cell count", "Absolute CD4+ lymphocyte count", "cluster of
    # differentiation (CD)4+ lymphocyte count", "CD4-positive cell count"); never an antibody
    # against it ("anti-CD4 antibody") nor another marker (CD45)
    ("cd4_count", r"(?<![\w-])(?:absolute\s+)?(?:cluster\s+of\s+differentiation\s*\(\s*CD\s*\)\s*|(?<!anti-)(?<!anti)CD\s?)4(?![\d.])(?:\s*\+|[\s-]*positive)?"
                  r"(?:[\s-]+T)?(?:[\s-]+(?:helper\s+)?(?:cells?|lymphocytes?))?(?:\s+counts?)?(?!\s*(?:antibod|[-/]?\s*directed|\+?\s*CD))"),
    # the body measurements trials bound (issue 14, the long tail): "Body weight >= 40 kg", "BMI >
    # 40", "Body mass index (BMI) >= 32.0 kg/m^2"; a weight's loss, gain or change is another
    # measurement (a share of the weight, in time), and a molecular weight no body's
    # metabolic labs and blood pressure that trials of targeted drugs bound (issue 14, the long tail)
    ("glucose", r"(?:fasting\s+)?(?:plasma\s+|serum\s+|blood\s+)?glucose(?:\s*\(\s*FPG\s*\))?|\bFPG\b"),
    ("testosterone", r"(?:serum\s+|total\s+|plasma\s+)?testosterone"),
    ("cholesterol", r"(?<!LDL )(?<!HDL )(?<!LDL-)(?<!HDL-)(?<!density )(?:fasting\s+)?(?:serum\s+|total\s+)?cholesterol(?!\s+(?:medications?|lowering))"),
    ("triglycerides", r"(?:fasting\s+)?(?:serum\s+)?triglycerides?"),
    # the long tail of blood tests lower-risk MDS and marrow-failure trials bound ("Ferritin >= 50
    # ng/mL", "Copper > 40 ug/dL", "Absolute reticulocyte count less than 60,000/microliter",
    # "(prolactin greater than 200 ng/ml)", "Lactate Dehydrogenase (LDH) <= 1,5 times ULN"); never
    # a drug named for the test ("prolactin inhibitors") nor another fluid's LDH ("Pleural LDH")
    ("ferritin", r"(?:serum\s+|plasma\s+)?ferritin"),
    ("copper", r"(?:serum\s+|plasma\s+)?copper"),
    ("prolactin", r"(?:serum\s+|plasma\s+)?prolactin(?!\s+(?:inhibitors?|antagonists?))"),
    ("reticulocytes", r"(?:absolute\s+)?reticulocytes?(?:\s+counts?)?(?:\s*\(\s*ARC\s*\))?|\bARC\b(?=\s*[<>≤≥])"),
    ("ldh", r"(?<!pleural )(?<!fluid )(?:serum\s+)?(?:lactate|lactic(?:\s+acid)?)\s+dehydrogenase(?:\s*\(\s*LDH\s*\))?|(?<!pleural )(?<!fluid )(?:serum\s+)?\bLDH\b(?!\s*(?:/|ratio))"),
    # a pressure named by its side alone when its bound follows at once ("uncontrolled hypertension
    # defined as systolic > 150 or diastolic > 100", "[diastolic > 100 mmHg]"; issue 14): the
    # blood pressure's, never the heart's "systolic dysfunction" or "diastolic period"
    ("systolic_bp", r"systolic\s+(?:blood\s+)?(?:pressure|BP)(?:\s*\(\s*(?:SBP|BP)\s*\))?|\bSBP\b|\bsystolic\b(?=\s*(?:[≤≥<>]|$))"),
    ("diastolic_bp", r"diastolic\s+(?:blood\s+)?(?:pressure|BP)(?:\s*\(\s*(?:DBP|BP)\s*\))?|\bDBP\b|\bdiastolic\b(?=\s*(?:[≤≥<>]|$))"),
    # the heart rate bradycardia is bounded by ("Bradycardia defined as HR < 50 bpm", "resting
    # heart rate < 50 beats per minute"); "HR" in capitals only (hazard ratios are "HR" too, but
    # never bounded in beats)
    ("heart_rate", r"(?:resting\s+)?heart\s+rate(?:\s*\(\s*HR\s*\))?(?!\s*[-\s]?corrected)|(?-i:\bHR\b)(?=\s*(?:[<>≤≥]|(?:less|greater|lower|higher|more)\s+than|of|below|above))"),
    ("bmi", r"body\s+mass\s+index(?:\s*\(\s*BMI\s*\))?(?:\s+index)?|\bBMI\b(?:\s+index)?"),
    # the body surface area a dose per m2 is computed on ("Body surface area < 0.3 m2", "BSA >= 1.17
    # m^2"); never a share of it a lesion covers ("3% of BSA")
    ("bsa", r"(?<!of\s)body\s+surface\s+area(?:\s*\(\s*BSA\s*\))?|(?<!of\s)\bBSA\b"),
    ("body_weight", r"(?<!molecular )(?<!birth )(?<!ideal )(?<!dry )(?:(?:body|actual\s+body|total\s+body)\s+)?weight(?!\s*(?:loss|gain|change|based|adjusted|bearing|limit|-))|\bweigh(?:s|ing)\b"),
)


_LAB_NAME = "|".join(f"(?:{p})" for _, p in _LAB_NAMES)


# A lab named as one side of a ratio ("urine protein:creatinine ratio", "albumin-to-creatinine
# ratio", "BUN/creatinine ratio") is not that lab: the corpus has ~50 such lines, ~37 of which
# were read as a serum creatinine bound. The INR ("international normalized ratio (INR) ratio")
# names no two sides. Searched only around one lab match (25 characters before it to its end).
_RATIO = re.compile(r"\b[\w-]+\s*(?::|/|\bto\b|-to-)\s*[\w-]+\s+ratio\b|\bratio\s+of\b|\bU[AP]CR?\b", I)
_LAB_NAME_RE = tuple((c, re.compile(p, I)) for c, p in _LAB_NAMES)
_LAB_NAME_ANY = re.compile(_LAB_NAME, I)


# a parenthetical or bracketed gloss after a name: "(AST) (serum glutamic oxaloacetic transaminase [SGOT])"
# (never a bracket that opens with a limit: "Total bilirubin (<=1.5 X ULN) AST and ALT (<= 2.5 X
# ULN)" is the bilirubin's own limit)
_GLOSS = r"(?>(?:\s*(?:\((?!\s*[≤≥<>])[^()]{0,80}\)|\[(?!\s*[≤≥<>])[^\[\]]{0,60}\])){0,2})"
# 1,500 and 100 000 (thousands), 1.5 and the decimal comma 1,5
_NUMBER = r"\d{1,3}(?:\s\d{3})+(?![\d.,])|\d+(?:\.\d+|,\d{1,2}(?![\d]))?"
_ULN_WORD = r"(?:I?ULN|UNL|LSN|ULRR)\b"
# how the value is measured, which may run longer than the usual gap between a name and its
# operator: "Ejection fraction measured by echocardiogram (ECHO) or multi gated acquisition scan
# (MUGA) >= 50%"; it annotates the threshold
_METHOD = r"\s*,?\s*(?:as\s+)?(?:measured|assessed|determined|documented|evaluated|calculated|estimated)\s+(?:by|via|using|with|on)\s[^≤≥<>=\d;]{0,100}?"
# how the next test of a list is measured ("Creatinine clearance or radioisotope glomerular filtration
# rate (GFR) >= 70 mL/min": the list went on past it, where "radioisotope" broke it and the
# clearance was left unread beside the GFR's bound)
_MEASURED_BY = r"(?:(?:radioisotope|radionuclide|isotop(?:e|ic)|nuclear|measured|calculated|estimated)\s+)?"
# Where a lab's name may begin: not inside another word ("antiplatelet agents, or aspirin > 325
# mg/day" named no platelet count), except after "hyper" ("hypertriglyceridemia (> 2.5 x ULN)")
# and a bullet "o" glued to the name ("oPlatelet count < 75,000/mm3"). Besides reading right, it
# is the parser's costliest scan made cheap: tried at every character, the ~60 names' alternation
# took 2.35 s of CPU over the corpus's 8,952 lines with a comparator, 0.73 s behind this test of
# the character before (session 15; tests/parser/test_lab_name_starts.py pins it against the
# plain scan).
LAB_NAME_START = r"(?:(?<![A-Za-z])|(?<=hyper)|(?<=(?<![A-Za-z])o)(?=(?-i:[A-Z])))"
_LAB = re.compile(
    rf"{LAB_NAME_START}(?P<names>(?:{_LAB_NAME})(?:{_GLOSS}\s*(?:/|,?\s*and/or|,?\s*and|,?\s*or|,|&)\s*(?:serum\s+)?{_MEASURED_BY}(?:{_LAB_NAME}))*+)"
    rf"(?P<mid>{_GLOSS}(?:[^≤≥<>=\d;]{{0,45}}?|{_METHOD}))"
    rf"(?P<op>[≤≥<>=])\s*(?:(?P<num>{_NUMBER})|(?=(?:the\s+)?(?:institutional\s+|local\s+)?{_ULN_WORD}))",
    I,
)
# what makes a number a multiple of the upper limit of normal
_ULN = re.compile(
    rf"\s*(?:(?:[x×*]|times?|-?fold)\s*(?:of\s+)?(?:the\s+)?)?(?:institutional\s+|local\s+|laboratory\s+|site\s+|upper\s+)*{_ULN_WORD}"
    r"|\s*(?:[x×*]|times?|-?fold)\s*(?:of\s+)?(?:the\s+)?(?:institutional\s+|local\s+)?(?:upper\s+)?normal\b(?:\s+(?:range|values?|limits?|levels?))?",
    I,
)
# MRD written as a power of ten: "MRD >= 10^-4", "≥ 1 x 10-4"
_NEGATIVE_POWER = re.compile(r"\s*(?:[x×*]\s*)?10\s*(?:\^|\*\*|e)?\s*\(?\s*[-−]\s*(?P<exp>\d)\)?", I)
_POWER_ONLY = re.compile(r"\s*(?:\^|\*\*|e)\s*\(?\s*[-−]\s*(?P<exp>\d)\)?", I)
# "MRD < 10-7": the caret lost in the registry's text; one digit after the dash and no unit, so
# a range ("10-20 %") is never read as a power
_BARE_POWER = re.compile(r"\s?[-−]\s?(?P<exp>[1-9])(?![\d.,%])(?!\s*(?:%|percent|per\s*cent))", I)
# words of a unit; a bracket opens the next words ("6.5mg/dL(>=1.6mmol/L)": the unit then its
# conversion) unless it holds a power's digit ("1.73m(2)")
# (a comma ends a word unless a digit follows, "1,73 m2": "ANC >=1500 cells/mm3,platelet count >=
# 100,000 cells/mm3" has its unit glued to the next test's name)
_UNIT_TOKEN = re.compile(r"(?:[^\s(,]|,(?=\d))+(?:\(\d\)[^\s(,]*)?")
_COUNTS = frozenset({"anc", "platelets", "wbc", "reticulocytes"})


def _read_unit(text: str, pos: int, concept: str) -> tuple[int, str | None, bool]:
    """(end, UCUM unit, written) for the unit after a number at ``pos``: the longest run of up
    to five words that reads for ``concept``; ``written`` says a unit-like word was there even
    when it fits no reading for the concept."""
    chunk = text[pos: pos + 48]
    ends = [m.end() for m in _UNIT_TOKEN.finditer(chunk)][:5]
    written = False
    for end in reversed(ends):
        candidate = chunk[:end].rstrip()
        while candidate and candidate[-1] in ".,;:)" and not (candidate[-1] == ")" and candidate.count("(") >= candidate.count(")")):
            candidate = candidate[:-1]
        if not candidate.strip():
            continue
        unit = registry_unit(candidate, concept)
        if unit is not None:
            if unit == "/min" and concept == "heart_rate":
                unit = "{beats}/min"  # the same rate, in the form the rule language writes ("/min" opens no unit word)
            return pos + len(candidate), unit, True
        if not written and registry_unit(candidate) is not None and not re.fullmatch(r"\s*(?:days?|weeks?|months?|years?|hours?)", candidate, I):
            written = True
    return pos, None, written


def _plain_number(text: str) -> float:
    if re.fullmatch(r"\d+,\d{1,2}", text):  # a decimal comma
        return float(text.replace(",", "."))
    return float(re.sub(r"[\s,]", "", text))


def _round(value: float) -> float | int:
    return number(f"{value:.6g}")


def _unitless(concept: str, value: float) -> tuple[float | None, str | None]:
    """A threshold written without a unit, read by the concept's usual range."""
    if concept in _COUNTS:
        return (_round(value / 1000) if value >= 100 else number(str(value))), "10*9/L"
    if concept == "hemoglobin":
        return value, ("g/dL" if value <= 25 else "g/L")
    if concept in ("lvef", "spo2", "shortening_fraction"):
        return (_round(value * 100), "%") if value <= 1 else (value, "%")
    if concept in ("bm_blasts", "pb_blasts", "mrd"):
        return value, "%"
    if concept in _PULMONARY and 5 <= value <= 150:  # "DLCO > 50": a share of predicted; "FEV1 > 1.0" is litres, unread
        return value, "%"
    if concept == "inr":
        return value, None
    if concept in ("bilirubin", "creatinine") and value <= 10:
        return value, "mg/dL"
    if concept == "albumin":
        return value, ("g/dL" if value <= 10 else "g/L")
    if concept == "calcium" and 5 <= value <= 20:
        return value, "mg/dL"
    if concept == "qtc" and 300 <= value <= 600:
        return value, "ms"
    if concept == "psa":
        return value, "ng/mL"
    if concept == "creatinine_clearance":
        return value, "mL/min"
    if concept == "bmi" and 10 <= value <= 80:
        return value, "kg/m2"
    if concept == "hba1c" and 3 <= value <= 20:
        return value, "%"
    # "triglycerides > 300", "fasting blood glucose > 250": in mmol/L these are under 40, so a
    # number of 50 or more is mg/dL; a smaller one may be either and stays unread
    if concept in ("cholesterol", "triglycerides", "glucose") and 50 <= value <= 2000:
        return number(str(value)), "mg/dL"
    if concept in ("systolic_bp", "diastolic_bp") and 30 <= value <= 260:
        return value, "mm[Hg]"
    if concept == "pao2" and 30 <= value <= 150:  # "PaO2 < 60": mm Hg (a kPa bound is under 20, never guessed)
        return value, "mm[Hg]"
    if concept == "heart_rate" and 20 <= value <= 250:
        return value, "{beats}/min"
    if concept == "cd4_count" and 5 <= value <= 5000:  # "CD4 > 300": cells per microlitre
        return value, "10*6/L"
    return None, None


def _threshold(text: str, pos: int, concept: str, raw: str | None) -> tuple[int, float | int | None, str | None, bool, bool]:
    """(end, value, unit, uln, unit_unfit) for the threshold whose number ``raw`` ends at ``pos``
    (``raw`` None: "≤ ULN" with no number, one times the upper limit)."""
    uln = _ULN.match(text, pos)
    if uln and (raw is not None or not re.match(r"\s*(?:[x×*]|times?|-?fold)", uln.group(0), I)):
        return uln.end(), (1 if raw is None else number(str(_plain_number(raw)))), None, True, False
    if raw is None:
        return pos, None, None, False, False
    value = _plain_number(raw)
    if concept == "mrd":
        power = _NEGATIVE_POWER.match(text, pos)
        if power:
            return power.end(), _round(value * 10 ** -int(power.group("exp")) * 100), "%", False, False
        power = _POWER_ONLY.match(text, pos) if raw == "10" else None
        power = power or (_BARE_POWER.match(text, pos) if raw == "10" else None)
        if power:  # "MRD ≥ 10^-4": the number was the power's base
            return power.end(), _round(10 ** -int(power.group("exp")) * 100), "%", False, False
        if raw == "10" and re.match(r"\s?[-−]\s?[1-9](?!\d)", text[pos:]):  # "10-5 %": a power or a typo, never 10 %
            return pos, None, None, False, True
    end, unit, written = _read_unit(text, pos, concept)
    if unit is None and concept != "life_expectancy" and is_duration(text, pos):
        return pos, None, None, False, True  # "PSA values obtained ≥ 6 weeks after ...": a duration (duration_values)
    if unit is None:
        if written or concept in _PULMONARY and _VOLUME_AFTER.match(text, pos):
            return pos, None, None, False, True
        v, u = _unitless(concept, value)
        return pos, v, u, False, False
    if concept == "life_expectancy":
        return end, number(str(value)), unit, False, False
    if concept in _COUNTS and unit != "10*9/L":
        try:
            return end, _round(convert(value, unit, "10*9/L", concept)), "10*9/L", False, False
        except UnitError:
            return pos, None, None, False, True
    if concept == "cd4_count" and unit != "10*6/L":  # "/mm3", "cells/uL", "/mcL": cells per microlitre
        try:
            return end, _round(convert(value, unit, "10*6/L", concept)), "10*6/L", False, False
        except UnitError:
            return pos, None, None, False, True
    if unit == "1" and concept in ("lvef", "spo2"):
        return end, _round(value * 100), "%", False, False
    if concept in _PULMONARY and unit == "%" and (tail := _OF_PREDICTED.match(text, end)) is not None:
        end = tail.end()  # "50% of predicted (corrected for hemoglobin)": what the share is of
    return end, number(str(value)), unit, False, False


_PULMONARY = frozenset({"dlco", "fev1", "fvc"})
# the QT interval named without its correction (the qtc name's last alternative)
_BARE_QT = re.compile(r"^(?:(?!QTc|corrected).)*\bQT[\s-]+interval\b(?:(?!QTc|corrected).)*$", I)
# a body surface area bound tied to a dose level or a capsule's size ("Patients enrolled on dose
# level 1 (50 mg/m^2) must have BSA >= 1.20 m^2", "the minimum for Dose Level 2 is BSA=0.6 m^2"):
# which level a patient is given is the study's, so the floor is a person's
_DOSE_LEVEL = re.compile(r"\bdose\s+levels?\b|\bcapsule\b|\bcohort\b", I)
# an absolute lung volume or diffusing capacity after the number ("FEV1 > 1 L", "DLCO > 10 mL/mm
# Hg/min", "FEV1 < 0.8 cc"), never the share of predicted these concepts hold
_VOLUME_AFTER = re.compile(r"\s*(?:[mµ]?[lL]\b|cc\b|lit(?:er|re)s?\b|mL\b|ml/)", I)
# what a lung function's percentage is of ("of predicted", "predicted value", "of expected", "of
# normal"), and a haemoglobin correction said after it; no repetition, so no backtracking
_OF_PREDICTED = re.compile(
    r"(?:\s*(?:of\s+(?:the\s+)?)?(?:age[\s-]+)?(?:predicted|expected|normal|predict)(?:\s+(?:values?|normal))?\b)?"
    r"(?:\s*,?\s*\(?\s*(?:(?:(?:un)?corrected|adjusted)\s+(?:for\s+)?|after\s+correction\s+for\s+)(?:ha?emoglobin|Hg?b)\s*\)?)?",
    I,
)
_CORRECTED = re.compile(r"(?<!un)(?:corrected|adjusted)\b|\bcorrection\b|\bDLCOc\b", I)
# "FEV1/FVC < 70%": the ratio of the two, neither test (read as each, a normal ratio with a low FEV1 excluded)
_FEV1_FVC_RATIO = re.compile(r"FEV[_\s]?1\s*\)?\s*/\s*(?:forced\s+vital\s+capacity\s*)?\(?\s*FVC\b", I)
# a lung function bound that only says when more is asked ("Pulmonary clearance is needed if the
# patient has FEV1, FVC, or DLCO < 50%"): a condition, never the line's requirement
# (or a bracket opened by "if": "O2 sat >= 90% in room air (if <90%, spirometry and DLCO above 50% ...)")
_IF_PATIENT_HAS = re.compile(r"\bif\s+(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:has|have)\s+$|\(\s*if\b[^()]{0,60}$", I)


def corrected_dlco(pred: Expr, named: str) -> Expr:
    """A diffusing capacity bound the line states corrected for haemoglobin, against the record's
    value (LOINC 98130-8, uncorrected). The correction raises the value in anaemia, which nearly
    every patient of these trials has, so a record that passes the bound passes it; one that fails
    may pass once corrected, which the record does not say: a person's. Read by the direction
    the bound passes in, never by line type: a lower bound (DLCO >= 50%) passed decides, an
    upper one (DLCO < 50%, a line that excludes) decides only when it is not met."""
    if not isinstance(pred, Predicate) or pred.concept != "dlco" or not _CORRECTED.search(named):
        return pred
    why = "the diffusing capacity corrected for haemoglobin, which the record may not hold"
    if pred.op in (Op.GT, Op.GTE):
        return any_of([pred, Alternative(ReviewReason.AMBIGUOUS, why)])
    return all_of([pred, Qualifier(ReviewReason.AMBIGUOUS, why)])


# The gap between the names and their limit may name more tests under the same limit after a
# conjunction, in a spelling the name table lacks or joined as ", and": "alanine amino
# transferase (ALT) or aspartate amino transferase (AST) > 2.5 x ULN", "International
# standardized ratio (INR) or activated partial thrombin time (APTT) <= 1.5 times ULN", "PT or
# INR, and partial thromboplastin time (PTT) <= 1.5 x ULN". The list stopped at the spelling it
# could not read and the rest vanished into the gap: the second test was never asked (an
# exclusion missed a patient with AST past the limit). 136 corpus gaps hold a conjunction; each
# segment after one is read: a test named (in words or by its bracketed abbreviation) joins the
# list, words naming none stay a review beside the limit, words that only frame the value
# ("level", "must be") and method notes ("(measured or calculated)", "by echocardiogram or
# MUGA") add nothing.
_GAP_METHOD = re.compile(
    r"\W*(?:\([^()]{0,80}\)\s*)?,?\s*(?:as\s+|either\s+|when\s+)?(?:measured|assessed|determined|documented|evaluated|calculated|estimated|based|according|using|by|via|per|with)\b",
    I,
)
_GAP_PARENS = re.compile(r"\([^()]{0,80}\)|\[[^\[\]]{0,60}\]")
_GAP_JOIN = re.compile(r"\s*(?:,\s*)?\b(?:and\s*/\s*or|and\s+or|and|or|along\s+with|as\s+well\s+as|plus)\b\s*|\s*[,/]\s*", I)
_GAP_FILLER = re.compile(
    r"\b(?:levels?|values?|results?|must|should|shall|be|is|are|of|the|both|either|each|serum|plasma|blood|total|counts?|tests?|"
    r"normal|within|limits?|range|ULN|WNL|an?|its|their|respectively|time|ratio)\b|[^\w\s]",
    I,
)


# the first tests' own bound, written before the list goes on ("Creatinine normal or creatinine
# clearance >= 60 mL/min", "total bilirubin outside of normal limits, ALT or AST > 2.5 x ULN")
_OWN_BOUND = re.compile(r"\b(?:normal|WNL|within|outside|limits?|ULN|elevated|abnormal)\b", I)


def _gap_names(mid: str) -> tuple[list[str], str | None, bool]:
    """(tests named after a conjunction in the gap, words there that name none, whether an "and"
    joins them) for the gap ``mid`` between a list of lab names and its operator."""
    if not mid or _GAP_METHOD.match(mid):
        return [], None, False
    outside = _GAP_PARENS.sub(lambda p: " " * len(p.group()), mid)  # offsets kept
    joins = list(_GAP_JOIN.finditer(outside))
    if not joins:
        return [], None, False
    concepts: list[str] = []
    # words before the first conjunction qualify the names before it ("total bilirubin outside of
    # normal limits, ALT or AST > 2.5 x ULN": the limit is not the bilirubin's)
    first = " ".join(_GAP_FILLER.sub(" ", outside[: joins[0].start()]).split())
    unread: list[str] = []
    cuts = [j.end() for j in joins] + [len(mid)]
    for j, (start, end) in enumerate(zip(cuts, cuts[1:])):
        stop = joins[j + 1].start() if j + 1 < len(joins) else end
        segment, words = mid[start:stop], outside[start:stop]
        glossed = [c for p in _GAP_PARENS.finditer(segment) for c in _lab_concepts(p.group())]
        named = _lab_concepts(words)
        left = " ".join(_GAP_FILLER.sub(" ", _LAB_NAME_ANY.sub(" ", words)).split())
        concepts += named or glossed
        if left and not glossed:
            unread.append(left)
    # a list with a comma is an enumeration ("AST, ALT, and alkaline phosphatase"), whatever joins its last item
    joined_by_and = any(re.match(r"\s*and\b(?!\s*/?\s*or)", j.group(), I) for j in joins) and not any("," in j.group() for j in joins)
    if first and concepts and not _OWN_BOUND.search(first):  # (a bound of its own is the caller's)
        unread.insert(0, first)
    return [c for c in concepts if c], (" ".join(unread) or None), joined_by_and


# tests that measure one function, so a list of them under one limit offers a choice of test
_ONE_QUANTITY = frozenset({"creatinine_clearance", "egfr", "gfr"})
_LAB_MORE = re.compile(rf"\s*(?:,\s*)?(?P<conn>or|and)\s+(?P<op>[≤≥<>])\s*(?:(?P<num>{_NUMBER})|(?={_ULN_WORD}))", I)
# a second threshold scoped to some patients: "(< 5 x ULN for patients with liver metastases)",
# ", or ≤ 3 x ULN if Gilbert's syndrome", "or < 5 times ULN in the presence of liver metastases"
# (a gloss of the limit may stand first, "upper limit of normal (x ULN) (≤ 3 x ULN if ..."; in
# brackets the second bound may leave its sign to the first, "(5 times ULN for patients with
# hepatic metastases)", 31 corpus lines: read only when it is a multiple of the ULN)
_SCOPED = re.compile(
    rf"(?:\s*\(\s*(?:[x×]\s*)?{_ULN_WORD}\s*\))?"
    rf"\s*(?P<open>\()?\s*(?:[,;]\s*)?(?:or\s+|and\s+)?(?:(?P<op>[≤≥<>])\s*)?(?P<num>{_NUMBER})",
    I,
)
_SCOPE = re.compile(
    r"\s*(?:,\s*)?(?P<who>(?:for|if|in|with|when|where|among|at)\b(?:\s+(?:the\s+)?(?:patients?|subjects?|participants?|cases?|those|presence))?"
    r"[^;()]{1,120}?)\s*(?:\)|(?=[;.]\s|[;.]?$)|(?=,[^,;()]{1,40}[<>≤≥]))",
    I,
)
# (the scope ends at a comma before the next limit: "AST and ALT < 2.5 x ULN, or < 5 x ULN in case
# of liver metastases, serum bilirubin < 1.5 x ULN" read the bilirubin into the scope, unread,
# and a bilirubin of 2 x ULN met the line)
# a condition of measurement that narrows the value: measured without support
_LAB_CONDITION = re.compile(
    r"\b(?:without|off|independent\s+of|not\s+(?:requiring|receiving|dependent\s+on)|no)\s+(?:\w+\s+){0,3}?(?:transfusion\w*|G-CSF|growth\s+factors?|(?:transfusion\s+)?support)\b",
    I,
)
_CMP_NUM = re.compile(r"[≤≥<>=]\s*(?:\d|(?:the\s+)?(?:institutional\s+)?ULN)", I)
# "10% blasts in the bone marrow", "At least 10% blasts by BM biopsy or aspirate", ">= 5% blasts by
# morphology in the bone marrow": the marrow's blasts, however the sample was read
# "... in the bone marrow or peripheral blood": the bound holds in either site (a share of blasts
# in the other one), never in the first alone with the second left unread
_OTHER_SITE = r"(?P<other>\s*(?:\(\s*{abbr}\s*\)\s*)?(?P<join>or|and/or|/|and)\s+(?:in\s+)?(?:the\s+)?(?:{site})\b(?:\s*\(\s*(?:PB|BM)\s*\))?)?"
_BLASTS_FIRST = re.compile(
    rf"(?P<op>[≥>≤<])\s*(?P<num>{_NUMBER})\s*%\s*(?:\w+\s+){{0,2}}?(?:(?:myelo)?blasts?\s+(?:cells\s+)?(?:by\s+morphology\s+)?(?:in|of|by|on)\s+(?:the\s+)?"
    r"(?:bone\s+marrow|BM|marrow)(?:\s+(?:biopsy|aspirates?)(?:\s*(?:or|and/or|and|/)\s*(?:biopsy|aspirates?))?)?"
    r"|(?:bone\s+)?marrow\s+(?:myelo)?blasts?|BM\s+blasts?)"
    + _OTHER_SITE.format(site=r"peripheral\s+blood|PB", abbr="BM"),
    I,
)
# a band of blasts with its site ("5-19% myeloblasts in the bone marrow", "10%-20% blasts in BM",
# "5 to 19% blasts in the blood"; 10 corpus lines, the MDS kinds' definitions): both ends count.
# Left unread, an MDS with 2% marrow blasts was not told apart from the kind the band defines
_BLAST_BAND = re.compile(
    r"(?<![\d.])(?P<lo>\d{1,2}(?:\.\d)?)\s*%?\s*(?:-|–|to)\s*(?P<hi>\d{1,3}(?:\.\d)?)\s*%\s*(?:\w+\s+){0,2}?(?:myelo)?blasts?\s+(?:cells\s+)?(?:in|of)\s+(?:the\s+)?"
    r"(?:(?P<bm>bone\s+marrow|BM\b|marrow)|(?P<pb>peripheral\s+blood|PB\b|blood))(?:\s*\(\s*(?:PB|BM)\s*\))?"
    r"(?:\s*(?P<join>or|and/or|/|and)\s+(?:in\s+)?(?:the\s+)?(?P<other>bone\s+marrow|BM\b|marrow|peripheral\s+blood|PB\b|blood)(?:\s*\(\s*(?:PB|BM)\s*\))?)?",
    I,
)
# (a band among the cases of "one of the following" run into one clause, "... defined by one of the
# following: a. 15-29% blasts in PB or BM, b. >20% basophils ...", is one alternative among cases
# left unread: read alone, it was asked of every patient)
_ONE_OF_BEFORE = re.compile(r"\b(?:at\s+least|any|one|1)\s+(?:or\s+more\s+)?of\s+the\s+following\b", I)
# the same, in the blood ("<5% blasts in peripheral blood", ">= 5% blasts in the PB")
_PB_BLASTS_FIRST = re.compile(
    rf"(?P<op>[≥>≤<])\s*(?P<num>{_NUMBER})\s*%\s*(?:\w+\s+){{0,2}}?(?:myelo)?blasts?\s+(?:cells\s+)?(?:in|of)\s+(?:the\s+)?(?:peripheral\s+blood|PB)\b(?:\s*\(\s*PB\s*\))?"
    + _OTHER_SITE.format(site=r"bone\s+marrow|BM|marrow", abbr="BM"),
    I,
)
# blasts found in the blood at all ("Appearance of leukemic blasts in the peripheral blood",
# "presence of circulating blasts"): any share above none
_PB_BLASTS_SEEN = re.compile(
    r"(?:(?:re)?appearance|presence|evidence|detection)\s+of\s+(?:leuk(?:a)?emic\s+)?(?:myelo)?blasts?\s+(?:cells\s+)?in\s+(?:the\s+)?(?:peripheral\s+blood|PB)\b(?:\s*\(\s*PB\s*\))?"
    r"|(?:(?:re)?appearance|presence|evidence|detection)\s+of\s+circulating\s+(?:leuk(?:a)?emic\s+)?blasts?",
    I,
)
# words that only frame the thresholds of their clause
_FRAME = re.compile(
    r"^\W*(?:(?:no|without)\s+)?(?:(?:patients?|subjects?|participants?)\s+(?:(?:must|should)\s+(?:also\s+)?)?(?:have|has|with|showing)\s+|(?:(?:must|should)\s+(?:also\s+)?)?(?:have|has)\s+|with\s+)?"
    # ("Reduced renal function, defined as serum creatinine > 3 x ULN": the dysfunction the values define)
    r"(?:(?:an?\s+)?(?:adequate|sufficient|acceptable|normal|good|satisfactory|appropriate|impaired|reduced|poor|inadequate|insufficient|"
    r"decreased|compromised)\s+)?"
    r"(?:(?:bone\s+marrow|marrow|hepatic|liver|renal|kidney|end[\s-]organ|organ|major\s+organ|hematologic(?:al)?|hematopoietic|"
    r"coagulation|cardiac|heart|pulmonary|lung|respiratory|laboratory|lab|blood)(?:\s*(?:,|and|/|&|and/or)\s*)?){1,4}"
    r"(?:\s+(?:function(?:s|ing)?|reserve|status|values|parameters|tests?|results?|profile|indices)"
    # "No hepatic disease with transaminases ... > 2 x ULN", "impaired renal function with creatinine
    # > 2 x ULN": the organ's disease is the one the values that follow define, never a diagnosis
    # asked beside them (read as one, a patient with ALT at 6 x ULN and no liver diagnosis passed)
    r"|\s+(?:diseases?|dysfunction|impairment|insufficiency)(?=\s*,?\s*(?:with|(?:as\s+)?(?:defined|evidenced)\s+(?:as|by))\b))?"
    r"(?:\s*\((?:[^()]{0,60})\))?"
    r"(?:\s*(?::|,|-)?\s*(?:(?:as\s+)?(?:defined|evidenced|demonstrated|shown|documented|indicated|assessed|measured|confirmed)\s+(?:as|by)"
    r"(?:\s+(?:the\s+)?(?:following|all\s+of\s+the\s+following)(?:\s+(?:laboratory\s+)?(?:values|parameters|criteria|results|tests))?)?"
    r"|as\s+follows|including|with|:))?\s*:?",
    I,
)
# ... and the same wrapper inside the clause, after another organ's limits ("NYHA I or II AND left
# ventricular ejection fraction of >40% and adequate pulmonary function as indicated by room air
# oxygen saturation of >94%", "Creatinine < 1.5 mg/dL and adequate hepatic function with bilirubin
# < 1.5 mg/dL", "...; patients should have an adequate renal function as indicated by a creatinine
# ..."; about 30 corpus lines): the function the limits right after it define, never a condition
# beside them. Left, it stood as an unread review and a patient within every limit was unknown
_MID_FRAME = re.compile(
    r"(?:[,;.]|\band\b)\s+(?:(?:patients?|subjects?|participants?)\s+)?(?:(?:must|should)\s+(?:also\s+)?have\s+)?(?:(?:the\s+)?evidence\s+of\s+)?(?:an?\s+)?"
    r"(?P<frame>(?:adequate|sufficient|acceptable|normal|good|satisfactory)\s+"
    r"(?:(?:bone\s+marrow|marrow|hepatic|liver|renal|kidney|end[\s-]organ|organ|hematologic(?:al)?|hematopoietic|coagulation|cardiac|heart|pulmonary|lung|respiratory)"
    r"(?:\s*(?:,|and|/|&|and/or)\s*)?){1,3}\s+(?:function(?:s|ing)?|reserve|status)\s*,?\s*"
    r"(?:(?:as\s+)?(?:defined|evidenced|demonstrated|shown|documented|indicated|assessed|measured|determined)\s+(?:as|by)|with|:)(?:\s+(?:an?|the))?)(?=\s)",
    I,
)


def _mid_frames(text: str, items: list[Item]) -> list[Item]:
    """The wrappers of ``_MID_FRAME`` in ``text``, each as consumed words: only between a limit
    read before it and one read right after it."""
    out = []
    blanked: str | None = None
    for m in _MID_FRAME.finditer(text):
        start, end = m.span("frame")
        # (a remark may stand between: "... as indicated by room air oxygen saturation of > 94%")
        blanked = blank_remarks(text) if blanked is None else blanked
        after = [it for it in items if it.expr is not None and end <= it.start <= end + 40 and not content_words(blanked[end: it.start])]
        before = any(it.expr is not None and it.end <= m.start() + 1 for it in items)
        if after and before and not any(not (end <= it.start or start >= it.end) for it in items):
            out.append(Item(start, end, None))
    return out


# (when it is measured and the verb may stand between: "The conjugated serum bilirubin prior to study
# entry must be within the normal range")
_WNL_VERB = r"(?:(?:prior\s+to|before|at)\s+(?:study\s+entry|screening|enrol{1,2}ment|registration)\s+)?(?:(?:must|should)\s+be\s+|(?:is|are)\s+)?"
_WNL = re.compile(rf"{LAB_NAME_START}(?P<names>(?:{_LAB_NAME})(?:{_GLOSS}\s*(?:/|,|and|or)\s*(?:{_LAB_NAME}))*+){_GLOSS}\s*(?:levels?\s+)?{_WNL_VERB}(?:(?:(?:within|in)\s+(?:the\s+)?(?:institutional\s+|local\s+)?(?:normal\s+(?:institutional\s+)?(?:limits|range)|(?:limits|range)\s+of\s+normal))|normal\b(?!\s+(?:or|and|to|range\s+for|for))(?=\s*(?:$|[;,.]|\())|≤\s*ULN\b)|{LAB_NAME_START}(?P<names2>(?:{_LAB_NAME}))\s+WNL", I)


# An ejection fraction against the lab's own lower limit of normal ("LVEF ≥ the lower limit of
# normal", "ejection fraction within institutional range of normal", "Ejection fraction normal",
# "below the institutional normal limit"): 56 such lines in the corpus. The record carries no
# lower limit for an ejection fraction, and labs set it between 45 % and 55 % (ASE: 52 % men,
# 54 % women; MUGA often 50 %), so a value at or above every lab's limit is normal, one below
# every lab's limit is not, and one in between is left to a person.
_LVEF_NAME = rf"(?:{dict(_LAB_NAMES)['lvef']})"
# (whose normal: "the institution's", "the Institutions", "center", "facility", "site", "local")
_WHOSE_NORMAL = r"(?:institutional|institution(?:'s|’s|s)?|cent(?:er|re)(?:'s|’s)?|facility(?:'s|’s)?|site(?:'s|’s)?|local)"
_LLN = (
    # ("LVEF >/= institutional normal", "< center normal value": the normal named by whose it is)
    rf"(?:the\s+)?(?:{_WHOSE_NORMAL}\s+normal(?:\s+values?)?(?!\s+(?:limits?|range)\b)|(?:{_WHOSE_NORMAL}\s+)?"
    r"(?:lower\s+(?:institutional\s+)?limits?\s+of\s+(?:the\s+)?(?:institutional\s+)?normal(?:\s+range)?"
    r"|lower\s+limits?\s+of\s+the\s+(?:institutional\s+)?normal\s+range|\bLLN\b|(?:institutional\s+)?limits?\s+of\s+normal|normal\s+limits?))"
    r"(?:\s*\(\s*LLN\s*\))?(?:\s+(?:for|at|of)\s+the\s+(?:institution|site|laboratory|lab))?"
)
# how the fraction is measured, on either side of its normal range ("LVEF by ECHO or MUGA Scan within
# normal institutional limits", "Ejection fraction by multi-gated acquisition scan (MUGA) or
# 2-dimensional (2-D) echocardiogram within normal institutional limits", "... within institutional
# range of normal, measured by either two dimensional echocardiogram or multigated acquisition
# scan"; left over, the method made the line a person's or stood as a review beside the range)
_EF_METHOD_WORD = (r"(?:ECHO|echocardiogra(?:m|phy)|echo|MUGA|multi-?\s?gated|acquisition|radionuclide|ventriculogra(?:m|phy)|2-?D|2-?dimensional|"
                   r"two[\s-]dimensional|scans?|or|and/or|either|an?|the)")
_EF_METHOD = (rf"(?:\s*,?\s*(?:as\s+)?(?:(?:measured|assessed|determined|documented|evaluated)\s+)?(?:by|via|on|using)"
              rf"(?:\s*(?:{_EF_METHOD_WORD}\b|\([^()]{{1,40}}\)|\[[^\[\]]{{1,40}}\]|-)){{1,12}}(?<![\s-]))")
_LVEF_LLN = re.compile(
    rf"(?P<name>{_LVEF_NAME})(?:\s*\((?:LVEF|EF)\))?(?:{_EF_METHOD})?\s*,?(?:\s+(?:rate|must\s+be|should\s+be|is|of|that\s+is))*\s*"
    rf"(?:(?P<up>(?:≥|>|above|at\s+or\s+above)\s*{_LLN}(?:\s*\(\s*(?P<stated>\d{{2}})\s*%\s*\))?"
    r"|(?:within|in)\s+(?:the\s+)?(?:institutional\s+)?(?:normal\s+(?:institutional\s+)?(?:limits|range)|range\s+of\s+normal|limits\s+of\s+normal)"
    r"|normal\b(?!\s+(?:or|and|to|range\s+for|for)\b))"
    rf"|(?P<down>(?:<|below|under)\s*(?:the\s+)?(?:{_LLN}|(?:institutional\s+)?normal(?:\s+(?:range|limits?))?)))(?:{_EF_METHOD})?",
    I,
)
LVEF_SURELY_NORMAL, LVEF_SURELY_LOW = 55, 45


def lvef_at_least_lln() -> Expr:
    """An ejection fraction at or above the lab's lower limit of normal, the limit unrecorded."""
    return any_of([
        predicate("lvef", Op.GTE, LVEF_SURELY_NORMAL, "%"),
        all_of([predicate("lvef", Op.GTE, LVEF_SURELY_LOW, "%"),
                Review(ReviewReason.AMBIGUOUS, "the lab's lower limit of normal for the ejection fraction (45-55 %)")]),
    ])


# an ejection fraction called normal before its name ("Normal left ventricular ejection fraction",
# "Normal cardiac ejection fraction", "Normal ejection fractions"; 7 corpus lines, each a review
# whole): the fraction at or above the lab's lower limit, as "ejection fraction normal" is read
# (never an abnormal one, nor a function called normal whose test is named after it: "normal
# cardiac function (LVEF assessed by MUGA or ECHO)")
_NORMAL_LVEF = re.compile(
    r"(?<![\w-])(?<!\bnot\s)(?<!\bno\s)normal\s+(?:(?:left\s+ventricular|cardiac|LV)\s+)?(?:ejection\s+fractions?|LVEF)\b(?!\s*(?:or|and/or)\b)", I
)


def _lvef_lln_items(text: str) -> list[Item]:
    items: list[Item] = [Item(m.start(), m.end(), lvef_at_least_lln(), frozenset({"lvef"})) for m in _NORMAL_LVEF.finditer(text)]
    for m in _LVEF_LLN.finditer(text):
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        if m.group("stated"):
            expr = predicate("lvef", Op.GTE, int(m.group("stated")), "%")
        else:
            expr = lvef_at_least_lln()
        items.append(Item(m.start(), m.end(), expr if m.group("up") else Not(expr), frozenset({"lvef"})))
    return items


# Electrolytes against the lab's own normal range ("Serum potassium < lower limit of normal",
# "Magnesium >= lower limit of normal", "Serum calcium or phosphate below the lower limit of normal",
# "Serum magnesium and potassium within normal limits"; ~80 corpus lines, each a review: a calcium of
# 7.6 mg/dL passed "calcium ... below the lower limit of normal", holdout T272). The record carries
# the upper limit (referenceRange.high) but no lower one, and adult labs set the lower within the
# bands below: a value at or above every lab's lower limit is not below it, one under every lab's
# limit is, one in between is left to a person.
_LLN_BANDS: dict[str, tuple[float, float, str]] = {
    "potassium": (3.3, 3.6, "mmol/L"), "sodium": (133, 136, "mmol/L"), "magnesium": (1.5, 1.9, "mg/dL"), "calcium": (8.1, 8.9, "mg/dL"),
    # adult labs set phosphorus's lower limit between 0.74 and 0.9 mmol/L
    "phosphate": (2.3, 2.8, "mg/dL"),
}
# the ions by their chemical symbols in such a list ("Serum Na, K+, Mg2+, Phosphate and Ca2+ >=
# lower limit of normal"; 3 corpus lines, each a review whole): only with the charge written
# (a bare "K" or "Ca" names other things), sodium's "Na" only beside "serum" or another ion
_SALT_SYMBOLS = {
    "sodium": r"(?:serum\s+)?(?-i:Na)\+?(?![\w+])(?=\s*(?:,|and\b|/)\s*(?-i:K|Mg|Ca|P))|(?<=serum\s)(?-i:Na)\+?(?![\w])",
    "potassium": r"(?:serum\s+)?(?-i:K)\+(?!\w)",
    "magnesium": r"(?:serum\s+)?(?-i:Mg)\s?(?:2\+|\+\+|\+2)(?!\w)",
    "calcium": r"(?:serum\s+)?(?-i:Ca)\s?(?:2\+|\+\+|\+2)(?!\w)",
}
_SALT = "|".join(f"(?P<{c}>{dict(_LAB_NAMES)[c]}" + (f"|{_SALT_SYMBOLS[c]}" if c in _SALT_SYMBOLS else "") + ")" for c in _LLN_BANDS)
_SALT_ONE = re.compile(_SALT, I)
_SALT_ANY = re.sub(r"\(\?P<\w+>", "(?:", _SALT)  # the same names without their groups, for the list
_SALT_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and/or\s+|\s+and\s+|\s+or\s+|\s*/\s*)"
_SALT_LLN = re.compile(
    rf"(?<![\w-])(?<!ionized\s)(?<!ionised\s)(?<!free\s)(?P<names>(?:{_SALT_ANY})(?:{_SALT_JOIN}(?:{_SALT_ANY})){{0,4}})\s*,?\s*(?:levels?\s+|values?\s+)?(?:(?:must|should)\s+be\s+|(?:is|are)\s+)?"
    rf"(?:(?P<up>(?:≥|>=|>|at\s+or\s+above|above|greater\s+than(?:\s+or\s+equal\s+to)?|equal\s+to\s+or\s+greater\s+than|at\s+least)\s*{_LLN})"
    rf"|(?P<down>(?:<|below|less\s+than|under)\s*(?:the\s+)?{_LLN})"
    r"|(?P<wnl>(?:within|in)\s+(?:the\s+)?(?:institutional\s+)?(?:normal\s+(?:institutional\s+)?(?:limits|range)|limits\s+of\s+normal)(?:\s*\(\s*WNL\s*\))?|\bWNL\b))",
    I,
)


def salt_at_least_lln(concept: str) -> Expr:
    """An electrolyte at or above the lab's lower limit of normal, the limit unrecorded."""
    low, high, unit = _LLN_BANDS[concept]
    return any_of([
        predicate(concept, Op.GTE, high, unit),
        all_of([predicate(concept, Op.GTE, low, unit), Review(ReviewReason.AMBIGUOUS, f"the lab's lower limit of normal for {concept} ({low:g}-{high:g} {unit})")]),
    ])


# a second bound after the first ("greater than the lower limit of normal (LLN) and less than 5.5
# mmol/L"): the line is another reading's (read here, the second bound went unread)
_SECOND_BOUND = re.compile(r"\s*(?:\(\s*LLN\s*\)\s*)?(?:,|and|but)?\s*(?:less|lower|greater|more|higher|below|above|under|not\s+(?:higher|more|greater)|[<>≤≥])", I)
# ... or an alternative ("Magnesium >= LLN or correctable with supplements", "within normal limits
# or correctable"): read alone, the bound would decide what the alternative leaves open
_ALTERNATIVE_AFTER = re.compile(r"\s*(?:\(\s*(?:LLN|WNL)\s*\)\s*)?,?\s*(?:or|and/or)\b|[^.;]{0,60}?\b(?:or|and/or)\b[^.;]{0,60}?\b(?:correct\w*|supplement\w*)", I)
# ... and only where the electrolytes open the line or its sentence ("Serum potassium >= LLN",
# "Additionally, serum magnesium and potassium must be within institutional normal limits"):
# inside a run of other bounds ("... AP <= 5 x ULN Magnesium >= lower limit of normal") the words
# around it join it to its neighbours as they were never written
_OPENS = re.compile(r"(?:^|[.;:]\s*)(?:(?:additionally|also|and)\s*,?\s*)?\W*$", I)


# ... except the alternative of supplements ("Potassium >= LLN or correctable with supplements",
# "Potassium, Calcium, Magnesium, Phosphorus within normal limits or correctable with supplements";
# about 10 corpus lines, each a review whole): a value in range meets the line, one below it may
# still be corrected, which a person weighs (an unread alternative, never a failure)
_CORRECTABLE = re.compile(
    r"\s*(?:\(\s*(?:LLN|WNL)\s*\)\s*)?(?:(?:for|of)\s+(?:the\s+)?institution\s*)?,?\s*(?:or|and/or)\s+(?:(?:easily|readily|can\s+be|be)\s+)?"
    r"(?:correct(?:able|ed)|repleted|supplemented)(?:\s+(?:with|by)\s+(?:oral\s+|IV\s+|intravenous\s+)?(?:electrolyte\s+)?(?:supplements?|supplementation|replacement|repletion))?"
    r"(?=\s*(?:$|[.;,(]))",
    I,
)


def _salt_lln_items(text: str) -> list[Item]:
    items: list[Item] = []
    for m in _SALT_LLN.finditer(text):
        correctable = _CORRECTABLE.match(text, m.end()) if not m.group("down") else None
        if (not correctable and (_SECOND_BOUND.match(text, m.end()) or _ALTERNATIVE_AFTER.match(text, m.end()))) or not _OPENS.search(text, 0, m.start()):
            continue
        names = [next(k for k, v in one.groupdict().items() if v) for one in _SALT_ONE.finditer(m.group("names"))]
        parts: list[Expr] = []
        for c in dict.fromkeys(names):
            if m.group("wnl"):
                parts.append(all_of([salt_at_least_lln(c), predicate(c, Op.LTE, 1, None, True)]))
            else:
                parts.append(salt_at_least_lln(c) if m.group("up") else Not(salt_at_least_lln(c)))
        if not any(isinstance(p, (Predicate, All, Any_, Not)) for p in parts):
            continue
        # each must be in range ("potassium and magnesium >= LLN", "within normal limits"); below
        # it, any one is ("calcium or phosphate below the lower limit of normal")
        expr = any_of(parts) if m.group("down") else all_of(parts)
        if correctable is not None:
            expr = any_of([expr, Alternative(ReviewReason.AMBIGUOUS, "correctable with supplements")])
        items.append(Item(m.start(), correctable.end() if correctable is not None else m.end(), expr, frozenset(names)))
    return items


_CANONICAL = {
    "bilirubin": "mg/dL", "creatinine": "mg/dL", "creatinine_clearance": "mL/min", "egfr": "mL/min/{1.73_m2}", "gfr": "mL/min/{1.73_m2}",
    "anc": "10*9/L", "platelets": "10*9/L", "wbc": "10*9/L", "hemoglobin": "g/dL", "alt": "U/L", "ast": "U/L",
    "inr": None, "lvef": "%", "shortening_fraction": "%", "spo2": "%", "life_expectancy": None, "bm_blasts": "%", "pb_blasts": "%", "mrd": "%",
    "alp": "U/L", "albumin": "g/dL", "calcium": "mg/dL", "ionized_calcium": "mg/dL", "aptt": "s", "pt": "s", "qtc": "ms", "potassium": "mmol/L", "sodium": "mmol/L", "bicarbonate": "mmol/L",
    "dlco": "%", "fev1": "%", "fvc": "%",
    "magnesium": "mg/dL", "phosphate": "mg/dL", "amylase": "U/L", "lipase": "U/L", "psa": "ng/mL", "testosterone": "ng/dL", "hba1c": "%", "glucose": "mg/dL",
    "cholesterol": "mg/dL", "triglycerides": "mg/dL", "systolic_bp": "mm[Hg]", "diastolic_bp": "mm[Hg]",
    "ferritin": "ng/mL", "copper": "ug/dL", "prolactin": "ng/mL", "reticulocytes": "10*9/L", "ldh": "U/L",
    "heart_rate": "{beats}/min", "cd4_count": "10*6/L", "pao2": "mm[Hg]", "bsa": "m2",
}


# The range a threshold of the concept can mean, in its canonical unit. Registries mistype units
# ("platelet count > 30,000/L" for /uL): read as written, such a bound is one every patient
# passes (3e-05 x10^9/L), a met line that decides nothing, so it goes to review instead. Found
# by bench/e2e.py's catalogue in the corpus text; the bounds are wide (a hundred times beyond
# any threshold the corpus writes), so a threshold merely unusual is still read.
_PLAUSIBLE = {
    "anc": (0.01, 100.0), "platelets": (1.0, 2000.0), "wbc": (0.05, 1000.0), "hemoglobin": (2.0, 30.0),
    "creatinine": (0.05, 30.0), "bilirubin": (0.05, 60.0), "creatinine_clearance": (2.0, 400.0), "egfr": (2.0, 400.0), "gfr": (2.0, 400.0), "lvef": (1.0, 100.0),
    # "castrate testosterone < 50 ng/mL" is 5,000 ng/dL, a man's level: the unit mistyped for ng/dL
    "testosterone": (1.0, 2000.0), "hba1c": (3.0, 25.0), "glucose": (20.0, 1000.0),
    "cholesterol": (50.0, 2000.0), "triglycerides": (20.0, 5000.0), "systolic_bp": (40.0, 300.0), "diastolic_bp": (20.0, 200.0),
    "heart_rate": (20.0, 250.0),
    "ferritin": (1.0, 20000.0), "copper": (5.0, 1000.0), "prolactin": (0.5, 5000.0), "reticulocytes": (1.0, 2000.0), "ldh": (10.0, 20000.0),
    # "SGPT </= 200 IU/ml" is 200,000 U/L: an enzyme's activity per litre mistyped per millilitre
    "alt": (1.0, 20000.0), "ast": (1.0, 20000.0), "alp": (1.0, 20000.0), "amylase": (1.0, 20000.0), "lipase": (1.0, 20000.0),
    "sodium": (90.0, 200.0), "bicarbonate": (3.0, 60.0), "phosphate": (0.3, 30.0), "cd4_count": (5.0, 5000.0),
    "dlco": (5.0, 150.0), "fev1": (5.0, 150.0), "fvc": (5.0, 150.0), "pao2": (20.0, 700.0), "bsa": (0.1, 3.5),
    # (a QT interval is some hundreds of milliseconds: "QT interval syndrome, or myocardial infarction
    # less than 1 year ago" bounds no QTc)
    "qtc": (150.0, 1000.0),
}


def _implausible(concept: str, value: float | int, unit: str | None) -> bool:
    bounds = _PLAUSIBLE.get(concept)
    canonical = _CANONICAL.get(concept)
    if bounds is None or unit is None or canonical is None:
        return False
    try:
        value = value if unit == canonical else convert(value, unit, canonical, concept)
    except UnitError:
        return False
    return not bounds[0] <= value <= bounds[1]


def _volume_slip(concept: str, value: float | int, unit: str | None) -> str | None:
    """The canonical unit a threshold means when its unit says "per millilitre" where the test is
    counted per decilitre or per litre and, so read, no measurement could meet the number
    ("Serum creatinine ≤ 1.5 mg/ml", "Bilirubin > 2 mg/mL", "SGPT </= 200 IU/ml"; 11 corpus lines,
    each a creatinine, bilirubin or transaminase written as the registry's usual mg/dL or IU/L):
    the number is the canonical unit's. A review instead left a decided failure unread (bilirubin
    2.0 mg/dL against "≤ 1.3 mg/ml" was unknown), and no slip was seen at all for the enzymes: a
    patient with ALT 250 U/L met "≤ 200 IU/ml"."""
    canonical = _CANONICAL.get(concept)
    if canonical is None or unit is None or "/" not in unit or "/" not in canonical:
        return None
    written, per = unit.rsplit("/", 1)
    mass, volume = canonical.rsplit("/", 1)
    if per.lower() != "ml" or volume not in ("dL", "L") or written.lower() != mass.lower():
        return None
    return None if _implausible(concept, value, canonical) else canonical


# a count written with a point between its thousands ("platelets >= 100.000/mm3", "leukocytes
# >= 3.000/mm3"; the European writing of a number)
_POINT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


# a share either side of the normal range ("within normal limits (±15%)", "(plus or minus 15%)")
_SPREAD = re.compile(r"\s*\(?\s*(?:±|\+/-|\+\s*/\s*-|plus\s+or\s+minus)\s*(?P<n>\d{1,2})\s*%\s*\)?", I)
# a count of the spinal fluid's cells ("CSF WBC > 5 cells/microliter", "WBC >= 5/uL in the
# cerebrospinal fluid"): never the blood's, whose scale the slip would give it
_CSF_NEAR = re.compile(r"\bCSF\b|cerebro-?spinal|spinal\s+fluid|lumbar\s+puncture|cytospin", I)
# ... and a count the line places in the patient's past ("any history of platelet counts of <
# 50,000/mccL or ANC of < 500/mL"): read by the slip as today's value, a normal count today would
# have cleared a history the record does not show
# ... nor a count the registry restates in a bracket after it ("platelet count 100,000/L (100 x
# 109/L)"): between two bounds such a bracket makes the line's list alternatives (the clause's
# joins read it so), and a count read there became one more way to meet an inclusion
_BRACKET_AFTER = re.compile(r"\s*[(\[]\s*\d")
# (never the window of the test, "within two weeks prior to study: ANC > 1,500/mL")
_PAST_COUNT = re.compile(r"\bhistory\s+of\b|\bprevious(?:ly)?\b(?!\s+to\b)|\bprior\b(?!\s+to\b)|\bever\b", I)


def _scale_slip(concept: str, raw: str | None, value: float | int, unit: str | None) -> tuple[float | int, str | None] | None:
    """The threshold a number means when, in the unit written after it, no measurement could
    ("platelets >= 80,000 x 10^9/L", "ANC < 1.5 K/ml", "ANC >= 1500/L", "hemoglobin >= 9 gm/L",
    "platelets >= 100.000/mm3"; about 40 corpus lines, each a review that left a decided count
    unread: a platelet count of 70 x 10^9/L was unknown against ">= 80,000 x 10^9/L"). A point
    between thousands is read as the thousands' separator when so read the number fits the unit;
    otherwise the number alone carries its scale, as a bare number's does (_unitless: 80,000
    platelets are per microlitre, 1.5 neutrophils are 10^9/L, 9 haemoglobin is g/dL); a number
    that fits no reading stays a review."""
    if raw is None:
        return None
    if _POINT_THOUSANDS.fullmatch(raw) and concept in _COUNTS and not _implausible(concept, _round(value * 1000), unit):
        return _round(value * 1000), unit
    bare, bare_unit = _unitless(concept, _plain_number(raw))
    if bare is None or bare_unit is None or _implausible(concept, bare, bare_unit):
        return None
    return bare, bare_unit


# the same bound restated in another unit after "or" ("bilirubin < 1.5 mg/mL or 25 µmol/L,
# SGOT/AST and SGPT/ALT < 2.5 x ULN"): one limit, its "or" no join between tests
_RESTATED = re.compile(rf"\s*(?:or|/)\s*\(?\s*(?P<num>{_NUMBER})\s*(?=[A-Za-zµμ])", I)


def _restated_bound(text: str, pos: int, concept: str, value: float | int, unit: str | None) -> int | None:
    """The end of "or <number> <unit>" after a threshold when it is that threshold in another unit
    (within a tenth): read as a second item, its "or" joined the line's limit to the next test's
    as alternatives, and a patient with a transaminase past its limit met the line through a normal
    bilirubin. A number that converts to another value is left as it stands."""
    m = _RESTATED.match(text, pos)
    if m is None or unit is None:
        return None
    end, other, _written = _read_unit(text, m.end(), concept)
    if other is None or other == unit:
        return None
    try:
        again = convert(_plain_number(m.group("num")), other, unit, concept)
    except UnitError:
        return None
    if not value or abs(again - value) > 0.1 * abs(value):
        return None
    close = re.match(r"\s*\)", text[end:]) if "(" in m.group(0) else None
    return end + (close.end() if close else 0)


# a bound for one sex and another for the other ("creatinine < 1.4 mg/dl in females and < 1.5
# mg/dl in males", "QTc > 450 msec for males and > 470 msec for females"; 25 corpus lines): read as
# the first bound alone, the other sex was held to a limit not theirs (a man with creatinine 1.45
# failed, a man with QTc 460 was not excluded where the women's 470 came first), and a second bound
# left unread was joined to the next test as an alternative
_SEX_WORD = r"(?:females?|males?|women|men|woman|man)"
# (the sex in a bracket, "QTc >= 450 ms (males) and >= 460 ms (females)", and the test named again
# before the second bound, "QTc interval >= 470 msec for females and QTc interval >= 450 msec for
# males": each sex its bound, never both asked of everyone)
_SEX_AT = r"\s*(?:(?:in|for)\s+|\(\s*(?:in\s+|for\s+)?)"
_SEX_FIRST = re.compile(
    # (the unit's abbreviation in brackets may stand before the sex: ">450 milliseconds (msec) for males")
    rf"(?:\s*\(\s*[a-zµ/]{{1,8}}\s*\))?{_SEX_AT}(?P<sex>{_SEX_WORD})\b(?:\s*\))?\s*,?\s*(?:and|or|;|,)\s*(?:(?:the\s+)?(?:{_LAB_NAME})(?:\s+interval)?\s*)?(?P<op>[≤≥<>])\s*(?P<num>{_NUMBER})", I)
_SEX_SECOND = re.compile(rf"{_SEX_AT}(?P<sex>{_SEX_WORD})\b(?:\s*\))?", I)


def _sex_of(word: str) -> str:
    return "female" if word.lower().startswith(("f", "wom")) else "male"


def _by_sex(text: str, pos: int, concept: str, first: Expr) -> tuple[int, Expr] | None:
    """(end, expr) for a first bound ``first`` ending at ``pos`` followed by the other sex's."""
    m = _SEX_FIRST.match(text, pos)
    if m is None or not isinstance(first, Predicate):
        return None
    end, value, unit, uln, _ = _threshold(text, m.end(), concept, m.group("num"))
    if value is None:
        return None
    second = _SEX_SECOND.match(text, end)
    if second is None or _sex_of(second.group("sex")) == _sex_of(m.group("sex")):
        return None
    if unit is None and not uln:
        unit, uln = first.unit, first.uln
    other = predicate(concept, OPS[m.group("op")], value, unit, uln)
    expr = any_of([
        all_of([predicate("sex", Op.IS, _sex_of(m.group("sex"))), first]),
        all_of([predicate("sex", Op.IS, _sex_of(second.group("sex"))), other]),
    ])
    return second.end(), expr


# ... and the sex written before each bound ("QT interval male >= 450 ms, female >= 470 ms"): the
# gap between the name and the first bound ends with the first sex, the second follows the bound
_SEX_BEFORE = re.compile(rf"(?:\b(?:in|for)\s+)?\b(?P<sex>{_SEX_WORD})\s*:?\s*$", I)
_SEX_NEXT = re.compile(rf"\s*[,;.]?\s*(?:and\s+|or\s+)?(?:(?:in|for)\s+)?(?P<sex>{_SEX_WORD})\s*:?\s*(?P<op>[≤≥<>])\s*(?P<num>{_NUMBER})", I)


def _by_sex_before(text: str, pos: int, concept: str, mid: str, first: Expr) -> tuple[int, Expr] | None:
    """(end, expr) for "<name> <sex> <bound>, <other sex> <bound>" whose first bound ``first`` ends
    at ``pos``; a Review where only one sex's bound is read (never that bound asked of both)."""
    before = _SEX_BEFORE.search(mid)
    if before is None or not isinstance(first, Predicate):
        return None
    m = _SEX_NEXT.match(text, pos)
    if m is None or _sex_of(m.group("sex")) == _sex_of(before.group("sex")):
        return pos, Review(ReviewReason.AMBIGUOUS, f"{concept}: a bound for one sex only: {text[max(0, pos - 60): pos].strip()}")
    end, value, unit, uln, _ = _threshold(text, m.end(), concept, m.group("num"))
    if value is None:
        return pos, Review(ReviewReason.AMBIGUOUS, f"{concept}: a bound for one sex only: {text[max(0, pos - 60): pos].strip()}")
    if unit is None and not uln:
        unit, uln = first.unit, first.uln
    other = predicate(concept, OPS[m.group("op")], value, unit, uln)
    return end, any_of([
        all_of([predicate("sex", Op.IS, _sex_of(before.group("sex"))), first]),
        all_of([predicate("sex", Op.IS, _sex_of(m.group("sex"))), other]),
    ])


def lab_name_pattern(concepts: list[str]) -> str:
    """The names of ``concepts`` in the table, as one alternation (topics.lab_grades)."""
    table = dict(_LAB_NAMES)
    return "|".join(f"(?:{table[c]})" for c in concepts)


def named_labs(text: str) -> list[str]:
    """The lab concepts a phrase names without a threshold ("If the serum creatinine is above
    these values"), in order of appearance."""
    return _lab_concepts(text)


def _lab_concepts(names: str) -> list[str]:
    """The lab concepts named in ``names``, in order of appearance; the longest name wins
    (the table lists "creatinine clearance" before "creatinine")."""
    order: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for concept, pattern in _LAB_NAME_RE:
        for m in pattern.finditer(names):
            if any(not (m.end() <= s or m.start() >= e) for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            order.extend((m.start(), c) for c in concept.split("+"))
    result: list[str] = []
    for _, c in sorted(order):
        if c not in result:
            result.append(c)
    return result


def _scoped_alternative(text: str, pos: int, concept: str, op: Op, ctype: CriterionType) -> tuple[int, Expr, Expr | None] | None:
    """A second threshold for the same lab that holds only for the patients a phrase names:
    (end, the second bound with its scope, the scope when the record codes it)."""
    m = _SCOPED.match(text, pos)
    if m is None:
        return None
    end, value, unit, uln, unfit = _threshold(text, m.end(), concept, m.group("num"))
    # (a bracketed bound without its comparator is the first's, in its unit as in the ULN's: "(3
    # mg/dL in the presence of Gilbert's disease)" as "(3 x ULN for patients with ...)")
    if value is None or unfit or (m.group("op") is None and not (m.group("open") and op in (Op.LTE, Op.LT, Op.GTE, Op.GT))):
        return None
    scope = _SCOPE.match(text, end)
    if scope is None or (m.group("open") and not scope.group(0).rstrip().endswith(")")):
        return None
    who = " ".join(scope.group("who").split())
    if not blank_remarks(who).strip():
        # when the value is measured ("Systolic blood pressure > 160 or < 90 mmHg at screening",
        # "GFR >= 40 and <= 90 mL/min at screening") names no patients: the second bound is the
        # line's own (read as scoped, the low pressure became an exception to the high one and a
        # GFR of 120 met the range through its upper bound alone)
        return None
    second = predicate(concept, OPS[m.group("op")] if m.group("op") else op, value, unit, uln)
    condition = scope_condition(who, concept)
    return scope.end(), all_of([second, condition if condition is not None else Review(ReviewReason.AMBIGUOUS, "applies only " + who)]), condition


# a threshold annotated with the patients it is for: "ALT and AST <= 3.0 x ULN (without liver
# metastases), ALT and AST <= 5.0 x ULN (with liver metastases)"
_SCOPE_NOTE = re.compile(r"\s*\(\s*(?P<who>(?:for\s+(?:patients?|subjects?)\s+)?(?:with|without|no|in\s+the\s+(?:presence|absence)\s+of|if)\b[^()]{3,60})\)", I)


# how the value is to be measured, after it: "Hemoglobin >= 90 g/L (No blood transfusion within 14
# days)"; like "without transfusion" anywhere else it annotates the threshold
_TRANSFUSION_NOTE = re.compile(
    r"\s*\(\s*(?:no|without|independent\s+of)\s+(?:[\w-]+\s+){0,3}?transfusions?(?:\s+support)?(?:\s+(?:or\s+)?(?:[\w-]+\s+){0,3}?(?:growth\s+factors?|G-CSF))?"
    r"(?:\s+(?:within|in\s+(?:the\s+)?(?:last|past|previous))\s+\d{1,3}\s*(?:days?|weeks?|hours?))?[^()]{0,40}?\)",
    I,
)


# the patients a bound is for, named by a history the record holds: "Ejection fraction >= 35% (for
# patients with history of cardiac disease or anthracycline exposure)"
_SCOPE_GROUP = re.compile(r"^(?:for|in)\s+(?:patients?|subjects?|participants?|those)\s+(?:with|who\s+(?:have|had|received))\s+(?P<what>[^()\d<>≤≥=]+)$", I)


def _group_condition(who: str) -> Expr | None:
    """The condition of a scope phrase that names a group by its history, read as an exclusion
    line reads the same words; None when any of them stays unread."""
    m = _SCOPE_GROUP.match(" ".join(who.split()))
    if m is None:
        return None
    parsed = read_line(m.group("what"), CriterionType.EXCLUSION)
    if parsed.applies_if is not None or any(isinstance(e, Review) for e in iter_nodes(parsed.expr)) or not list(iter_predicates(parsed.expr)):
        return None
    return parsed.expr



# a bound written as the alternative of the one before ("Bilirubin < 1.5 mg/dL OR direct bilirubin
# <= 1.0 mg/dL (for patients with Gilbert's syndrome)"): its scope names the patients the other way
# is open to, so for them it is asked with the group, never met by everyone outside it (read as
# "not Gilbert's syndrome or direct bilirubin <= 1.0", every patient without the syndrome met the
# line whatever the bilirubin)
_OR_BEFORE = re.compile(r"\b(?:or|OR)\s*$")


def _scoped_note(text: str, pos: int, expr: Expr, ctype: CriterionType, concept: str | None = None, alternative: bool = False) -> tuple[int, Expr] | None:
    m = _SCOPE_NOTE.match(text, pos)
    condition = scope_condition(m.group("who"), concept) if m else None
    if m is not None and condition is None:
        # a group no named cause stands for: the bound concerns those patients only, never the
        # group as an alternative to it (read as "LVEF >= 35% or anthracycline or cardiac disease",
        # a patient given anthracyclines met the line whatever the heart); a group the line's words
        # do not say whole leaves the bound to a person for everyone
        condition = _group_condition(m.group("who"))
        if condition is None and _SCOPE_GROUP.match(" ".join(m.group("who").split())):
            who = " ".join(m.group("who").split())
            return m.end(), any_of([expr, Review(ReviewReason.AMBIGUOUS, "applies only " + who)]) if ctype is CriterionType.INCLUSION else all_of(
                [expr, Review(ReviewReason.AMBIGUOUS, "applies only " + who)]
            )
    if m is None or condition is None:
        return None
    if ctype is CriterionType.INCLUSION and alternative:  # the other way in, open to those patients (_OR_BEFORE)
        return m.end(), all_of([condition, expr])
    if ctype is CriterionType.INCLUSION:  # the bound holds for those patients; the others pass it
        other = condition.part if isinstance(condition, Not) else Not(condition)
        return m.end(), any_of([other, expr])
    return m.end(), all_of([condition, expr])


# a life expectancy written without an operator ("Life expectancy of 12 weeks", "Life expectancy
# 3 months"; an inclusion asks for at least that) or with the number before the name ("Greater
# than 12 weeks life expectancy", "At least 3 month life expectancy"): 20 corpus lines
_LIFE = dict(_LAB_NAMES)["life_expectancy"]
_LIFE_UNIT = r"(?P<unit>weeks?|months?|years?)\b"
_LIFE_BARE = re.compile(rf"(?:(?:an?\s+)?(?:expected\s+)?(?:minimum|minimal)\s+(?:estimated\s+|expected\s+)?)?(?:{_LIFE})(?:\s+(?:of|is|:))?\s*(?P<num>\d{{1,3}})\s*{_LIFE_UNIT}(?!\s*(?:or|and|to|-)\b)(?!\s*-)", I)
_LIFE_FIRST = re.compile(rf"(?P<op>[≤≥<>])\s*(?P<num>\d{{1,3}})\s*{_LIFE_UNIT}\s+(?:of\s+)?(?:{_LIFE})", I)
_LIFE_UNITS = {"week": "wk", "month": "mo", "year": "a"}


_BRADY_BOUND = re.compile(
    r"bradycardias?\s*(?:\(\s*|,?\s*(?:defined\s+as|i\.\s?e\.,?|as)\s+)(?P<bound>(?:(?:resting\s+)?(?:heart|ventricular|pulse)\s+rate|HR)?\s*(?:of\s+)?"
    r"(?P<op><=|<|≤)\s*(?P<num>\d{2,3})(?![\d.])\s*(?:beats\s*(?:per\s+minute|/\s*min(?:ute)?)|bpm|b/m|/\s*min(?:ute)?)?)",
    I,
)


def _life_items(text: str, ctype: CriterionType) -> list[Item]:
    items: list[Item] = []
    for m in _LIFE_FIRST.finditer(text):
        unit = _LIFE_UNITS[m.group("unit").lower().rstrip("s")]
        items.append(Item(m.start(), m.end(), predicate("life_expectancy", OPS[m.group("op")], int(m.group("num")), unit), frozenset({"life_expectancy"})))
    if CriterionType(ctype) is CriterionType.INCLUSION:
        for m in _LIFE_BARE.finditer(text):
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            unit = _LIFE_UNITS[m.group("unit").lower().rstrip("s")]
            items.append(Item(m.start(), m.end(), predicate("life_expectancy", Op.GTE, int(m.group("num")), unit), frozenset({"life_expectancy"})))
    return items


# a blood pressure written as a pair ("Blood pressure > 150/100 mmHg", "BP < 140/90")
_BP_PAIR = re.compile(
    r"(?:blood\s+pressure|\bBP\b)(?:\s*\(\s*BP\s*\))?[^≤≥<>=\d;]{0,30}?(?P<op>[≤≥<>])\s*(?P<s>\d{2,3})\s*/\s*(?P<d>\d{2,3})(?![\d.])"
    r"(?:\s*(?:mm\s*Hg|millimet(?:er|re)s?\s+(?:of\s+)?mercury)(?:\s*\(\s*mmHg\s*\))?)?",
    I,
)
# one side of a blood pressure named after its bound ("a blood pressure of ≥ 150 mmHg systolic
# and/or ≥ 100 mmHg diastolic", "BP > 150 mm Hg systolic or > 100 mm Hg diastolic", "(blood
# pressure ≥ 160 systolic and ≥ 110 diastolic ..."; issue 14): that side's bound, as the pair's
_BP_SIDE_AFTER = re.compile(
    r"(?:(?:(?:a|sustained)\s+)?(?:blood\s+pressure|\bBP\b)\s*(?:\(\s*BP\s*\)\s*)?(?:of\s+)?)?"
    r"(?P<op>[≤≥<>])\s*(?P<num>\d{2,3})(?![\d.,])\s*(?:mm\s*Hg\s*)?(?P<side>systolic|diastolic)\b(?!\s+(?:blood\s+)?(?:pressure|BP|dysfunction|function)\b)"
    r"(?:\s*(?P<join>and/or|or|and|,)\s*(?P<op2>[≤≥<>])\s*(?P<num2>\d{2,3})(?![\d.,])\s*(?:mm\s*Hg\s*)?(?P<side2>systolic|diastolic)\b)?",
    I,
)
# both sides bounded with "and" ("defined as systolic > 180 and diastolic > 100", "systolic blood
# pressure ≥ 160 and diastolic blood pressure ≥ 110"): one item, both asked, so a list around it
# is never split at its "and" (the disease beside it stays the list's alternative)
_BP_BOTH = re.compile(
    r"\b(?P<side>systolic|diastolic)(?:\s+(?:blood\s+)?(?:pressure|BP))?\s*(?P<op>[≤≥<>])\s*(?P<num>\d{2,3})(?![\d.,])(?:\s*mm\s*Hg)?"
    r"\s*,?\s*and\s+(?P<side2>systolic|diastolic)(?:\s+(?:blood\s+)?(?:pressure|BP))?\s*(?P<op2>[≤≥<>])\s*(?P<num2>\d{2,3})(?![\d.,])(?:\s*mm\s*Hg)?",
    I,
)
# a lower bound written before the name ("19 <= BMI <= 30")
_REVERSED = re.compile(rf"(?<![\w.,])(?P<num>{_NUMBER})\s*(?P<unit>(?:[A-Za-zµ%][^\s≤<≥>=;,()]{{0,11}}(?:\s+[^\s≤<≥>=;,()]{{1,8}})?)?)\s*(?P<op>[≤<])\s*(?:the\s+)?$", I)


_TOTAL_OR_DIRECT = frozenset({"bilirubin", "direct_bilirubin"})


# "Percentage of neoplasm cells in bone marrow more than 50%" (1 corpus line, an oral azacitidine
# trial for MDS, AML, myeloma and lymphoma): in a leukaemia the neoplastic cells are its blasts, in
# a myeloma or lymphoma other cells. The blasts past the bound decide it; below it the other
# neoplastic cells are a person's to count (left unread, an AML with 60% blasts passed).
_NEOPLASTIC_MARROW = re.compile(
    r"(?:(?:percentage|proportion|percent)\s+of\s+)?(?:neoplas(?:m|tic)|malignant|tumou?r|leuk(?:a)?emic)\s+cells?\s+in\s+(?:the\s+)?(?:bone\s+)?marrow\s*"
    r"(?:is\s+)?(?:(?P<gt>more\s+than|greater\s+than|over|above|>)|(?P<gte>at\s+least|≥|>=))\s*(?P<num>\d{1,3}(?:\.\d)?)\s*(?:%|percent\b)",
    I,
)


# "Post autologous stem cell transplant bone marrow biopsy core that is consistent with morphologic
# remission" (holdout T194; 1 corpus line): a marrow read as in morphologic remission, which is
# fewer than 5% blasts (left a review, a relapse with 12% blasts was called eligible)
_MARROW_IN_REMISSION = re.compile(
    r"\b(?:bone\s+)?marrow\s+(?:biopsy|aspirate|examination|evaluation)(?:\s+(?:core|sample|specimen))?\s+(?:that\s+(?:is|was)\s+|(?:is|was)\s+)?"
    r"(?:consistent\s+with|showing|demonstrating|confirming)\s+(?:an?\s+)?morphologic(?:al)?\s+(?:complete\s+)?remission\b",
    I,
)


def _marrow_state_items(text: str) -> list[Item]:
    items = [Item(m.start(), m.end(), predicate("bm_blasts", Op.LT, 5, "%"), frozenset({"bm_blasts"})) for m in _MARROW_IN_REMISSION.finditer(text)]
    for m in _NEOPLASTIC_MARROW.finditer(text):
        op = Op.GT if m.group("gt") else Op.GTE
        blasts = predicate("bm_blasts", op, number(m.group("num")), "%")
        expr = any_of([blasts, Review(ReviewReason.AMBIGUOUS, "neoplastic marrow cells other than blasts (plasma or lymphoma cells)")])
        items.append(Item(m.start(), m.end(), expr, frozenset({"bm_blasts"})))
    return items


# A blood count written with its value and no comparator in an inclusion ("Absolute neutrophil
# count 1,500 cells per uL", "Hemoglobin 8.5 g/dl", "Platelet count 60 x 109/L", "Absolute
# Neutrophil Count (ANC) 1.5x109/L Hemoglobin (Hgb) 9 g/dl Platelets (plt) 100x109/L"): what an
# inclusion asks of these counts is a floor, the value the least the patient must have (as a bare
# life expectancy is, _LIFE_BARE). Only the three counts whose inclusion bound is always a floor
# (a white count or a chemistry may be bounded above), only with a count's unit after the number,
# never before a bound of the other side ("or less", a range): the comparator the line leaves out
# is written in, in the one character of space before the number, so every span stays in place.
_FLOOR_NAMES = "|".join(f"(?:{p})" for c, p in _LAB_NAMES if c in ("anc", "platelets", "hemoglobin"))
_BARE_FLOOR = re.compile(
    rf"{LAB_NAME_START}(?:{_FLOOR_NAMES}){_GLOSS}(?:\s+(?:levels?|values?))?\s*(?::|\s(?:of|is))?(?P<gap>\s)"
    rf"(?={_NUMBER}\s*(?:[x×*]\s*10|(?:cells?|K|k|thousand)?\s*(?:/|per\s)\s*(?:[uµμ]L|mm|mcL|L\b|cubic)|g(?:m|r)?\s*/\s*(?:dL|L)|mmol\s*/\s*L))",
    I,
)
_OTHER_SIDE = re.compile(r"[^;()]{0,30}?(?:\b(?:or|and)\s+(?:less|lower|below|under|fewer|smaller)\b|\bto\s+\d|\s-\s*\d|\bmax\w*|[≤<]|\bupper\b)", I)


def _bare_floors(text: str) -> str:
    """The line with a floor's comparator written where an inclusion leaves it out (see above)."""
    out = text
    for m in _BARE_FLOOR.finditer(text):
        if _OTHER_SIDE.match(text, m.end()):
            continue
        out = out[: m.start("gap")] + "≥" + out[m.end("gap"):]
    return out


# Words before a bounded test that only name the value the bound is of: "most recent direct
# bilirubin ... > 2 x ULN" is the latest value, the one the record's test is read by (the record
# keeps the latest); "Prolonged QTc interval (> 450 msec)" names what the bound defines. Left
# over, they stood as a review conjunct beside the decided bound, and a patient past it was
# unknown (an exclusion met only by the bound, holdout T220 and T294).
# ("Marked baseline prolongation of QT/QTc interval (QTc interval >= 450 msec ...)", "prolongation
# of the QTc interval to > 450 msec": the same state the bound defines, said as a noun)
_LEAD_WORDS = re.compile(
    r"(?<!two\s)(?<!three\s)(?<!\d\s)\b(?:(?:the\s+)?(?:most\s+recent|latest)\s+|(?P<long>prolonged\s+|(?:marked\s+)?(?:baseline\s+)?prolongation\s+of\s+(?:the\s+)?(?:QT\s*/\s*)?))"
    r"(?:(?:serum|plasma|blood)\s+)?$",
    I,
)


def _with_lead(item: Item, text: str) -> Item:
    lead = _LEAD_WORDS.search(text, max(0, item.start - 50), item.start)
    if lead is None or item.expr is None or (lead.group("long") and item.concepts != frozenset({"qtc"})):
        return item
    return Item(lead.start(), item.end, item.expr, item.concepts)


def lab_items(text: str, ctype: CriterionType) -> list[Item]:
    items: list[Item] = _marrow_state_items(text) if "marrow" in text.lower() else []
    low = text.lower()
    for m in _BLAST_BAND.finditer(text) if "blast" in low else ():
        lo, hi = number(m.group("lo")), number(m.group("hi"))
        if lo >= hi or _ONE_OF_BEFORE.search(text, 0, m.start()):
            continue
        sites = ["bm_blasts" if m.group("bm") else "pb_blasts"]
        if m.group("other"):  # "in the bone marrow or peripheral blood": either site ("and": both)
            other = "pb_blasts" if sites[0] == "bm_blasts" else "bm_blasts"
            sites.append(other)
        bands = [all_of([predicate(site, Op.GTE, lo, "%"), predicate(site, Op.LTE, hi, "%")]) for site in dict.fromkeys(sites)]
        band = all_of(bands) if m.group("join") and m.group("join").lower() == "and" else any_of(bands)
        items.append(Item(m.start(), m.end(), band, frozenset(sites)))
    for pattern, first, second in ((_BLASTS_FIRST, "bm_blasts", "pb_blasts"), (_PB_BLASTS_FIRST, "pb_blasts", "bm_blasts")):
        for m in pattern.finditer(text) if "blast" in low else ():
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            bound = number(str(_plain_number(m.group("num"))))
            site: Expr = predicate(first, OPS[m.group("op")], bound, "%")
            if m.group("other"):  # "in the bone marrow or peripheral blood": either site ("and": both)
                sites = [site, predicate(second, OPS[m.group("op")], bound, "%")]
                site = all_of(sites) if m.group("join").lower() == "and" else any_of(sites)
            items.append(Item(m.start(), m.end(), site, frozenset({first, second} if m.group("other") else {first})))
    for m in _PB_BLASTS_SEEN.finditer(text) if "blast" in low else ():
        items.append(Item(m.start(), m.end(), predicate("pb_blasts", Op.GT, 0, "%"), frozenset({"pb_blasts"})))
    for m in _BP_BOTH.finditer(text) if "stolic" in low else ():
        sides = ["systolic_bp" if m.group(k).lower() == "systolic" else "diastolic_bp" for k in ("side", "side2")]
        both = [predicate(sides[0], OPS[m.group("op")], int(m.group("num")), "mm[Hg]"), predicate(sides[1], OPS[m.group("op2")], int(m.group("num2")), "mm[Hg]")]
        items.append(Item(m.start(), m.end(), all_of(both), frozenset(sides)))
    scan = _bare_floors(text) if ctype is CriterionType.INCLUSION and any(c.isdigit() for c in text) else text
    for m in _LAB.finditer(scan) if _CMP_NUM.search(scan) else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        concepts = _lab_concepts(m.group("names"))
        if not concepts:
            continue
        # (a survival's gap names its causes: "expected survival from cancer or co-morbidity")
        more, gap_unread, gap_and = _gap_names(m.group("mid") or "") if concepts != ["life_expectancy"] else ([], None, False)
        named_first = len(concepts)
        gap = m.group("mid") or ""
        first_join = _GAP_JOIN.search(_GAP_PARENS.sub(lambda p: " " * len(p.group()), gap)) if more else None
        own_bound = first_join is not None and bool(_OWN_BOUND.search(gap, 0, first_join.start()))
        concepts += [c for c in more if c not in concepts]
        if re.search(r"\b(?:direct|indirect|conjugated)\s*$", text[max(0, m.start() - 12): m.start()], I):
            continue
        if "bsa" in concepts and _DOSE_LEVEL.search(text):
            continue  # "Patients enrolled on dose level 1 ... must have BSA >= 1.20 m^2": the dose level's floor, a person's
        if _RATIO.search(text, max(0, m.start() - 25), m.end()):
            continue  # "urine protein:creatinine ratio > 1" bounds a ratio, not serum creatinine
        if set(concepts) & _PULMONARY and (_FEV1_FVC_RATIO.search(text, m.start(), m.end()) or _IF_PATIENT_HAS.search(text, max(0, m.start() - 60), m.start())):
            continue
        if "bm_blasts" in concepts and re.match(r"\s*(?:\w+\s+){0,2}?(?:in|of)\s+(?:the\s+)?peripheral\s+blood", text[m.end():], I):
            continue
        if "pb_blasts" in concepts and re.search(r",|\b[a-h]\.|\b(?:or|and|patients?|subjects?|for)\b", m.group("mid") or "", I):
            continue  # "blasts in PB or BM, b. >20% basophils", "circulating blast count or patients on a stable dose (<20": another's bound
        preds: list[Expr] = []
        end = m.end()
        for concept in concepts:
            t_end, value, unit, uln, unfit = _threshold(text, m.end(), concept, m.group("num"))
            if concept == "life_expectancy" and unit not in ("wk", "mo", "d", "a"):
                continue
            if value is None:
                what = "a unit that does not fit" if unfit else "a threshold without a unit"
                preds.append(Review(ReviewReason.AMBIGUOUS, f"{concept}: {what}: {m.group(0).strip()}"))
                continue
            end = max(end, t_end)
            if not uln and _implausible(concept, value, unit) and (slip := _volume_slip(concept, value, unit)) is not None:
                unit = slip
            if (not uln and _implausible(concept, value, unit) and not _CSF_NEAR.search(text, max(0, m.start() - 40), min(len(text), t_end + 60))
                    and not _PAST_COUNT.search(text, max(0, m.start() - 80), m.start()) and not (concept in _COUNTS and _BRACKET_AFTER.match(text, t_end))
                    and (scaled := _scale_slip(concept, m.group("num"), value, unit)) is not None):
                value, unit = scaled
            if not uln and (restated := _restated_bound(text, t_end, concept, value, unit)) is not None:
                end = t_end = restated
            if not uln and _implausible(concept, value, unit):
                preds.append(Review(ReviewReason.AMBIGUOUS, f"{concept}: a threshold no measurement could mean: {m.group(0).strip()}"))
                continue
            op = OPS[m.group("op")]
            if concept == "qtc" and ctype is CriterionType.INCLUSION and op in (Op.GT, Op.GTE) and _BARE_QT.search(m.group("names")):
                # "QT interval > 480 msec (note: ... below 480 msec, patient is eligible)" among the
                # inclusions: a prolonged interval is never asked for, so the line is an exclusion
                # the registry listed with the inclusions, or a heading's item; a person reads it
                preds.append(Review(ReviewReason.AMBIGUOUS, f"{concept}: a prolonged QT bound among the inclusions: {m.group(0).strip()}"))
                continue
            pred: Expr = corrected_dlco(predicate(concept, op, value, unit, uln), text[m.start(): t_end])
            by_sex = _by_sex(text, t_end, concept, pred) if len(concepts) == 1 else None
            if by_sex is None and len(concepts) == 1:
                by_sex = _by_sex_before(text, t_end, concept, m.group("mid") or "", pred)
            if by_sex is not None:  # "< 1.4 mg/dl in females and < 1.5 mg/dl in males": each sex its own bound
                end, pred = max(end, by_sex[0]), by_sex[1]
                preds.append(pred)
                continue
            scoped = _scoped_alternative(text, t_end, concept, op, ctype)
            transfusion = _TRANSFUSION_NOTE.match(text, t_end)
            if transfusion is not None:
                end = t_end = max(end, transfusion.end())
            note = None if scoped else _scoped_note(text, t_end, pred, ctype, concept, _OR_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None)
            if note is not None:  # "ALT <= 3 x ULN (without liver metastases)": for those patients
                end, pred = max(end, note[0]), note[1]
            elif scoped is not None:  # a scope said after the second bound is never a plain "or"
                end = max(end, scoped[0])
                scope = scoped[2]
                if ctype is CriterionType.INCLUSION:
                    pred = any_of([pred, scoped[1]])
                elif scope is not None:  # excluded by the first bound without the condition, by the second with it
                    other = scope.part if isinstance(scope, Not) else Not(scope)
                    pred = any_of([all_of([pred, other]), scoped[1]])
                else:
                    pred = all_of([pred, Not(scoped[1])])
            elif len(concepts) == 1:
                more = _LAB_MORE.match(text, t_end)
                if more:
                    m_end, v2, unit2, uln2, unfit2 = _threshold(text, more.end(), concept, more.group("num"))
                    if v2 is not None:
                        other = predicate(concept, OPS[more.group("op")], v2, unit2, uln2)
                        pred = any_of([pred, other]) if more.group("conn").lower() == "or" else all_of([pred, other])
                        end = m_end
            preds.append(pred)
        if not preds:
            continue
        if own_bound and first_join is not None and len(preds) == len(concepts):
            # "Creatinine normal or creatinine clearance >= 60 mL/min": the first tests have a bound
            # of their own (a person's), the limit is the rest's; "or" (and an exclusion's comma)
            # makes them alternatives
            alternatives = bool(re.search(r"\bor\b", first_join.group(), I)) or (ctype is CriterionType.EXCLUSION and "," in first_join.group())
            own = " ".join(f"{m.group('names')}{gap[: first_join.start()]}".split()) + ": a bound of its own"
            head: Expr = Alternative(ReviewReason.AMBIGUOUS, own) if alternatives else Review(ReviewReason.AMBIGUOUS, own)
            rest = preds[named_first:]
            if gap_unread:
                rest.append(Review(ReviewReason.UNPARSED, "in the list of tests under one limit: " + gap_unread))
            exclusion = ctype is CriterionType.EXCLUSION or bool(NEGATED.match(text))
            rest_expr = any_of(rest) if exclusion and not gap_and else all_of(rest)
            items.append(Item(m.start(), end, any_of([head, rest_expr]) if alternatives else all_of([head, rest_expr]), frozenset(concepts)))
            continue
        if gap_unread:  # words in the list the table cannot name: another test under the limit, for a person
            preds.append(Review(ReviewReason.UNPARSED, "in the list of tests under one limit: " + gap_unread))
        condition = _LAB_CONDITION.search(m.group("mid") or "")
        if condition:  # "platelets (without transfusion) ≥ 50": how the value was reached, a person checks
            preds = [all_of([pr, Review(ReviewReason.JUDGEMENT, condition.group(0).strip())]) for pr in preds]
        # labs named together under one limit: an exclusion applies when any of them is past it
        # ("AST or ALT > 2.5 x ULN"), an inclusion asks it of each, however they are joined ("AST or
        # ALT <= 2.5 x ULN": read as either, a patient with ALT at 4 x ULN met it); an inclusion's
        # "No transaminases or bilirubin > 2 x ULN" forbids each, as the exclusion does (joined as
        # the inclusion's list under its "No", a patient with ALT alone past it met the line)
        # ("and/or" is an "or": read as "and", "PT/INR and/or PTT > 1.3 x ULN" excluded only a
        # patient past the limit on every test; a list with a comma is an enumeration, "AST, ALT,
        # and alkaline phosphatase > 2.5 x ULN" excludes a patient past it on any)
        names = m.group("names")
        # (one "and/or" among the joins makes the list the writer's "any": "AST and ALT and/or
        # alkaline phosphatase > 4 x ULN" excludes a patient past it on the transaminases alone)
        joined_by_and = (
            (gap_and or bool(re.search(r"\band\b(?!\s*/?\s*or\b)", names, I)))
            and "," not in _GAP_PARENS.sub("", names)
            and not re.search(r"\band\s*/\s*or\b", names, I)
        )
        if len(preds) == 1:
            expr = preds[0]
        elif (ctype is CriterionType.EXCLUSION or NEGATED.match(text)) and not joined_by_and:
            expr = any_of(preds)
        elif ctype is CriterionType.INCLUSION and not joined_by_and and set(concepts) <= _ONE_QUANTITY:
            # "Creatinine clearance or radioisotope GFR >= 70 mL/min": two ways of measuring one
            # function, either of which shows it; not met only when every one on record fails
            # and none is missing (a record with a low eGFR alone leaves the clearance open)
            expr = any_of(preds)
        elif frozenset(concepts) == _TOTAL_OR_DIRECT and re.search(r"\bor\b", m.group("names"), I):
            # "Total or direct bilirubin <= 1.5 x ULN": two measures of the one bilirubin, either
            # of which the trial takes (clauses.each_subject keeps them so)
            expr = any_of(preds)
        else:
            expr = all_of(preds)
        start = m.start()
        lower = _REVERSED.search(text, max(0, start - 30), start) if len(concepts) == 1 and isinstance(expr, Predicate) else None
        if lower is not None and isinstance(expr, Predicate):
            # "19 <= BMI <= 30", "1.5 < ANC < 10": the bound written before the name is a lower
            # one (dropped, a patient with a BMI of 15 met the line); a unit that does not read
            # for the concept leaves it to review beside the upper bound
            written = (lower.group("unit") or "").strip()
            unit = expr.unit if not written else registry_unit(written, concepts[0])
            below: Expr = (
                predicate(concepts[0], Op.GTE if lower.group("op") == "≤" else Op.GT, number(str(_plain_number(lower.group("num")))), unit, expr.uln)
                if unit is not None or not written else Review(ReviewReason.AMBIGUOUS, f"{concepts[0]}: a lower bound in a unit that does not fit: {lower.group(0).strip()}")
            )
            expr, start = all_of([below, expr]), lower.start()
        items.append(Item(start, end, expr, frozenset(concepts)))
    for m in _BP_PAIR.finditer(text) if "/" in text and ("pressure" in low or "bp" in low) else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        op = OPS[m.group("op")]
        pair = [predicate("systolic_bp", op, int(m.group("s")), "mm[Hg]"), predicate("diastolic_bp", op, int(m.group("d")), "mm[Hg]")]
        # an exclusion's pair is past its bound when either pressure is ("> 150/100"); an
        # inclusion's asks it of both ("< 150/90")
        items.append(Item(m.start(), m.end(), any_of(pair) if ctype is CriterionType.EXCLUSION else all_of(pair), frozenset({"systolic_bp", "diastolic_bp"})))
    for m in _BP_SIDE_AFTER.finditer(text) if "stolic" in low else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        side = "systolic_bp" if m.group("side").lower() == "systolic" else "diastolic_bp"
        expr: Expr = predicate(side, OPS[m.group("op")], int(m.group("num")), "mm[Hg]")
        sides = {side}
        if m.group("side2"):
            # both sides in one phrase ("≥ 160 systolic and ≥ 110 diastolic"): one item, so the
            # line's list around it is never split at its "and"; "and" asks both, else either
            other = "systolic_bp" if m.group("side2").lower() == "systolic" else "diastolic_bp"
            pair = [expr, predicate(other, OPS[m.group("op2")], int(m.group("num2")), "mm[Hg]")]
            expr, sides = (all_of(pair) if m.group("join").lower() == "and" else any_of(pair)), {side, other}
        items.append(Item(m.start(), m.end(), expr, frozenset(sides)))
    for m in _BRADY_BOUND.finditer(text) if "brady" in low else ():
        # the heart rate a bradycardia is bounded by ("resting bradycardia (< 50 beats per minute)",
        # "Bradycardia defined as HR < 50 bpm", "bradycardia (ventricular rate less than 50
        # beats/min)"): the bound is the rate's, an alternative beside the coded bradycardia
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        op = Op.LTE if m.group("op") in ("≤", "<=") else Op.LT
        items.append(Item(m.start("bound"), m.end(), predicate("heart_rate", op, int(m.group("num")), "{beats}/min"), frozenset({"heart_rate"})))
    for it in _life_items(text, ctype) if ("life" in low or "surviv" in low) else ():
        if not any(not (it.end <= other.start or it.start >= other.end) for other in items):
            items.append(it)
    for it in _lvef_lln_items(text) if (("normal" in low or "lln" in low) and ("ejection" in low or "ef" in low)) else ():
        if not any(not (it.end <= other.start or it.start >= other.end) for other in items):
            items.append(it)
    for it in _salt_lln_items(text) if (("normal" in low or "lln" in low or "wnl" in low) and _SALT_ONE.search(text)) else ():
        if not any(not (it.end <= other.start or it.start >= other.end) for other in items):
            items.append(it)
    for m in _WNL.finditer(text) if ("normal" in low or "wnl" in low) else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        concepts = [c for c in _lab_concepts(m.group("names") or m.group("names2")) if c in ("bilirubin", "direct_bilirubin", "alt", "ast", "creatinine", "alp", "aptt", "pt", "inr")]
        if concepts:
            # ("PT and PTT within normal limits (±15%)", "(plus or minus 15%)": the limit widened by
            # the share; read as the bare limit, a PT at 1.1 x ULN failed a line that allows it)
            spread = _SPREAD.match(text, m.end())
            limit = _round(1 + int(spread.group("n")) / 100) if spread else 1
            items.append(Item(m.start(), spread.end() if spread else m.end(), all_of([predicate(c, Op.LTE, limit, None, True) for c in concepts]), frozenset(concepts)))
    items = [_with_lead(it, text) for it in items]
    if items:
        frame = _FRAME.match(text)
        first = min(it.start for it in items)
        # ("No severe anemia, defined as hemoglobin < 10 g/dL": the state the bound defines)
        state_end = state_frame_end(text, first, next(it.concepts for it in items if it.start == first))
        if state_end is not None:
            items.append(Item(0, state_end, None))
            items.sort(key=lambda it: it.start)
        # (the frame's trailing space is no word of it: "Cardiac: ejection fraction >= 45%", whose
        # name begins at that space, kept "Cardiac" a review beside the bound)
        elif frame and frame.end() > 0 and frame.start() + len(frame.group(0).rstrip()) <= first and re.search(r"[a-z]", frame.group(0), I):
            items.append(Item(frame.start(), min(frame.end(), first), None))
            items.sort(key=lambda it: it.start)
        if "function" in low or "reserve" in low or "status" in low:
            items = sorted(items + _mid_frames(text, items), key=lambda it: it.start)
    return items
