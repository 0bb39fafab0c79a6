"""A Jobindsats v3 client as third parties write them (standard library only), written from the
real API's documented and observed behaviour, not from ours: it discovers tables by their real
names in /tables, finds the latest month in /table/{id}'s `periods`, and reads data with the
real hierarchy ids, positional paths and mgroups. Run: python3 jobindsats_client.py BASE_URL
(BASE_URL ends in /v3/); prints one JSON object with what it read."""

import json
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1]
TOKEN = sys.argv[2] if len(sys.argv) > 2 else None


def api_get(path):
    req = urllib.request.Request(BASE + path, headers={"Authorization": TOKEN} if TOKEN else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            return res.status, json.loads(res.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read().decode("utf-8"))


def records(path):
    status, body = api_get(path)
    if status != 200:
        raise RuntimeError(f"{status}: {body.get('cause')}")
    cols = body["columns"]
    return [dict(zip(cols, row)) for row in body["rows"]]


def find_table(pattern):
    _, subjects = api_get("tables?format=json")
    for subject in subjects:
        for group in subject["table_groups"]:
            for table in group["tables"]:
                if pattern.lower() in table["table_name"].lower():
                    return table
    return None


def latest_month(table_id):
    _, meta = api_get(f"table/{table_id}?format=json")
    for p in meta["periods"]:
        if p["periodtype_id"] == "M":
            return p["values"][-1]["period_id"]
    return None


out = {}
table = find_table("faktiske antal ledige og fuldtidsledige")
out["table_id"] = table["table_id"]
out["update_latest"] = table["update_latest"]
out["latest"] = latest_month(table["table_id"])
common = "mgroup.*=*&period.M=latest:14"
out["total"] = records(f"data/{table['table_id']}?{common}&hierarchy._nykom=/&hierarchy._ygrpi09=/&hierarchy._akassebl=/&format=json")
out["by_fund"] = records(f"data/{table['table_id']}?{common}&hierarchy._nykom=/&hierarchy._ygrpi09=/&hierarchy._akassebl=*&format=json")
out["benefit"] = records(f"data/{table['table_id']}?{common}&hierarchy._nykom=/&hierarchy._ygrpi09=/2/&format=json")
out["municipalities"] = sorted({r["Område"] for r in records(f"data/{table['table_id']}?mgroup.*=*&period.M=latest:1&hierarchy._nykom=*&format=json")})
# Cash benefit by the real mgroup ids, as a municipal dashboard asks them, and one mgroup alone.
cash = "data/y60a02?mgroup.*=mgrpa02_1,mgrpa02_3,mgrpa02_4b,mgrpa02_5b&period.M=latest:14&hierarchy._nykom=/&format=json"
out["cash"] = records(cash)
out["cash_fulltime"] = records("data/y60a02?mgroup.mgrpa02_3=*&period.M=latest:14&hierarchy._nykom=/&format=json")
status, err = api_get("data/y25i01?hierarchy._foo=*")
out["error"] = {"status": status, "code": err.get("code"), "cause": err.get("cause"), "request_id": bool(err.get("request_id"))}
status, err = api_get("data/y25i05?period.M=latest:1")
out["no_access"] = {"status": status, "cause": err.get("cause")}
print(json.dumps(out, ensure_ascii=False))
