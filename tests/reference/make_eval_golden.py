#!/usr/bin/python3
"""Golden values for core/eval: ROUGE (Google rouge-score), BLEU (sacreBLEU default), Porter stemming
(NLTK), SQuAD token F1, numpy-style percentiles.

Debian has neither python3-rouge-score nor python3-sacrebleu, so the reference definitions are written
out here from the published algorithm text of those packages (rouge_score/tokenize.py + rouge_scorer.py,
sacrebleu/tokenizers/tokenizer_13a.py + tokenizer_re.py + metrics/bleu.py) and the SQuAD v2 evaluation
script; stemming uses Debian's python3-nltk PorterStemmer itself, exactly as rouge-score does.
Run once with Debian's python (apt-get install python3-nltk):
    /usr/bin/python3 tests/reference/make_eval_golden.py
It writes tests/data/eval/*.json. It also asserts sacreBLEU's own published test values.
"""
import collections
import json
import math
import os
import re
import string
import sys

from nltk.stem import porter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "eval")

# ----------------------------------------------------------------------------------------------- ROUGE
_STEMMER = porter.PorterStemmer()  # default mode NLTK_EXTENSIONS, as rouge-score constructs it


def rouge_tokenize(text, use_stemmer):
    text = text.lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    tokens = re.split(r"\s+", text)
    if use_stemmer:
        tokens = [_STEMMER.stem(x) if len(x) > 3 else x for x in tokens]
    return [x for x in tokens if re.match(r"^[a-z0-9]+$", x)]


