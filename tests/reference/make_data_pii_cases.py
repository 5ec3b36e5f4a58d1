#!/usr/bin/env python3
"""Writes tests/data/data/pii_cases.jsonl: a labelled PII test set for core/data/pii_detector.

Each line: {"text": ..., "expected": [{"type": "EMAIL", "value": "..."}], "note": "..."}.
Positives are realistic identifiers embedded in support-ticket sentences (valid Luhn cards, valid mod-97
IBANs, ...); negatives are look-alikes: order and invoice numbers, dates, timestamps, version strings,
tracking numbers, Luhn-failing card numbers, bad-checksum IBANs, prices, UUIDs, hashes. A few hard positives
(obfuscated e-mails, 7-digit local numbers) are included on purpose so recall is not flattering.
Run once:  python3 tests/reference/make_data_pii_cases.py  (fixed seed, deterministic output).
"""
import json
import os
import random
import string

rng = random.Random(20261121)
OUT = os.path.join(os.path.dirname(__file__), "..", "data", "data", "pii_cases.jsonl")
cases = []


def add(text, expected=(), note=""):
    cases.append({"text": text, "expected": [{"type": t, "value": v} for t, v in expected], "note": note})


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(prefix, length):
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return body + luhn_digit(body)


def bad_luhn(number):
    last = int(number[-1])
    return number[:-1] + str((last + rng.randint(1, 9)) % 10)


def group(number, sep, sizes):
    out, i = [], 0
    for s in sizes:
        out.append(number[i:i + s])
        i += s
    if i < len(number):
        out.append(number[i:])
    return sep.join(out)


IBAN_LEN = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "ES": 24, "IT": 27, "BE": 16, "CH": 21, "AT": 20, "PL": 28}


def iban(cc):
    n = IBAN_LEN[cc] - 4
    if cc == "GB":
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + "".join(rng.choice(string.digits) for _ in range(n - 4))
    elif cc == "NL":
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + "".join(rng.choice(string.digits) for _ in range(n - 4))
    else:
        bban = "".join(rng.choice(string.digits) for _ in range(n))
    rearranged = bban + cc + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    check = 98 - num % 97
    return f"{cc}{check:02d}{bban}"


