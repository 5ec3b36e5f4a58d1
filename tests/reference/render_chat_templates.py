#!/usr/bin/python3
"""Reference renderings for Tunebench's C++ Jinja engine (core/chat).

Renders every chat template in tests/data/chat/templates/ (copies of /work/shared/chat-templates plus
Tunebench's built-in fallbacks) for a set of conversations, exactly as Hugging Face transformers
renders them: jinja2's ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True) with the
loopcontrols extension, a raise_exception global, a strftime_now global (clock fixed for the fixtures)
and transformers' tojson override. Also renders small feature snippets (snippets.json), some with
jinja2's own htmlsafe tojson and other lexer options.

Run once with Debian's python3-jinja2:  /usr/bin/python3 tests/reference/render_chat_templates.py
Writes tests/data/chat/fixtures/<template>.json and tests/data/chat/snippets.json.
"""
import datetime
import json
import os
import sys

import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "chat")
TEMPLATES = os.path.join(DATA, "templates")
NOW = datetime.datetime(2024, 9, 14, 8, 5, 9)  # the clock strftime_now reads in every fixture


def hf_tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    # transformers' override: no HTML escaping, non-ASCII kept, key order kept.
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def strftime_now(format):
    return NOW.strftime(format)


def make_env(tojson_style="huggingface", trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False):
    env = ImmutableSandboxedEnvironment(trim_blocks=trim_blocks, lstrip_blocks=lstrip_blocks,
                                        keep_trailing_newline=keep_trailing_newline,
                                        extensions=[jinja2.ext.loopcontrols])
    if tojson_style == "huggingface":
        env.filters["tojson"] = hf_tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def render(env, source, variables):
    try:
        template = env.from_string(source)
    except jinja2.TemplateSyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": str(e), "phase": "parse"}}
    except Exception as e:  # TemplateAssertionError and friends
        return {"error": {"type": type(e).__name__, "message": str(e), "phase": "parse"}}
    try:
        return {"expected": template.render(**variables)}
    except Exception as e:
        return {"error": {"type": type(e).__name__, "message": str(e), "phase": "render"}}


# ---- conversations -------------------------------------------------------------------------------
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the current weather for a city & country <metric units>.",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "City name, e.g. Zürich"},
                "days": {"type": "integer", "minimum": 1, "maximum": 7, "default": 1},
                "scale": {"type": "number", "enum": [0.5, 1.0, 2.25]},
            },
            "required": ["city"],
        },
    },
}
SEARCH_TOOL = {
    "type": "function",
    "function": {"name": "search", "description": "Search the web.",
                 "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
                 "return": {"type": "string"}},
}

