#!/usr/bin/env python3
"""Kill -9 loop (issue 10, faults): see kill-loop.sh for usage. Standard library only."""
import argparse, datetime, http.cookiejar, json, os, random, re, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(REPO, "src/Certa.Cli/bin/Release/net10.0/certa.dll")
CSV_HEADER = ("holder,product_type,product_name_en,main_model,hs_code,manufacturer_name_en,manufacturer_address_en,"
              "factory_name_en,factory_address_en,target_countries,validity_years,age_grading")


class Server:
    def __init__(self, a, data):
        self.a, self.data, self.proc, self.log = a, data, None, open(os.path.join(data, "serve.log"), "a")

    def db_args(self):
        args = ["--data-dir", self.data, "--provider", self.a.provider]
        return args + (["--connection-string", self.a.connection_string] if self.a.connection_string else [])

    def start(self, demo=False):
        cmd = ["dotnet", CLI, "serve", "--urls", f"http://127.0.0.1:{self.a.port}"] + self.db_args() + (["--demo"] if demo else [])
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE if demo else self.log, stderr=self.log, text=True)
        out = []
        if demo:
            for line in self.proc.stdout:
                out.append(line)
                if "Certa is running" in line:
                    break
            threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()
        for _ in range(600):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{self.a.port}/health/live", timeout=2).status == 200:
                    return "".join(out)
            except Exception:
                time.sleep(0.2)
        raise SystemExit("the server did not come up; see serve.log")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)

    def cli(self, *args):
        r = subprocess.run(["dotnet", CLI, *args] + self.db_args(), cwd=REPO, capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr


class Session:
    def __init__(self, base, email, password):
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.email, self.password = email, password

    def sign_in(self):
        page = self.opener.open(self.base + "/account/login", timeout=30).read().decode()
        token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"Email": self.email, "Password": self.password, "__RequestVerificationToken": token}).encode()
        self.opener.open(urllib.request.Request(self.base + "/account/login", data=form), timeout=30)

    def call(self, method, path, body=None, key=None, content_type="application/json"):
        data = None if body is None else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", content_type)
        if key:
            req.add_header("Idempotency-Key", key)
        req.add_header("Accept", "application/json")
        try:
            with self.opener.open(req, timeout=60) as r:
                text = r.read().decode()
                return r.status, (json.loads(text) if text.startswith(("{", "[")) else text), r.headers.get("Idempotent-Replayed")
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            return e.code, (json.loads(text) if text.startswith(("{", "[")) else text), e.headers.get("Idempotent-Replayed")


def registration(model):
    return {"holder": "demo-laptop-maker", "productType": "gcc-gmark.TOY-01",
            "product": {"nameEn": "Plush bear", "mainModel": model, "tradeMark": "Bearly"}, "hsCode": "95030090",
            "manufacturer": {"nameEn": "Example Toys Ltd", "addressEn": "1 Toy Road, Shantou"},
            "factory": {"nameEn": "Example Toy Factory", "addressEn": "2 Toy Road, Shantou"},
            "targetCountries": ["SA", "AE"], "ageGrading": "3+", "validityYears": 3}


def round_operations(n):
    """The operations of round n, each (name, idempotency key or None). Replayed whole after a kill."""
    ops = []
    for i in range(3):
        ops.append(("issue", f"r{n}-issue-{i}"))
    ops.append(("import", f"r{n}-import"))
    ops.append(("status", None))
    return ops