def spaced(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


FIRST = ["john", "maria", "li.wei", "a.kowalski", "sam", "priya_k", "o.hara", "dev+tickets", "j.smith42", "anna-lena"]
DOMAINS = ["example.com", "mail.example.org", "company.co.uk", "uni-bonn.de", "example.net", "support.acme.io"]
NAMES = ["Alice", "Bob", "Chen", "Dmitri", "Elena", "Farah", "Gustavo", "Hana"]

# ---- positives --------------------------------------------------------------------------------------
email_templates = ["Please reply to {v} with the invoice.", "My email is {v}", "Contact: {v}.",
                   "I changed my login from {v} to something else", "cc {v}, thanks!", "<{v}> wrote: the app crashed"]
for i in range(40):
    v = rng.choice(FIRST) + "@" + rng.choice(DOMAINS)
    add(rng.choice(email_templates).format(v=v), [("EMAIL", v)], "email")

def nanp():
    area = rng.randint(201, 989)
    exch = rng.randint(200, 999)
    line = rng.randint(0, 9999)
    return area, exch, line

phone_formats = ["({a}) {e}-{l:04d}", "{a}-{e}-{l:04d}", "{a}.{e}.{l:04d}", "+1 {a} {e} {l:04d}", "1-{a}-{e}-{l:04d}"]
phone_templates = ["Call me back at {v} please.", "My number is {v}", "You can reach me on {v} after 5pm.",
                   "Phone: {v}", "I tried calling {v} twice", "text me at {v}"]
for i in range(40):
    a, e, l = nanp()
    v = rng.choice(phone_formats).format(a=a, e=e, l=l)
    add(rng.choice(phone_templates).format(v=v), [("PHONE", v)], "phone-us")
intl = ["+44 20 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+31 20 794 2020", "+81 3-1234-5678",
        "+61 2 9374 4000", "+49 171 2345678", "+34 912 345 678", "+39 06 6988 1234", "+91 98765 43210",
        "020 7946 0958", "07700 900123", "030 901820 12"]
for v in intl:
    add(rng.choice(phone_templates).format(v=v), [("PHONE", v)], "phone-intl")
add("call me at 4155550132 tomorrow", [("PHONE", "4155550132")], "phone-context-digits")
add("my mobile: 07700900123", [("PHONE", "07700900123")], "phone-context-digits")
add("Phone 555-0132 is my desk line", [("PHONE", "555-0132")], "hard: 7-digit local number")
add("ring 0044 20 7946 0958 from abroad", [("PHONE", "0044 20 7946 0958")], "hard: 00 prefix")

ssn_templates = ["My SSN is {v}.", "SSN: {v}", "social security number {v} on the form", "for verification: {v}"]
for i in range(30):
    area = rng.choice([n for n in range(1, 899) if n != 666])
    v = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    add(rng.choice(ssn_templates).format(v=v), [("SSN", v)], "ssn")
add("my social security number is 123 45 6789", [("SSN", "123 45 6789")], "ssn-spaced-context")

card_templates = ["Charge it to {v} please", "card number {v} was declined", "I paid with {v} yesterday",
                  "Visa {v} exp 04/27", "the card ending... actually full number {v}", "refund to {v}"]
issuers = [("4", 16), ("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("35", 16)]
for i in range(45):
    p, n = rng.choice(issuers)
    num = card(p, n)
    style = rng.choice(["plain", "space", "dash"])
    if n == 15:
        v = num if style == "plain" else group(num, " " if style == "space" else "-", [4, 6, 5])
    else:
        v = num if style == "plain" else group(num, " " if style == "space" else "-", [4, 4, 4, 4])
    add(rng.choice(card_templates).format(v=v), [("CREDIT_CARD", v)], "card")

iban_templates = ["Please transfer the refund to {v}.", "IBAN: {v}", "my account {v} was debited twice",
                  "Bank details {v} (Deutsche Bank)"]
for i in range(30):
    v = iban(rng.choice(list(IBAN_LEN)))
    if rng.random() < 0.5:
        v = spaced(v)
    add(rng.choice(iban_templates).format(v=v), [("IBAN", v)], "iban")
add("IBAN GB82 WEST 1234 5698 7654 32 for the payout", [("IBAN", "GB82 WEST 1234 5698 7654 32")], "iban-known")
add("DE89370400440532013000 is my account", [("IBAN", "DE89370400440532013000")], "iban-known")

ip_templates = ["login attempt from {v} blocked", "server at {v} is down", "my IP is {v}", "ping {v} fails"]
for i in range(25):
    v = ".".join(str(rng.randint(1, 254)) for _ in range(4))
    add(rng.choice(ip_templates).format(v=v), [("IP", v)], "ipv4")
for v in ["2001:db8:85a3::8a2e:370:7334", "fe80::1ff:fe23:4567:890a", "2001:0db8:0000:0000:0000:ff00:0042:8329"]:
    add(rng.choice(ip_templates).format(v=v), [("IP", v)], "ipv6")


def rand(chars, n):
    return "".join(rng.choice(chars) for _ in range(n))


alnum = string.ascii_letters + string.digits
secret_templates = ["here is my key {v} can you check", "token={v}", "I accidentally pasted {v} in the chat",
                    "export KEY=\"{v}\""]
for i in range(8):
    add(rng.choice(secret_templates).format(v=(v := "AKIA" + rand(string.ascii_uppercase + string.digits, 16))), [("SECRET", v)], "aws")
for i in range(8):
    v = "hf_" + rand(string.ascii_letters, 2) + rand(alnum, 32)
    v = v[:3] + "A" + v[4:] if not any(c.isupper() for c in v) else v
    add(rng.choice(secret_templates).format(v=v), [("SECRET", v)], "hf")
for i in range(8):
    v = "sk-" + ("proj-" if i % 2 else "") + "Ab3" + rand(alnum, 45)
    add(rng.choice(secret_templates).format(v=v), [("SECRET", v)], "openai")
for i in range(6):
    v = "ghp_" + rand(alnum, 36)
    add(rng.choice(secret_templates).format(v=v), [("SECRET", v)], "github")
key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA" + rand(alnum, 40) + "\n" + rand(alnum, 60) + "\n-----END RSA PRIVATE KEY-----"
add("my server key is:\n" + key + "\nplease help", [("SECRET", key)], "private-key")
key2 = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + rand(alnum, 50) + "\n-----END OPENSSH PRIVATE KEY-----"
add(key2, [("SECRET", key2)], "private-key")

# Mixed: two identifiers in one message.
for i in range(15):
    em = rng.choice(FIRST) + "@" + rng.choice(DOMAINS)
    a, e, l = nanp()
    ph = f"({a}) {e}-{l:04d}"
    add(f"Hi, this is {rng.choice(NAMES)} ({em}), call {ph} if needed.", [("EMAIL", em), ("PHONE", ph)], "mixed")
add("email me at john dot smith at example dot com", [("EMAIL", "john dot smith at example dot com")], "hard: obfuscated email")

# ---- negatives (look-alikes) ---------------------------------------------------------------------------
neg = []
for i in range(30):
    neg.append((f"Order #{rng.randint(10**7, 10**9)} has not arrived yet", "order number"))
    neg.append((f"Invoice INV-{rng.randint(2019, 2026)}-{rng.randint(0, 999999):06d} is wrong", "invoice id"))
for i in range(20):
    neg.append((f"It was delivered on {rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "date iso"))
    neg.append((f"Since {rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(2019, 2026)} the app crashes", "date us"))
    neg.append((f"Log: {rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z error 500", "timestamp"))
    neg.append((f"at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} the sync failed", "time"))
for i in range(20):
    neg.append((f"After updating to version {rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 40)}.{rng.randint(0, 300)} it fails", "version 4-part"))
    neg.append((f"App v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 40)} keeps freezing", "version"))
for i in range(25):
    p, n = rng.choice(issuers)
    num = bad_luhn(card(p, n))
    neg.append((f"card number {group(num, ' ', [4, 4, 4, 4]) if n == 16 else num} was declined", "luhn-failing card"))
for i in range(20):
    v = iban(rng.choice(list(IBAN_LEN)))
    bad = v[:2] + f"{(int(v[2:4]) + rng.randint(1, 50)) % 97 + 2:02d}"[-2:] + v[4:]
    if bad == v:
        continue
    neg.append((f"IBAN: {bad} (typo?)", "bad-checksum iban"))
for i in range(15):
    neg.append((f"Tracking number 1Z{rand(string.ascii_uppercase + string.digits, 16)} shows no movement", "ups tracking"))
    neg.append((f"My reference is {rng.randint(100000, 999999)}-{rng.randint(1000, 9999)}", "reference"))
for i in range(10):
    neg.append((f"It costs ${rng.randint(1, 999)}.{rng.randint(0, 99):02d} per month, I was billed ${rng.randint(1000, 9999)}.00", "prices"))
    neg.append((f"Ticket {rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}X was closed", "ticket-like"))
    neg.append((f"commit {rand('0123456789abcdef', 40)} broke the build", "git sha"))
    neg.append((f"request id {rand('0123456789abcdef', 8)}-{rand('0123456789abcdef', 4)}-4{rand('0123456789abcdef', 3)}-a{rand('0123456789abcdef', 3)}-{rand('0123456789abcdef', 12)}", "uuid"))
neg += [
    ("We use scikit-learn and sk-learn style APIs", "sk- word"),
    ("The task-force-of-the-month-award-goes-to-the-team", "sk- inside word"),
    ("see https://github.com/org/repo/issues/1234 for details", "url"),
    ("my username is user@localhost", "no tld"),
    ("Use the @support handle on twitter", "handle"),
    ("ISBN 978-3-16-148410-0 is the book", "isbn"),
    ("The room is 3.5 x 4.2 m and costs 1,299.00 EUR", "measurements"),
    ("Error code 0x80070057 when installing", "hex error"),
    ("Zip code 94103 and 10001-1234", "zip"),
    ("Model gpt-4o and llama-3.1-8b", "model names"),
    ("the ratio 1:2:3:4 and 10:30 meeting", "colons"),
    ("Build 20240315.1 failed with exit 137", "build number"),
    ("Temperature was 22.5.2024? no, 22.05.2024", "dotted date"),
    ("Call center hours: 9-5, Mon-Fri", "hours"),
    ("hf_hub_download failed with a 404", "hf_ function name"),
    ("Set AKIA_PREFIX env var then retry", "AKIA word"),
    ("Part number 4000-1234-5678 is out of stock", "part number"),
    ("Seat 12A, flight LH 400, gate B22", "travel"),
    ("Serial: SN-4111111111111111-B", "serial containing digits"),
    ("Version 10.0.19045.3693 of Windows", "windows build"),
    ("Compare 1.2.3.4 release notes with release 2.0.0.1", "version release"),
    ("Coordinates 52.5200, 13.4050", "coordinates"),
    ("I have 3 kids aged 4, 7 and 11", "small numbers"),
    ("+1 for this feature request!", "plus one"),
    ("Our SWIFT code is DEUTDEFF and sort code 12-34-56", "swift/sort"),
]
for text, note in neg:
    add(text, [], "negative: " + note)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
pos = sum(1 for c in cases if c["expected"])
print(f"wrote {len(cases)} cases ({pos} with PII, {len(cases) - pos} look-alikes) to {os.path.normpath(OUT)}")