CONVERSATIONS = [
    {"name": "system_user", "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "What is the capital of France?"}]},
    {"name": "user_only", "messages": [{"role": "user", "content": "Hello!"}]},
    {"name": "multi_turn", "messages": [
        {"role": "system", "content": "You answer briefly."},
        {"role": "user", "content": "Name a prime number."},
        {"role": "assistant", "content": "7"},
        {"role": "user", "content": "Another one?"}]},
    {"name": "multi_turn_no_system", "messages": [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello, how can I help?"},
        {"role": "user", "content": "Tell me a joke."},
        {"role": "assistant", "content": "Why did the GPU cross the road? To parallelise the other side."}]},
    {"name": "unicode", "messages": [
        {"role": "system", "content": "Réponds en français. 日本語もOK 🚀"},
        {"role": "user", "content": "  «Ça va?» — \"quotes\" <tag> & 'apos' \\ backslash\n\tTabbed line  \n"},
        {"role": "assistant", "content": "Très bien 😀 ﬁ ß Ωμέγα"},
        {"role": "user", "content": "Ελληνικά και кириллица"}]},
    {"name": "empty_content", "messages": [
        {"role": "user", "content": ""},
        {"role": "assistant", "content": ""},
        {"role": "user", "content": " "}]},
    {"name": "whitespace_content", "messages": [
        {"role": "system", "content": "\n\n  System with blank lines around.  \n\n"},
        {"role": "user", "content": "line one\nline two\r\nline three\n"}]},
    {"name": "tool_definitions", "tools": [WEATHER_TOOL, SEARCH_TOOL], "messages": [
        {"role": "system", "content": "You can call tools."},
        {"role": "user", "content": "Weather in Zürich?"}]},
    {"name": "tool_definitions_no_system", "tools": [WEATHER_TOOL], "messages": [
        {"role": "user", "content": "Weather in Paris?"}]},
    {"name": "tool_call_roundtrip", "tools": [WEATHER_TOOL], "messages": [
        {"role": "user", "content": "Weather in Zürich for 2 days?"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call12345", "type": "function",
             "function": {"name": "get_weather", "arguments": {"city": "Zürich", "days": 2}}}]},
        {"role": "tool", "tool_call_id": "call12345", "name": "get_weather",
         "content": "{\"temperature\": 21.5, \"unit\": \"C\"}"},
        {"role": "assistant", "content": "It is 21.5 °C in Zürich."},
        {"role": "user", "content": "Thanks!"}]},
    {"name": "tool_call_string_arguments", "messages": [
        {"role": "system", "content": "Use tools when needed."},
        {"role": "user", "content": "Search for llama facts."},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "abcdefghi", "type": "function",
             "function": {"name": "search", "arguments": "{\"query\": \"llama facts\"}"}},
            {"id": "jklmnopqr", "type": "function",
             "function": {"name": "search", "arguments": "{\"query\": \"alpaca facts\"}"}}]},
        {"role": "tool", "tool_call_id": "abcdefghi", "content": "Llamas hum."},
        {"role": "tool", "tool_call_id": "jklmnopqr", "content": "Alpacas are smaller."},
        {"role": "assistant", "content": "<think>combine both</think>Llamas hum; alpacas are smaller."}]},
    {"name": "tool_result_mapping", "messages": [
        {"role": "user", "content": "Look it up."},
        {"role": "assistant", "tool_calls": [
            {"id": "xyz123456", "type": "function", "function": {"name": "lookup", "arguments": {"key": "a<b>&c"}}}]},
        {"role": "tool", "tool_call_id": "xyz123456", "content": {"result": [1, 2.5, True, None], "note": "ok"}}]},
    {"name": "llama_builtin_tools", "variables": {
        "builtin_tools": ["brave_search", "wolfram_alpha", "code_interpreter"], "date_string": "01 Jan 2025",
        "tools_in_user_message": False}, "tools": [WEATHER_TOOL], "messages": [
        {"role": "system", "content": "Environment test."},
        {"role": "user", "content": "Search for the news."},
        {"role": "assistant", "tool_calls": [
            {"type": "function", "function": {"name": "brave_search", "arguments": {"query": "news today"}}}]},
        {"role": "ipython", "content": "No news."}]},
    {"name": "not_alternating", "messages": [
        {"role": "user", "content": "First"},
        {"role": "user", "content": "Second"}]},
    {"name": "unknown_role", "messages": [
        {"role": "user", "content": "Hi"},
        {"role": "narrator", "content": "The plot thickens."}]},
    {"name": "system_only", "messages": [{"role": "system", "content": "Only a system prompt."}]},
    {"name": "no_messages", "messages": []},
]

# bos/eos per model family, as their tokenizer_config.json give them.
TOKENS = {
    "Qwen": ("", "<|im_end|>"),
    "deepseek": ("<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>"),
    "google-gemma": ("<bos>", "<eos>"),
    "meta-llama": ("<|begin_of_text|>", "<|eot_id|>"),
    "microsoft-Phi": ("<s>", "<|endoftext|>"),
    "mistralai": ("<s>", "</s>"),
    "builtin": ("<s>", "</s>"),
}


def tokens_for(name):
    for prefix, pair in TOKENS.items():
        if name.startswith(prefix):
            return pair
    return ("<s>", "</s>")