class Driver:
    """Runs a round's operations. With kill_at, it sets `reached` just before sending its kill_at-th request (from 1), so
    that the kill lands while that request is on the server, whatever the machine's speed."""

    def __init__(self, body, gso, stats, kill_at=None):
        self.body, self.gso, self.stats = body, gso, stats
        self.kill_at, self.sent, self.reached = kill_at, 0, threading.Event()

    def sending(self):
        self.sent += 1
        if self.sent == self.kill_at:
            self.reached.set()

    def count(self, status):
        self.stats["requests"] += 1
        self.stats.setdefault(f"status {status}", 0)
        self.stats[f"status {status}"] += 1

    def post(self, who, path, body=None, key=None, ct="application/json"):
        self.sending()
        s, j, replayed = who.call("POST", path, body if body is not None else {}, key, ct)
        self.count(s)
        if replayed:
            self.stats["replayed answers"] += 1
        if 400 <= s < 500:
            # What each refusal was, so that the report can say whether it was the replay's expected answer.
            what = f"{s} {re.sub(r'/[0-9a-f-]{36}', '/{id}', path)} {j.get('code') if isinstance(j, dict) else ''}"
            self.stats["refusals"][what] = self.stats["refusals"].get(what, 0) + 1
        if s >= 500:
            raise RuntimeError(f"{s} on {path}: {j}")
        return s, j

    def issue(self, key):
        # Register (idempotent), submit, approve, activate (idempotent): the G-mark path that issues a signed certificate.
        s, reg = self.post(self.body, "/api/v1/gmark", registration(f"KL-{key}"), key=f"{key}-register")
        if s == 409 and isinstance(reg, dict) and reg.get("code") == "idempotency-key-in-use":
            self.stats["stuck keys"].add(f"{key}-register")
            return
        if s not in (200, 201):
            raise RuntimeError(f"register {key}: {s} {reg}")
        rid = reg["id"]
        self.post(self.body, f"/api/v1/gmark/{rid}/submit")          # 409 if already submitted: fine on a replay
        self.post(self.gso, f"/api/v1/gmark/{rid}/approve")
        s, act = self.post(self.body, f"/api/v1/gmark/{rid}/activate", key=f"{key}-activate")
        if s == 409 and isinstance(act, dict) and act.get("code") == "idempotency-key-in-use":
            self.stats["stuck keys"].add(f"{key}-activate")

    def import_(self, key):
        lines = [f"demo-laptop-maker,gcc-gmark.TOY-01,\"Plush bear, large\",KL-{key}-{i:02d},95030090,Example Toys Ltd,"
                 f"\"1 Toy Road, Shantou\",Example Toy Factory,2 Toy Road,SA AE,3,3+" for i in range(20)]
        s, j = self.post(self.body, "/api/v1/gmark/import", CSV_HEADER + "\n" + "\n".join(lines), key=key, ct="text/csv")
        if s == 409 and isinstance(j, dict) and j.get("code") == "idempotency-key-in-use":
            self.stats["stuck keys"].add(key)

    def status(self):
        self.sending()
        s, certs, _ = self.body.call("GET", "/api/v1/certificates?state=active")
        self.count(s)
        items = certs if isinstance(certs, list) else (certs.get("items", []) if isinstance(certs, dict) else [])
        for c in items[:2]:
            self.post(self.body, f"/api/v1/certificates/{c['id']}/suspend", {"reason": "kill loop", "deadline": (datetime.date.today() + datetime.timedelta(days=30)).isoformat()})
            self.post(self.body, f"/api/v1/certificates/{c['id']}/restore", {"reason": "kill loop"})

    def run(self, ops):
        for name, key in ops:
            {"issue": lambda: self.issue(key), "import": lambda: self.import_(key), "status": self.status}[name]()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=20)
    p.add_argument("--provider", default="sqlite")
    p.add_argument("--connection-string")
    p.add_argument("--port", type=int, default=5141)
    p.add_argument("--seed", type=int, default=10)
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    random.seed(a.seed)
    data = tempfile.mkdtemp(prefix="certa-kill-loop-")
    server = Server(a, data)
    print(f"data directory {data}; provider {a.provider}; {a.rounds} rounds", flush=True)
    banner = server.start(demo=True)
    passwords = dict(re.findall(r"^\s+(\S+@\S+)\s+(\S+)\s", banner, re.M))
    base = f"http://127.0.0.1:{a.port}"
    body, gso = Session(base, "admin@cqc.example", passwords["admin@cqc.example"]), Session(base, "officer@gso.example", passwords["officer@gso.example"])
    stats = {"requests": 0, "replayed answers": 0, "kills": 0, "kills mid-request": 0, "replays of a round": 0, "stuck keys": set(), "errors": [], "refusals": {}}
    for who in (body, gso):
        who.sign_in()
    for n in range(a.rounds):
        ops = round_operations(n)
        # A round sends 18 requests when nothing was done before: the kill comes 0-40 ms after one of them is sent.
        driver = Driver(body, gso, stats, kill_at=random.randint(1, 18))
        stats.setdefault("kill at request", []).append(driver.kill_at)
        failure = []
        def drive():
            try:
                driver.run(ops)
                failure.append("finished")
            except Exception:   # the kill cut a request: expected, the replay below redoes the round
                pass
        worker = threading.Thread(target=drive, daemon=True)
        worker.start()
        if driver.reached.wait(timeout=120):
            time.sleep(random.uniform(0, 0.04))
        server.kill9()
        stats["kills"] += 1
        worker.join(timeout=70)
        if not failure:
            stats["kills mid-request"] += 1
        server.start()
        for who in (body, gso):
            who.sign_in()   # the session cookie survives (shared Data Protection keys), but sign in again in case it was mid-login
        try:
            stats["replays of a round"] += 1
            Driver(body, gso, stats).run(ops)
        except Exception as e:  # a 5xx after restart is a finding
            stats["errors"].append(f"round {n}: {e}")
        print(f"round {n + 1}/{a.rounds}: killed {'after the round' if failure else 'mid-round'}; "
              f"{stats['requests']} requests so far", flush=True)

    time.sleep(15)   # the status list and log workers run every few seconds
    findings = check(server, stats)
    server.stop()
    stats["stuck keys"] = sorted(stats["stuck keys"])
    print(json.dumps({k: v for k, v in stats.items()}, indent=2))
    print("FINDINGS:" if findings else "No findings: nothing half-issued, nothing issued twice, audit chain and log verify, workers caught up.")
    for f in findings:
        print("  -", f)
    if not a.keep:
        subprocess.run(["rm", "-rf", data])
    sys.exit(1 if findings else 0)


