#!/usr/bin/env python3
"""Generates resources/demo/support_tickets.jsonl, the demo workspace's support-ticket classification set.

Written for this project (no third-party text). Each record: {"prompt": ticket text, "completion": CATEGORY}
with CATEGORY in BILLING, TECHNICAL, ACCOUNT, SHIPPING, GENERAL. Tickets are composed from per-category issue
phrases (so the category is predictable from the words) plus shared openings, details and closings; about 6%
mention a second topic and some use vaguer wording, for a realistic amount of ambiguity. On purpose the set
also contains exact duplicates, near-duplicates (small edits) and personal data (e-mails, phone numbers, card
numbers, IBANs, an IP address, an API key) so every quality check has something to show.
Run once (deterministic):  python3 resources/demo/make_support_tickets.py
"""
import json
import os
import random

rng = random.Random(5)
OUT = os.path.join(os.path.dirname(__file__), "support_tickets.jsonl")

ISSUES = {
    "BILLING": [
        "I was charged twice for my {plan} subscription this month",
        "my invoice for {month} shows an amount I don't recognise",
        "I need a refund for the {plan} plan, I cancelled before the renewal date",
        "the payment for my last order was declined but the money left my account",
        "can you explain the extra fee on my latest bill",
        "I was billed for the annual plan instead of the monthly one",
        "my discount code was not applied to the invoice",
        "please send me a VAT receipt for my {month} payment",
        "why did my subscription price go up without notice",
        "the refund you promised two weeks ago has still not reached my bank",
        "I want to change the credit card used for billing",
        "there is a pending charge of {amount} that I never authorised",
        "I was overcharged {amount} on my last statement",
        "how do I get a copy of all invoices for my accountant",
        "my trial ended and I was charged even though I cancelled",
    ],
    "TECHNICAL": [
        "the app crashes every time I open the {screen} screen",
        "I get error code {code} when I try to sync my data",
        "the website keeps showing a blank page after login on {browser}",
        "notifications stopped working after the latest update",
        "the export to PDF button does nothing",
        "uploading a file larger than 10 MB always fails with a timeout",
        "the {device} app freezes when I switch between tabs",
        "the search returns no results even for items I know exist",
        "dark mode makes the text unreadable on the {screen} screen",
        "the integration with our calendar stopped syncing yesterday",
        "the page loads extremely slowly since this morning",
        "I see a 500 internal server error when saving my settings",
        "the app drains my battery and gets very hot on {device}",
        "two-factor codes from the app are rejected as invalid",
        "images are not loading in the {screen} view",
    ],
    "ACCOUNT": [
        "I can't log in, the password reset email never arrives",
        "please delete my account and all my personal data",
        "how do I change the email address on my profile",
        "my account was locked after too many login attempts",
        "I want to add a second user to our team account",
        "someone else may have accessed my account, I saw an unknown login",
        "I need to change the name on my account after getting married",
        "how can I turn on two-factor authentication for my profile",
        "I have two accounts and would like to merge them",
        "I forgot my username and can't recover my profile",
        "please update my account to use my new work email",
        "I want to transfer ownership of the workspace to a colleague",
        "my profile picture and display name keep reverting",
        "how do I download a copy of my account data",
    ],
    "SHIPPING": [
        "my parcel has not arrived and the tracking has not updated for {days} days",
        "the package was delivered to the wrong address",
        "I received a damaged box, the item inside is broken",
        "can I change the delivery address for order {order}",
        "my order {order} shows delivered but I never got it",
        "how long does shipping to {country} usually take",
        "the courier left a note but I was home all day",
        "I only received part of my order, two items are missing",
        "can you ship my order with express delivery instead",
        "the tracking number you sent does not work on the courier site",
        "I want to return the item, how do I get a return label",
    ],
    "GENERAL": [
        "do you offer a discount for students or non-profits",
        "what are your customer service opening hours",
        "I just wanted to say thank you, your team was very helpful",
        "is there a way to give feedback about a feature idea",
        "do you have an office in {country} I could visit",
        "are you hiring, and where can I see open positions",
        "can I use your product for a school project",
        "what languages is the app available in",
        "where can I find your privacy policy and terms",
        "I'd like to suggest adding a feature for shared shopping lists",
        "do you have a newsletter I can subscribe to",
    ],
}
WEIGHTS = {"BILLING": 0.28, "TECHNICAL": 0.28, "ACCOUNT": 0.18, "SHIPPING": 0.14, "GENERAL": 0.12}
# Secondary mentions that blur categories (label stays with the main issue).
ASIDES = {
    "BILLING": "also, I was charged for the shipping even though it said free",
    "TECHNICAL": "the app also crashed while I was trying to pay",
    "ACCOUNT": "and I can't log in to check my invoices either",
    "SHIPPING": "and my package is late as well",
    "GENERAL": "by the way, what are your opening hours",
}
VAGUE = {
    "BILLING": ["something is wrong with what I paid", "the amount doesn't look right to me"],
    "TECHNICAL": ["it just doesn't work anymore", "something broke after the update"],
    "ACCOUNT": ["I can't get into my profile", "my login isn't working"],
    "SHIPPING": ["where is my stuff", "still waiting for my order"],
    "GENERAL": ["I have a question", "quick question about your company"],
}
OPENINGS = ["", "Hi, ", "Hello, ", "Hi team, ", "Good morning, ", "Hey, ", "Dear support, ", "Urgent: ", "Hello there, "]
DETAILS = ["", "", " This is the second time I'm writing about this.", " I have already tried restarting.",
           " It started last {weekday}.", " Please help as soon as possible.", " My order number is {order}.",
           " This is really frustrating.", " I'm on the {plan} plan.", " Screenshot attached."]
