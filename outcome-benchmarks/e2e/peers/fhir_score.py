"""SWEMWBS QuestionnaireResponses (NDJSON) to Observations (NDJSON), as a Python user would write
`outcome fhir score --instrument swemwbs` with the standard library: json.loads per line, the raw
sum of the seven coded answers, the metric score from the conversion table (read from outcome's
definition file), one Observation per score written with json.dumps. Checks only what the sum needs
(the questionnaire URL, seven answers each 1-5); no dataAbsentReason rules beyond "all seven".

Usage: python3 fhir_score.py responses.ndjson swemwbs.json > observations.ndjson"""
import json
import sys

definition = json.load(open(sys.argv[2]))
table = {int(k): v for k, v in definition["subscales"][0]["transforms"][0]["table"].items()}
url = "urn:outcome:Questionnaire:swemwbs"
category = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                         "code": "survey", "display": "Survey"}]}]
out = sys.stdout
read = scored = not_scorable = rejected = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    read += 1
    try:
        r = json.loads(line)
    except ValueError:
        rejected += 1
        continue
    if r.get("resourceType") != "QuestionnaireResponse" or r.get("questionnaire", "").split("|")[0] != url:
        rejected += 1
        continue
    values = {}
    bad = False
    for item in r.get("item", []):
        answers = item.get("answer", [])
        if answers:
            code = int(answers[0]["valueCoding"]["code"])
            if not 1 <= code <= 5:
                bad = True
            values[item["linkId"]] = code
    if bad:
        rejected += 1
        continue
    complete = len(values) == 7
    raw = sum(values.values())
    scored += complete
    not_scorable += not complete
    for code, value in (("metric", table.get(raw) if complete else None), ("raw", raw if complete else None)):
        o = {"resourceType": "Observation", "status": "final", "category": category,
             "code": {"coding": [{"system": "urn:outcome:CodeSystem:swemwbs-scores", "code": code}]},
             "subject": r.get("subject"), "effectiveDateTime": r.get("authored")}
        if value is None:
            o["dataAbsentReason"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
                                                 "code": "unknown"}]}
        else:
            o["valueQuantity"] = {"value": value, "unit": "{score}", "system": "http://unitsofmeasure.org",
                                  "code": "{score}"}
        o["derivedFrom"] = [{"reference": "QuestionnaireResponse/" + r["id"]}]
        out.write(json.dumps(o, separators=(",", ":")))
        out.write("\n")
print(f"read {read}, scored {scored}, not scorable {not_scorable}, rejected {rejected}", file=sys.stderr)