def query(server, sql):
    if server.a.provider == "sqlite":
        with sqlite3.connect(os.path.join(server.data, "certa.db")) as c:
            return c.execute(sql).fetchall()
    from urllib.parse import unquote  # noqa: F401  (psql takes the libpq keywords below)
    kv = dict(part.split("=", 1) for part in server.a.connection_string.split(";") if "=" in part)
    env = dict(os.environ, PGHOST=kv.get("Host", "127.0.0.1"), PGPORT=kv.get("Port", "5432"), PGUSER=kv.get("Username", "postgres"),
               PGDATABASE=kv.get("Database", "postgres"), PGPASSWORD=kv.get("Password", ""))
    out = subprocess.run(["psql", "-At", "-F", "\t", "-c", sql], env=env, capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def check(server, stats):
    findings = []
    q = lambda sql: query(server, sql)
    # Half-issued: a certificate without a signed credential for each of its versions, or without its audit event; an active
    # G-mark registration without its certificate.
    unsigned = q('SELECT c."Id" FROM "Certificates" c WHERE NOT EXISTS (SELECT 1 FROM "IssuedCredentials" i WHERE i."CertificateId" = c."Id")')
    findings += [f"certificate {r[0]} has no signed credential" for r in unsigned]
    unaudited = q('SELECT c."Id" FROM "Certificates" c WHERE NOT EXISTS (SELECT 1 FROM "AuditEvents" e WHERE e."EntityType" = \'certificate\' AND lower(e."EntityId") = lower(c."Id"))'
                  if server.a.provider == "sqlite" else
                  'SELECT c."Id" FROM "Certificates" c WHERE NOT EXISTS (SELECT 1 FROM "AuditEvents" e WHERE e."EntityType" = \'certificate\' AND e."EntityId" = c."Id"::text)')
    findings += [f"certificate {r[0]} has no audit event" for r in unaudited]
    orphan = q('SELECT r."Id" FROM "GmarkRegistrations" r WHERE r."State" = \'Active\' AND (r."CertificateId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Certificates" c WHERE c."Id" = r."CertificateId"))')
    findings += [f"active registration {r[0]} has no certificate" for r in orphan]
    # Issued twice: one registration per model (each model is one idempotency key's), one certificate per registration.
    twice = q('SELECT "Details", COUNT(*) FROM "GmarkRegistrations" GROUP BY "Details" HAVING COUNT(*) > 1')
    findings += [f"{r[1]} registrations with the same details" for r in twice]
    twice_cert = q('SELECT "CertificateId", COUNT(*) FROM "GmarkRegistrations" WHERE "CertificateId" IS NOT NULL GROUP BY "CertificateId" HAVING COUNT(*) > 1')
    findings += [f"certificate {r[0]} of {r[1]} registrations" for r in twice_cert]
    stats["certificates"] = q('SELECT COUNT(*) FROM "Certificates"')[0][0]
    stats["gmark registrations"] = q('SELECT COUNT(*) FROM "GmarkRegistrations"')[0][0]
    for name, args in (("audit verify", ["audit", "verify"]), ("log monitor", ["log", "monitor"]), ("check", ["check"])):
        code, out = server.cli(*args)
        stats[name] = out.strip().splitlines()[-1] if out.strip() else ""
        if code != 0:
            findings.append(f"certa {' '.join(args)} exited {code}: {out.strip()[-500:]}")
        if name == "log monitor" and "await the next merge" in out:
            findings.append(f"the log did not catch up: {out.strip()}")
    findings += stats["errors"]
    if stats["stuck keys"]:
        findings.append(f"{len(stats['stuck keys'])} idempotency keys stuck 'in use' after a kill (the replay cannot complete): {sorted(stats['stuck keys'])[:5]}")
    return findings


if __name__ == "__main__":
    main()