def template_fixtures():
    env = make_env()
    out_dir = os.path.join(DATA, "fixtures")
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for name in sorted(os.listdir(TEMPLATES)):
        if not name.endswith(".jinja"):
            continue
        with open(os.path.join(TEMPLATES, name), encoding="utf-8") as f:
            source = f.read()
        bos, eos = tokens_for(name)
        cases = []
        for conv in CONVERSATIONS:
            for agp in (True, False):
                variables = {"messages": conv["messages"], "tools": conv.get("tools"),
                             "add_generation_prompt": agp, "bos_token": bos, "eos_token": eos}
                variables.update(conv.get("variables", {}))
                case = {"conversation": conv["name"], "variables": variables}
                case.update(render(env, source, variables))
                cases.append(case)
        doc = {"template": "templates/" + name, "now": NOW.isoformat(), "jinja2": jinja2.__version__,
               "cases": cases}
        with open(os.path.join(out_dir, name[:-len(".jinja")] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        total += len(cases)
    return total


# ---- feature snippets: each is rendered by jinja2 and must be reproduced byte for byte -------------
NO_TRIM = {"trim_blocks": False, "lstrip_blocks": False}
JINJA_TOJSON = {"tojson_style": "jinja2"}
MSGS = [{"role": "system", "content": "S"}, {"role": "user", "content": "U1"},
        {"role": "assistant", "content": "A1", "meta": {"k": [1, 2]}}, {"role": "user", "content": "U2"}]
SNIPPETS = [
    # whitespace control, trim_blocks, lstrip_blocks, comments, raw, trailing newline
    "  {% if true %}\n  x\n  {% endif %}\n  y",
    "a\n  {%- if true %}b{% endif -%}\n  c",
    "a  {% if true %}\nb{% endif %}  \n",
    "a\n    {%+ if true %}b{% endif %}\n",
    "a {{ 1 }}\n  {{- 2 -}}\n b",
    "{# comment #}\nx{# other -#}   y  {#- third #}z",
    "  {# indented comment #}\nline",
    "{% for i in [1,2] %}\n  {{ i }}\n{% endfor %}\n",
    "{% raw %}{{ not evaluated }}{% endraw %}\nafter",
    "x\n\n",
    {"template": "x\n\n", "options": {"keep_trailing_newline": True}},
    {"template": "  {% if true %}\n  x\n  {% endif %}\n  y", "options": NO_TRIM},
    {"template": "{% for i in [1,2] %}\n  {{ i }}\n{% endfor %}\n", "options": NO_TRIM},
    "line\r\nwindows\rmac\n",
    "\t {% if true %}tab{% endif %}\n \u3000{% if true %}ideographic{% endif %}",
    "{{ 'a' }}   {% if true %}x{% endif %}",
    "{% if true %}a{% endif +%}\nb",
    # literals, printing (Python str/repr)
    "{{ [1, 'a', none, true, 1.5, {'k': 'v'}] }}",
    "{{ 1e16 }} {{ 1e15 }} {{ 0.00001 }} {{ 1/3 }} {{ 3/1 }} {{ 7//2 }} {{ -7//2 }} {{ -7 % 3 }} {{ 2**10 }}",
    "{{ 1.0 }} {{ -0.0 }} {{ 100.0 }} {{ 1e-4 }} {{ 123456789012345678.0 }} {{ 0.1 + 0.2 }} {{ 2.5e-300 }} {{ 1_000 }}",
    "{{ 'it\\'s' }} {{ [\"it's\", 'a\"b', 'both\\'\"', 'tab\\there', 'nl\\n', 'é', '\\x00'] }}",
    "{{ (1, 2) }} {{ (1,) }} {{ () }} {{ {'a': (1, 'x')} }}",
    "{{ 'a\\nb' }}|{{ '\\u00e9\\x41\\t' }}|{{ 'a' 'b' }}|{{ \"dq\" }}",
    "{{ true }} {{ false }} {{ none }} {{ True }} {{ None }}",
    "{{ 10 // 3 }} {{ 10 % 3 }} {{ 10.5 // 3 }} {{ 2 ** -1 }} {{ 7 / 2 }} {{ -3 }} {{ 1 - 0.9 }} {{ -7.5 % 2 }} {{ 7 % -3 }}",
    "{{ 'ab' * 3 }} {{ [1] * 2 }} {{ 3 * 'x' }} {{ 'x' * 0 }} {{ 1 + true }}",
    "{{ 'a' ~ 1 ~ none ~ [1] ~ u }}",
    "{{ 2 + 3 * 4 }} {{ (2 + 3) * 4 }} {{ -2 ** 2 }} {{ 2 ** 3 ** 2 }} {{ not true or true }} {{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }}",
    "{{ 1 if true else 2 }} {{ 'a' if false }}|{{ 'x' if none else 'y' if 0 else 'z' }}",
    "{{ 1 and 'x' }} {{ 0 or 'y' }} {{ none or [] }} {{ '' and 1 }}",
    # undefined behaviour
    "{{ u }}|{{ u is defined }}|{{ u is undefined }}|{{ 'a' in u }}|{{ u == none }}|{{ u | length }}|{{ u | list }}",
    "{{ u.a }}",
    "{{ u + 'x' }}",
    "{{ u[0] }}",
    "{{ none.x }}|{{ d.x }}|{{ 'str'.nope }}",
    {"template": "{{ d.x.y }}", "variables": {"d": {}}},
    "{{ u|default('d') }}{{ none|default('d') }}{{ none|default('d', true) }}{{ ''|d('e', true) }}",
    "{{ u|trim }}|{{ u|upper }}|{{ u|string }}|{{ u|first }}|{{ u|join(',') }}",
    "{{ u|tojson }}",
    "{{ u|int }}",
    "{{ u == u }}{{ u != 'x' }}{{ not u }}",
    "{% for x in u %}never{% else %}empty{% endfor %}",
    "{{ u() }}",
    "{{ u is none }}{{ u is string }}{{ u is iterable }}{{ u is mapping }}{{ u is sequence }}",
    # scoping
    "{% for i in [1,2] %}{% if loop.first %}{% set x = 5 %}{% endif %}[{{ x }}]{% endfor %}[{{x}}]",
    "{% set x = 1 %}{% for i in [1,2] %}[{{ x }}]{% set x = x + 1 %}[{{x}}]{% endfor %}[{{x}}]",
    "{% if true %}{% set y = 3 %}{% endif %}{{ y }}",
    "{% set ns = namespace(a=1, b='s') %}{% for i in range(3) %}{% set ns.a = ns.a + i %}{% endfor %}{{ ns.a }} {{ ns.b }} {{ ns.c }}",
    "{% set ns = namespace() %}{% set ns.items = [1] %}{{ ns.items }}",
    "{% set x = 1 %}{% set x.y = 2 %}",
    "{% set a, b = [1, 2] %}{{ b }}{{ a }}",
    "{% set a, b = [1, 2, 3] %}",
    "{% set msg %}inner {{ 1 + 1 }}{% endset %}[{{ msg }}]",
    "{% set msg | upper %}shout{% endset %}{{ msg }}",
    "{% with a = 5, b = 'x' %}{{ a }}{{ b }}{% endwith %}{{ a }}",
    # loops
    "{% for a in [3,1,2] if a > 1 %}{{loop.index}}/{{loop.length}}{{loop.last}} {% else %}none{% endfor %}",
    "{% for x in 'abc' %}{{ loop.index0 }}{{ x }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{% endfor %}",
    "{% for x in [1,2,3] %}{{ loop.previtem }}-{{ loop.nextitem }}-{{ loop.cycle('a','b') }};{% endfor %}",
    "{% for k, v in {'a': 1, 'b': [2]}.items() %}{{k}}={{v}};{% endfor %}",
    "{% for k in {'x': 1, 'y': 2} %}{{ k }}{% endfor %}",
    "{% for k, v in {'b': 1, 'a': 2} | items %}{{ k }}{{ v }}{% endfor %}|{% for k, v in {'b': 1, 'a': 2} | dictsort %}{{ k }}{{ v }}{% endfor %}",
    "{% for x in 5 %}{% endfor %}",
    "{% for x in none %}{% endfor %}",
    "{% for i in range(10) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}",
    "{% for i in [1,2] %}{% for j in 'ab' %}{{ loop.index }}{{ j }}{% endfor %}{{ loop.index }}|{% endfor %}",
    "{{ range(3)|list }} {{ range(1, 7, 2)|list }} {{ range(5, 0, -2)|list }}",
    "{{ range(100001)|length }}",
    {"template": "{% for m in messages %}{{ loop.index }}:{{ m.role }}:{{ m['content'] }}{% if not loop.last %}, {% endif %}{% endfor %}", "variables": {"messages": MSGS}},
    {"template": "{% for m in messages if m.role != 'system' %}{{ m.content }}{% endfor %}|{{ messages[1:] | length }}|{{ messages[-1].content }}|{{ messages[2].meta.k[1] }}", "variables": {"messages": MSGS}},
    # attribute and item access, slicing
    "{{ {'a':1}['a'] }} {{ {'a':1}.a }} {{ {'a':1}.get('b','z') }} {{ {'a':1}.get('b') }} {{ {'a':1}.keys()|list }} {{ {'a':1}.values()|list }}",
    "{{ 'abc'[::-1] }} {{ 'héllo'|length }} {{ 'héllo'[1:3] }} {{ [1,2,3][-1] }} {{ [1,2,3,4,5][1:4:2] }} {{ [1,2,3][5:] }} {{ 'abc'[-2:] }}",
    "{{ [1,2,3][1:] }} {{ [1,2,3][:-1] }}|{{ 'abc'[5] }}|{{ [1][5] }}|{{ [1,2,3][::-2] }}",
    "{{ 'x'[::0] }}",
    "{{ [0, 1].1 }} {{ {'items': 5}['items'] }}",
    # comparisons
    "{{ 1 < 'a' }}",
    "{{ [1,2] == [1,2] }} {{ 1 == 1.0 }} {{ {'a':1} == {'a':1} }} {{ true == 1 }} {{ [1] == (1,) }} {{ 'a' < 'b' }} {{ [1,2] < [1,3] }} {{ none == none }}",
    "{{ 'a' in 'cat' }} {{ 2 in [1,2] }} {{ 'k' in {'k': 1} }} {{ 3 not in [1] }} {{ 'x' not in 'xyz' }}",
    "{{ 1 in 'abc' }}",
    "{{ 1 + 'a' }}",
    "{{ 'a' + 1 }}",
    "{{ 'a' + none }}",
    "{{ 5 / 0 }}",
    "{{ 5 // 0 }}",
    "{{ -'a' }}",
    # tests
    "{{ 'abc' is string }} {{ 1 is number }} {{ [1] is sequence }} {{ {} is mapping }} {{ 'a' is iterable }} {{ 3 is odd }} {{ 4 is even }} {{ 4 is divisibleby 2 }} {{ none is none }} {{ 1 is integer }} {{ 1.0 is float }} {{ true is boolean }}",
    "{{ 'x' is lower }} {{ 'X' is upper }} {{ 'a' is in ['a'] }} {{ 1 is eq 1 }} {{ true is true }} {{ false is false }} {{ 1 is true }} {{ 2 is gt 1 }} {{ 2 is lt 1 }} {{ 2 is ge 2 }} {{ 1 is le 0 }} {{ 1 is ne 2 }} {{ 3 is equalto 3 }}",
    "{{ true is number }} {{ true is integer }} {{ 1 is boolean }} {{ none is sameas none }} {{ 'upper' is filter }} {{ 'odd' is test }} {{ 'nope' is filter }} {{ range is callable }} {{ 'x'.upper is callable }}",
    "{{ x is not defined }} {{ not x is defined }} {{ 1 is not string }}",
    "{{ 1 is nosuchtest }}",
    # filters
    "{{ '  a '|trim }}| {{ 'xxaxx'|trim('x') }} {{ 'a b'.replace(' ', '_') }} {{ 'aaa'|replace('a','b',2) }} {{ 'Hello'|upper }} {{ 'Hello'|lower }}",
    "{{ 'hello world'|capitalize }} {{ 'hello wORLD-foo (bar'|title }} {{ 'ab'|center(7) }}|{{ 'abc'|center(6) }}|",
    "{{ [1,2,3]|join(', ') }} {{ [1,2]|first }} {{ [1,2]|last }} {{ 'abc'|list }} {{ []|first }}|{{ [3,1,2]|sort }} {{ ['b','A','c']|sort }} {{ [3,1,2]|sort(reverse=true) }}",
    "{{ [{'n': 'b'}, {'n': 'a'}]|sort(attribute='n') }} {{ [1,2]|reverse|list }} {{ [1,2,3]|sum }} {{ [1,2,3]|max }} {{ [1,2,3]|min }} {{ 'abc'|reverse }} {{ ['a','A','b']|unique|list }}",
    "{{ {'a':1,'b':2}|items|list }} {{ [1, 'a']|length }} {{ {'a': 1}|count }} {{ 'héllo'|count }}",
    "{{ 'x'|int }} {{ '42'|int }} {{ 4.7|int }} {{ '3.5'|int }} {{ true|int }} {{ ' 12 '|int }} {{ '1_000'|int }} {{ 'x'|int(7) }} {{ -4.7|int }} {{ none|int }}",
    "{{ '3.5'|float }} {{ 2|float }} {{ 'x'|float }} {{ -3|abs }} {{ -2.5|abs }} {{ 2.567|round(2) }} {{ 2.5|round }} {{ 3.5|round }} {{ 2.1|round(0, 'ceil') }} {{ 2.9|round(method='floor') }}",
    "{{ [{'r':'a'},{'r':'b'},{'x':1}]|selectattr('r','equalto','a')|list }} {{ [{'r':'a'},{'r':'b'}]|rejectattr('r','equalto','a')|list }} {{ [{'r':'a'},{'q':1}]|selectattr('r')|list }} {{ [{'r': 'a'}, {'r': none}]|rejectattr('r', 'none')|list }}",
    "{{ ['a','code_interpreter']|reject('equalto','code_interpreter')|join(', ') }} {{ [1,2,3]|select('odd')|list }} {{ [{'a':1}]|map(attribute='a')|list }} {{ ['a']|map('upper')|list }} {{ [0, 1, '']|select|list }} {{ [{'a': {'b': 3}}]|map(attribute='a.b')|list }}",
    "{{ [{'t': 'x'}, {'u': 1}]|map(attribute='t', default='?')|list }} {{ ['a', 'b']|map('replace', 'a', 'z')|join }}",
    "{{ 'a<b>&\"c\\'d'|e }} {{ 'x'|safe }} {{ 'one two  three'|wordcount }} {{ 42|string }} {{ [1]|string }}",
    "{{ 'line1\\nline2\\n\\nline4'|indent }}|{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent(first=true, blank=true) }}|{{ 'x\\ny'|indent('> ') }}",
    "{{ x|nosuchfilter }}",
    "{{ 'abc'|truncate(2) }}",
    # tojson: Hugging Face's and jinja2's
    "{{ {'b':1,'a':[1,2.5,none,true,'é<>&\\'\"\\\\\\n\\t\\u0001\\u2028😀']}|tojson }}",
    "{{ {'b':1, 'c': {'d': []}}|tojson(indent=2) }} {{ [] | tojson(indent=2) }} {{ {} | tojson(indent=2) }} {{ [1, [2, {}]]|tojson(indent=4) }}",
    "{{ 'x'|tojson }} {{ 3|tojson }} {{ 1.0|tojson }} {{ 1e20|tojson }} {{ none|tojson }} {{ (1, 2)|tojson }} {{ {1: 'int key', none: 'n', true: 't'}|tojson }}",
    "{{ {'a': 'é'}|tojson(ensure_ascii=true) }} {{ {'b': 1, 'a': 2}|tojson(sort_keys=true) }} {{ [1, {'a': 2}]|tojson(separators=(',', ':')) }}",
    {"template": "{{ {'b':1,'a':[1,2.5,none,true,'é<>&\\'\"😀']}|tojson }} {{ {'z': 1, 'a': {'y': 2, 'b': 3}}|tojson(indent=2) }} {{ 'x'|tojson }}", "options": JINJA_TOJSON},
    {"template": "{{ tools | tojson }}", "variables": {"tools": [WEATHER_TOOL]}},
    {"template": "{% for t in tools %}{{ t | tojson(indent=4) }}{% endfor %}", "variables": {"tools": [WEATHER_TOOL, SEARCH_TOOL]}},
    # string methods
    "{{ 'a,b,,c'.split(',') }} {{ ' a  b '.split() }} {{ 'a b c'.split(' ', 1) }} {{ 'a-b-c'.split('-', maxsplit=1) }} {{ ''.split() }} {{ ''.split(',') }}",
    "{{ 'hello world'.title() }} {{ 'hELLO'.capitalize() }} {{ 'ab2cd'.title() }} {{ 'Héllo'.upper() }} {{ 'ÀBΣ'.lower() }}",
    "{{ 'abc'.startswith('ab') }} {{ 'abc'.startswith(('x','a')) }} {{ 'abc'.endswith('bc') }} {{ 'abc'.endswith('x') }}",
    "{{ '  x  '.strip() }}|{{ '  x  '.lstrip() }}|{{ '  x  '.rstrip() }}|{{ 'xxhixx'.strip('x') }}|{{ '\\n\\t x \\u00a0'.strip() }}|",
    "{{ '{} is {}'.format('a', 1) }} {{ '{0}{1}{0}'.format('x', 'y') }} {{ '{name}!'.format(name='hi') }} {{ '{{}}'.format() }}",
    "{{ 'a b'.replace(' ', '') }} {{ 'aaa'.replace('a', 'b', 1) }} {{ 'abc'.replace('', '-') }} {{ 'hello'.find('l') }} {{ 'hello'.count('l') }} {{ '-'.join(['a', 'b']) }}",
    "{{ '123'.isdigit() }} {{ 'abc'.isalpha() }} {{ ' '.isspace() }} {{ 'ABC'.isupper() }} {{ 'abc'.islower() }} {{ 'a\\nb'.splitlines() }}",
    "{{ 'x'.split('') }}",
    "{{ [1, 2, 1].count(1) }} {{ [1, 2].index(2) }}",
    "{{ [1].append(2) }}",
    "{{ {'a': 1}.pop('a') }}",
    "{{ ''.__class__ }}|{{ u.__class__ is defined }}",
    # macros and call blocks
    "{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('Bob') }} {{ greet('Al', punct='?') }} {{ greet() }}",
    "{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}{% call wrap('b') %}bold {{ 1 + 1 }}{% endcall %}",
    "{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(4) }}",
    "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}",
    "{% filter upper %}shout {{ 'this' }}{% endfilter %}",
    # globals
    "{{ raise_exception('custom failure: ' ~ 42) }}",
    "{{ strftime_now('%d %b %Y') }} {{ strftime_now('%Y-%m-%d %H:%M:%S %A %B %j %p %I') }}",
    "{{ dict(a=1, b='x') }} {{ namespace(x=1).x }} {{ namespace({'k': 2}).k }}",
    # Python %-formatting and more real-template idioms
    "{{ '%s and %s' % ('a', 1) }} {{ '%d%%' % 50 }} {{ '%05.2f|%-4s|%4s|%r' % (3.14159, 'x', 'y', 'z') }} {{ '%(n)s=%(v)d' % {'n': 'k', 'v': 7} }} {{ '%x %o %.1e' % (255, 8, 12345.678) }}",
    "{{ '%s %s' % ('only one',) }}",
    "{{ 'no placeholders' % 5 }}",
    {"template": "{% for m in messages %}{% if m.content is string %}{{ m.content }}{% else %}{% for part in m.content %}{% if part.type == 'text' %}{{ part.text }}{% elif part.type == 'image' %}<image>{% endif %}{% endfor %}{% endif %}|{% endfor %}",
     "variables": {"messages": [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "What is this?"}]}, {"role": "assistant", "content": "A cat."}]}},
    {"template": "{{ messages[0].content | selectattr('type', 'equalto', 'text') | map(attribute='text') | join('\\n') }}|{{ messages[0].content | length }}",
     "variables": {"messages": [{"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "image"}, {"type": "text", "text": "b"}]}]}},
    {"template": "{%- set reasoning = message.content.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') %}{%- set answer = message.content.split('</think>')[-1].lstrip('\\n') %}[{{ reasoning }}][{{ answer }}]",
     "variables": {"message": {"role": "assistant", "content": "<think>\nstep 1\nstep 2\n</think>\n\nThe answer."}}},
    {"template": "{{ '\\n\\n'.join(messages | map(attribute='content') | map('trim')) }}", "variables": {"messages": MSGS}},
    {"template": "{%- for m in messages %}{{ m }}{% endfor %}", "variables": {"messages": [{"role": "user", "content": "it's \"q\"", "n": 1.5, "t": [True, None]}]}},
    "{% set x = [1, 2, 3] %}{{ x[1:] + x[:1] }} {{ x | sum / x | length }} {{ (x | max) ** 2 }} {{ x | map('string') | join('-') }}",
    "{% for i in range(3) %}{{ loop.index }}{{ ',' if not loop.last }}{% endfor %}",
    "{% set d = {'role': 'user', 'content': 'x'} %}{{ d.role }}{{ d['content'] }}{{ d.get('missing', 'dflt') }}{{ 'role' in d }}{{ d | length }}",
    "{%- if messages is not defined or messages | length == 0 %}none{% endif %}",
    # syntax errors
    "{% if x %}unterminated",
    "{{ x ",
    "{% for %}{% endfor %}",
    "{% endif %}",
    "{% nosuchtag %}",
    "{{ 'unterminated }}",
    "{# unterminated comment",
    "{{ (1, 2 }}",
    "{{ x ]] }}",
    "{% set 1 = 2 %}",
    "{% for x in [1] %}{% else %}{% else %}{% endfor %}",
    "{{ }}",
    "{% include 'other.jinja' %}",
]


def snippet_fixtures():
    cases = []
    envs = {}
    for snip in SNIPPETS:
        if isinstance(snip, str):
            snip = {"template": snip}
        opts = snip.get("options", {})
        key = json.dumps(opts, sort_keys=True)
        if key not in envs:
            envs[key] = make_env(**opts)
        variables = snip.get("variables", {})
        case = {"template": snip["template"], "variables": variables, "options": opts}
        case.update(render(envs[key], snip["template"], variables))
        if "expected" in case and " at 0x" in case["expected"]:
            sys.exit("snippet prints a memory address, not reproducible: " + snip["template"])
        cases.append(case)
    with open(os.path.join(DATA, "snippets.json"), "w", encoding="utf-8") as f:
        json.dump({"now": NOW.isoformat(), "jinja2": jinja2.__version__, "cases": cases}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")
    return len(cases)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    n1 = template_fixtures()
    n2 = snippet_fixtures()
    print(f"jinja2 {jinja2.__version__}: {n1} template cases, {n2} snippet cases")