CLOSINGS = ["", "", " Thanks.", " Thank you!", " Regards, {name}", " Cheers, {name}", " Best, {name}", " Thanks in advance."]
FILL = {
    "plan": ["Pro", "Basic", "Team", "Family", "Premium"],
    "month": ["January", "March", "April", "June", "August", "October", "November"],
    "amount": ["$19.99", "$49.00", "EUR 12.50", "$120", "$7.99"],
    "screen": ["settings", "dashboard", "checkout", "profile", "reports"],
    "code": ["E102", "E-4004", "503", "SYNC_17", "0x80040154"],
    "browser": ["Firefox", "Chrome", "Safari", "Edge"],
    "device": ["iPhone", "Android", "iPad", "Windows", "Mac"],
    "days": ["5", "7", "10", "12"],
    "order": ["A-{n}".format(n=n) for n in range(10450, 10520)],
    "country": ["Canada", "Germany", "Japan", "Brazil", "Australia"],
    "weekday": ["Monday", "Tuesday", "Friday", "weekend"],
    "name": ["Anna", "Ben", "Carlos", "Deepa", "Erik", "Fatima", "George", "Hiro", "Ines", "Jamal"],
}


def fill(text):
    for key, values in FILL.items():
        while "{" + key + "}" in text:
            text = text.replace("{" + key + "}", rng.choice(values), 1)
    return text


def luhn_complete(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def card():
    prefix = rng.choice(["4", "51", "55", "4"])
    body = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
    n = luhn_complete(body)
    return " ".join(n[i:i + 4] for i in range(0, 16, 4))


def iban_de():
    bban = "".join(rng.choice("0123456789") for _ in range(18))
    num = int(bban + "1314" + "00")  # D=13, E=14
    return f"DE{98 - num % 97:02d}{bban}"


def pii_sentence(category):
    name = rng.choice(FILL["name"]).lower()
    email = f"{name}.{rng.choice(['k', 'm', 'w', 'r'])}{rng.randint(1, 99)}@{rng.choice(['example.com', 'mail.example.org', 'example.net'])}"
    phone = f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
    options = [f" You can reach me at {email}.", f" Please call me back on {phone}.", f" My email is {email} and my phone is {phone}."]
    if category == "BILLING":
        options += [f" The card was {card()}.", f" Please refund to IBAN {iban_de()}.", f" I paid with card {card()}."]
    if category == "TECHNICAL":
        options += [f" My IP address is 203.0.{rng.randint(0, 255)}.{rng.randint(1, 254)} if that helps."]
    return rng.choice(options)


def ticket(category):
    if rng.random() < 0.07:
        core = rng.choice(VAGUE[category])
    else:
        core = fill(rng.choice(ISSUES[category]))
    opening = rng.choice(OPENINGS)
    text = opening + (core[0].upper() + core[1:] if not opening else core)
    if rng.random() < 0.06:
        other = rng.choice([c for c in ASIDES if c != category])
        text += ", " + ASIDES[other]
    text += "."
    text += fill(rng.choice(DETAILS))
    if rng.random() < 0.12:
        text += pii_sentence(category)
    text += fill(rng.choice(CLOSINGS))
    return text


records = []
cats = list(WEIGHTS)
for _ in range(1180):
    c = rng.choices(cats, weights=[WEIGHTS[k] for k in cats])[0]
    records.append({"prompt": ticket(c), "completion": c})

# One ticket leaks an API key; one a US SSN.
records.append({"prompt": "Hi, the integration fails with my key sk-proj-Ab3xQ9rT5vW2yZ8kL4mN7pR1sU6tV0wX3yB5cD8eF. What is wrong?", "completion": "TECHNICAL"})
records.append({"prompt": "For the tax form you asked for my SSN, it is 512-44-9021. Please fix the invoice name.", "completion": "BILLING"})

# Near-duplicates: small edits of existing tickets (punctuation, case, a greeting, a word).
for _ in range(30):
    src = rng.choice(records[:1180])
    t = src["prompt"]
    edit = rng.choice(["lower", "greet", "punct", "thanks"])
    if edit == "lower":
        t = t.lower()
    elif edit == "greet":
        t = "Hello again, " + t[0].lower() + t[1:]
    elif edit == "punct":
        t = t.replace(".", "!").replace(",", "")
    else:
        t = t + " Thanks so much"
    records.append({"prompt": t, "completion": src["completion"]})

# Exact duplicates (people submit the same form twice).
for _ in range(25):
    records.append(dict(rng.choice(records[:1180])))

rng.shuffle(records)
with open(OUT, "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
counts = {}
for r in records:
    counts[r["completion"]] = counts.get(r["completion"], 0) + 1
print(f"wrote {len(records)} records to {OUT}: {counts}")