def _fmeasure(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _ngrams(tokens, n):
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _score_ngrams(t, p):
    inter = sum(min(c, p[g]) for g, c in t.items())
    tc, pc = sum(t.values()), sum(p.values())
    prec = inter / max(pc, 1)
    rec = inter / max(tc, 1)
    return (prec, rec, _fmeasure(prec, rec))


def _score_lcs(t, p):
    if not t or not p:
        return (0, 0, 0)
    table = [[0] * (len(p) + 1) for _ in range(len(t) + 1)]
    for i in range(1, len(t) + 1):
        for j in range(1, len(p) + 1):
            table[i][j] = table[i - 1][j - 1] + 1 if t[i - 1] == p[j - 1] else max(table[i - 1][j], table[i][j - 1])
    lcs = table[-1][-1]
    prec, rec = lcs / len(p), lcs / len(t)
    return (prec, rec, _fmeasure(prec, rec))


def rouge_score(target, prediction, use_stemmer):
    t = rouge_tokenize(target, use_stemmer)
    p = rouge_tokenize(prediction, use_stemmer)
    return {"rouge1": _score_ngrams(_ngrams(t, 1), _ngrams(p, 1)),
            "rouge2": _score_ngrams(_ngrams(t, 2), _ngrams(p, 2)),
            "rougeL": _score_lcs(t, p)}


def rouge_score_multi(targets, prediction, use_stemmer):
    dicts = [rouge_score(t, prediction, use_stemmer) for t in targets]
    out = {}
    for k in ("rouge1", "rouge2", "rougeL"):
        fs = [d[k][2] for d in dicts]
        out[k] = dicts[fs.index(max(fs))][k]  # numpy.argmax: first maximum
    return out


# ------------------------------------------------------------------------------------------------ BLEU
_RE13A = [
    (re.compile(r'([\{-\~\[-\` -\&\(-\+\:-\@\/])'), r' \1 '),
    (re.compile(r'([^0-9])([\.,])'), r'\1 \2 '),
    (re.compile(r'([\.,])([^0-9])'), r' \1 \2'),
    (re.compile(r'([0-9])(-)'), r'\1 \2 '),
]


def tokenize_13a(line):
    line = line.replace('<skipped>', '')
    line = line.replace('-\n', '')
    line = line.replace('\n', ' ')
    if '&' in line:
        line = line.replace('&quot;', '"')
        line = line.replace('&amp;', '&')
        line = line.replace('&lt;', '<')
        line = line.replace('&gt;', '>')
    line = f' {line} '
    for regex, repl in _RE13A:
        line = regex.sub(repl, line)
    return ' '.join(line.split())


def _all_ngrams(line, max_order=4):
    tokens = line.split()
    grams = []
    for n in range(1, max_order + 1):
        for i in range(0, len(tokens) - n + 1):
            grams.append(tuple(tokens[i:i + n]))
    return collections.Counter(grams), len(tokens)


def _closest_ref_len(hyp_len, ref_lens):
    closest_diff, closest_len = -1, -1
    for ref_len in ref_lens:
        diff = abs(hyp_len - ref_len)
        if closest_diff == -1 or diff < closest_diff:
            closest_diff, closest_len = diff, ref_len
        elif diff == closest_diff and ref_len < closest_len:
            closest_len = ref_len
    return closest_len


def bleu_segment_stats(hyp, refs):
    ref_ngrams, ref_lens = None, []
    for ref in refs:
        grams, length = _all_ngrams(tokenize_13a(ref.rstrip()))
        ref_lens.append(length)
        if ref_ngrams is None:
            ref_ngrams = grams
        else:
            for g, c in grams.items():
                ref_ngrams[g] = max(ref_ngrams[g], c)
    hyp_grams, hyp_len = _all_ngrams(tokenize_13a(hyp.rstrip()))
    correct, total = [0] * 4, [0] * 4
    for g, c in hyp_grams.items():
        total[len(g) - 1] += c
        if g in ref_ngrams:
            correct[len(g) - 1] += min(c, ref_ngrams[g])
    return [hyp_len, _closest_ref_len(hyp_len, ref_lens)] + correct + total


def compute_bleu(correct, total, sys_len, ref_len, effective_order=False):
    bp = 1.0
    if sys_len < ref_len:
        bp = math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0
    precisions = [0.0] * 4
    if not any(correct):
        return 0.0, precisions, bp
    smooth_mteval = 1.
    eff_order = 4
    for n in range(1, 5):
        if total[n - 1] == 0:
            break
        if effective_order:
            eff_order = n
        if correct[n - 1] == 0:
            smooth_mteval *= 2
            precisions[n - 1] = 100. / (smooth_mteval * total[n - 1])
        else:
            precisions[n - 1] = 100. * correct[n - 1] / total[n - 1]
    logs = [(-9999999999 if p == 0.0 else math.log(p)) for p in precisions[:eff_order]]
    return bp * math.exp(sum(logs) / eff_order), precisions, bp


def _bleu_result(stats, effective_order):
    score, precisions, bp = compute_bleu(stats[2:6], stats[6:10], stats[0], stats[1], effective_order)
    return {"score": score, "precisions": precisions, "counts": stats[2:6], "totals": stats[6:10],
            "brevity_penalty": bp, "sys_len": stats[0], "ref_len": stats[1]}


def corpus_bleu(hyps, refs_per_segment):
    total = [0] * 10
    for h, rs in zip(hyps, refs_per_segment):
        total = [a + b for a, b in zip(total, bleu_segment_stats(h, rs))]
    return _bleu_result(total, False)


def sentence_bleu(hyp, refs):
    return _bleu_result(bleu_segment_stats(hyp, refs), True)


# ------------------------------------------------------------------------------------- SQuAD token F1
def squad_normalize(s):
    s = s.lower()
    s = ''.join(ch for ch in s if ch not in set(string.punctuation))
    s = re.sub(r'\b(a|an|the)\b', ' ', s)
    return ' '.join(s.split())


def squad_f1(prediction, reference):
    p, r = squad_normalize(prediction).split(), squad_normalize(reference).split()
    if len(p) == 0 or len(r) == 0:
        return float(p == r)
    common = collections.Counter(p) & collections.Counter(r)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(r)
    return 2 * precision * recall / (precision + recall)


# -------------------------------------------------------------------------------------------- cases
PAIRS = [
    # (name, references, prediction)
    ("identical", ["the cat sat on the mat"], "the cat sat on the mat"),
    ("rouge_readme", ["The quick brown fox jumps over the lazy dog"], "The quick brown dog jumps on the log."),
    ("empty_prediction", ["a reference with words"], ""),
    ("empty_reference", [""], "a prediction with words"),
    ("both_empty", [""], ""),
    ("whitespace_only_prediction", ["some words here"], "   \t\n  "),
    ("no_overlap", ["alpha beta gamma delta"], "one two three four five"),
    ("repeated_ngrams", ["the cat is on the mat"], "the the the the the the the"),
    ("repeated_bigrams", ["to be or not to be"], "to be to be to be to be"),
    ("punctuation", ["Hello, world! It's 3.14-ish; e-mail me: a@b.com (ok?)"],
     "hello world its 3.14 ish e mail me a b com ok"),
    ("numbers", ["In 1,000.50 dollars, 3-4 items (2019-2020)."], "About 1,000 dollars and 3 - 4 items in 2019-2020"),
    ("html_entities", ["Tom &amp; Jerry say &quot;hi&quot; &lt;loud&gt; <skipped>"], 'Tom & Jerry say "hi" <loud>'),
    ("newlines", ["first line con-\ntinues\nsecond line"], "first line continues second line"),
    ("unicode_latin", ["Café naïve résumé déjà vu"], "Cafe naive resume deja vu"),
    ("unicode_special_case", ["İstanbul KELVIN \u212a stays"], "i stanbul kelvin k stays"),
    ("unicode_cjk", ["日本語のテキストです。"], "日本語のテキスト です 。"),
    ("romanian_sacrebleu_issue98", ["producţia de zahăr brut se exprimă în zahăr alb;"],
     "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;"),
    ("unicode_whitespace", ["a\u00a0b\u2003c\u3000d e"], "a b c d\u2028e"),
    ("stemming", ["The runners were running and jumped over fences easily"],
     "A runner runs and jumps over the fence easy"),
    ("stemming_irregular", ["skies dying lying generalizations"], "sky die lie generalization"),
    ("long_sentence", ["a man is riding a horse along the beach while the sun sets slowly behind the hills"],
     "a man rides a horse on the beach as the sun is setting behind hills"),
    ("shorter_hypothesis", ["the president of the united states spoke to the nation tonight"], "the president spoke"),
    ("longer_hypothesis", ["it rained"], "it rained all day long and then it rained some more at night"),
    ("case_difference", ["THE CAT SAT"], "the cat sat"),
    ("multi_ref_best_second", ["completely different words", "the cat sat on the mat"], "the cat sat on a mat"),
    ("multi_ref_tie_lengths", ["one two three", "one two three four five", "one two"], "one two three four"),
    ("multi_ref_three", ["It is a guide to action which ensures that the military always obeys the commands of the party.",
                         "It is the guiding principle which guarantees the military forces always being under the command of the Party.",
                         "It is the practical guide for the army always to heed the directions of the party."],
     "It is a guide to action which ensures that the military always obeys the commands of the party."),
    ("papineni_candidate2", ["It is a guide to action that ensures that the military will forever heed Party commands.",
                             "It is the guiding principle which guarantees the military forces always being under the command of the Party.",
                             "It is the practical guide for the army always to heed the directions of the party."],
     "It is to insure the troops forever hearing the activity guidebook that party direct."),
    ("single_token", ["yes"], "yes"),
    ("single_token_wrong", ["yes"], "no"),
    ("tokenized_period", ["The end ."], "The end."),
]

# Corpora for corpus BLEU (per-segment references).
_SB_REFS = [['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
            ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.']]
_SB_HYPS = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.']


def _transpose(streams):
    return [list(x) for x in zip(*streams)]


CORPORA = [
    ("sacrebleu_readme", _SB_HYPS, _transpose(_SB_REFS)),
    ("sacrebleu_readme_empty_hyps", ["", "", ""], _transpose(_SB_REFS)),
    ("all_pairs", [p for _, _, p in PAIRS], [r for _, r, _ in PAIRS]),
    ("first_five", [p for _, _, p in PAIRS[:5]], [r for _, r, _ in PAIRS[:5]]),
]


def _stem_words():
    words = set()
    for name in sorted(os.listdir("/usr/lib/python3.11"))[:120]:
        path = os.path.join("/usr/lib/python3.11", name)
        if name.endswith(".py") and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                words.update(rouge_tokenize(f.read(), False))
    words = sorted(w for w in words if len(w) > 3 and not w.isdigit())
    step = max(1, len(words) // 1500)
    chosen = words[::step]
    extra = ["caresses", "ponies", "ties", "caress", "cats", "feed", "agreed", "plastered", "bled", "motoring",
             "sing", "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing", "fizzed",
             "failing", "filing", "happy", "sky", "relational", "conditional", "rational", "valenci",
             "hesitanci", "digitizer", "conformabli", "radicalli", "differentli", "vileli", "analogousli",
             "vietnamization", "predication", "operator", "feudalism", "decisiveness", "hopefulness",
             "callousness", "formaliti", "sensitiviti", "sensibiliti", "triplicate", "formative", "formalize",
             "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance", "inference", "airliner",
             "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment", "dependent",
             "adoption", "homologou", "communism", "activate", "angulariti", "homologous", "effective",
             "bowdlerize", "probate", "rate", "cease", "controll", "roll", "generalizations", "oscillators",
             "dying", "lying", "tying", "news", "innings", "outings", "cannings", "howe", "proceed", "exceed",
             "succeed", "skies", "spies", "died", "tied", "cried", "easily", "fully", "archaeology",
             "analogies", "running", "runner", "jumped", "fences", "generously", "y", "yy", "yyy", "ay", "flyy"]
    return sorted(set(chosen + extra))


def main():
    os.makedirs(OUT, exist_ok=True)
    # sacreBLEU's own published test values (test/test_bleu.py, test/test_sentence_bleu.py).
    assert abs(corpus_bleu(_SB_HYPS, _transpose(_SB_REFS))["score"] - 48.530827) < 1e-6
    assert corpus_bleu(["", "", ""], _transpose(_SB_REFS))["score"] == 0.0
    romanian = sentence_bleu("Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;",
                             ["producţia de zahăr brut se exprimă în zahăr alb;"])
    assert abs(romanian["score"] - 8.493) < 1e-3, romanian
    st = bleu_segment_stats("am I am a character sequence", ["I am a symbol string sequence a a"])
    assert st[2:6] == [4, 2, 1, 0] and st[6:10] == [6, 5, 4, 3], st

    rouge_cases, bleu_sentences, f1_cases, tok_cases = [], [], [], []
    for name, refs, pred in PAIRS:
        for stem in (False, True):
            single = rouge_score(refs[0], pred, stem)
            multi = rouge_score_multi(refs, pred, stem)
            rouge_cases.append({"name": name, "references": refs, "prediction": pred, "stemmer": stem,
                                "tokens_prediction": rouge_tokenize(pred, stem),
                                "first_reference": {k: list(v) for k, v in single.items()},
                                "multi": {k: list(v) for k, v in multi.items()}})
        bleu_sentences.append({"name": name, "references": refs, "prediction": pred,
                               "sentence_bleu": sentence_bleu(pred, refs)})
        f1_cases.append({"name": name, "references": refs, "prediction": pred,
                         "normalized_prediction": squad_normalize(pred),
                         "f1_first": squad_f1(pred, refs[0]), "f1_max": max(squad_f1(pred, r) for r in refs)})
        for text in refs + [pred]:
            tok_cases.append({"text": text, "tokens": tokenize_13a(text.rstrip())})
    corpora = [{"name": n, "hypotheses": h, "references": r, "bleu": corpus_bleu(h, r)} for n, h, r in CORPORA]

    import numpy
    pct_cases = []
    for values in ([5.0], [1.0, 2.0], [3.0, 1.0, 2.0], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
                   [12.5, 3.25, 7.0, 100.0, 42.0, 8.0, 9.5]):
        pct_cases.append({"values": values, "p50": float(numpy.percentile(values, 50)),
                          "p95": float(numpy.percentile(values, 95)), "p0": float(numpy.percentile(values, 0)),
                          "p100": float(numpy.percentile(values, 100))})

    stems = [[w, _STEMMER.stem(w)] for w in _stem_words()]

    def dump(name, obj):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
            f.write("\n")

    note = "generated by tests/reference/make_eval_golden.py"
    dump("rouge_golden.json", {"note": note, "cases": rouge_cases})
    dump("bleu_golden.json", {"note": note, "sentences": bleu_sentences, "corpora": corpora,
                              "tokenize_13a": tok_cases})
    dump("token_f1_golden.json", {"note": note, "cases": f1_cases})
    dump("percentile_golden.json", {"note": note, "cases": pct_cases})
    dump("porter_golden.json", {"note": note, "nltk_mode": _STEMMER.mode, "pairs": stems})
    print(f"wrote {len(rouge_cases)} ROUGE, {len(bleu_sentences)} sentence BLEU, {len(corpora)} corpus BLEU, "
          f"{len(f1_cases)} token F1, {len(stems)} stems to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    sys.exit(main())
