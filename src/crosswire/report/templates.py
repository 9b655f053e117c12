"""The report's HTML template (Jinja2, rendered with autoescape: every value is escaped unless it is one of
the SVG charts, which svg.py builds from escaped text). No scripts, no external assets: a strict CSP.
A citation of an article the appendix leaves out (`shown`: the appendix's article ids; only a cut story,
see report/scope.py, has such citations) is shown as plain text, never as a link to a missing anchor."""

HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#222}
h1,h2,h3{line-height:1.2} table{border-collapse:collapse;margin:.5em 0 1em;width:100%}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left;font-size:13px}
th{background:#f3f3f3} .muted{color:#666} .cite{font-size:12px;white-space:nowrap}
.story{border-top:3px solid #1565c0;margin-top:2em} .article p{margin:.4em 0;white-space:pre-wrap}
.sent:target{background:#fff59d} .tone-neg{color:#c62828} .tone-pos{color:#2e7d32}
nav a{margin-right:1em} details summary{cursor:pointer;color:#1565c0;font-size:12px}
.reads{font-size:12px;color:#666} .strip{display:flex;flex-wrap:wrap;gap:6px;margin:.5em 0}
.strip span{border:1px solid #ccc;border-radius:3px;padding:2px 6px;font-size:12px}
.codes{font-size:11px;color:#888} svg{max-width:100%;height:auto} table.facts th{white-space:nowrap}
td{overflow-wrap:anywhere} body{overflow-wrap:break-word} td.date,td.status{white-space:nowrap}
@media (max-width:600px){body{padding:.5em}th,td{font-size:12px;padding:3px}.cite{white-space:normal}
table.facts,table.facts tbody,table.facts tr,table.facts td{display:block;width:auto}table.facts tr:first-child{display:none}
table.facts td{border:0;padding:1px 4px}table.facts tr{border-bottom:1px solid #ccc;padding:4px 0}}
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="muted">{{ articles|length }} article{{ "s" if articles|length != 1 }} from {{ outlets|length }} outlet{{ "s" if outlets|length != 1 }}, {{ stories|length }} stor{{ "ies" if stories|length != 1 else "y" }}.
Every statement links to the sentence it comes from (appendix).</p>
{% if coverage %}<p class="coverage">{{ coverage }}</p>
{% endif %}<nav><a href="#summary">Summary</a><a href="#timeline">Timeline</a><a href="#graph">Actor graph</a>
<a href="#stories">Stories</a><a href="#quotes">Quotes</a><a href="#articles">Articles</a></nav>

{% macro cite(c) -%}
{% if c.article_id in shown %}<a class="cite" href="#a-{{ c.article_id }}-{{ c.start }}">[{{ c.outlet or "?" }}]</a>
{%- else %}<span class="cite">[{{ c.outlet or "?" }}]</span>{% endif %}
{%- endmacro %}

{# One group per outlet: "[The Hankyoreh] [2] [3]", not the outlet's name three times over. #}
{% macro cites(sources) -%}
{%- set ns = namespace(outlet=none, n=0) -%}
{%- for c in sources -%}
{%- if loop.first or c.outlet != ns.outlet -%}{%- set ns.outlet = c.outlet -%}{%- set ns.n = 1 -%}{% if not loop.first %} {% endif %}{{ cite(c) }}
{%- else -%}{%- set ns.n = ns.n + 1 -%}
{% if c.article_id in shown %}<a class="cite" href="#a-{{ c.article_id }}-{{ c.start }}">[{{ ns.n }}]</a>{% else %}<span class="cite">[{{ ns.n }}]</span>{% endif %}
{%- endif -%}
{%- endfor -%}
{%- endmacro %}

<h2 id="summary">Situation summary</h2>
<h3>Main actors</h3>
{% if summary.main_actors %}<ul>{% for a in summary.main_actors %}<li>{{ a.name }} <span class="muted">({{ a.key }}; {{ a.articles }} articles,
{{ a.mentions }} mentions)</span></li>{% endfor %}</ul>
{% else %}<p class="muted">{{ none_found }}</p>{% endif %}
<h3>Demands and positions</h3>
{% if summary.positions %}<table><tr><th>stance</th><th>position</th><th>sources</th></tr>
{% for p in summary.positions %}<tr class="position"><td>{{ p.stance }}</td><td>{{ p.what }}</td>
<td>{% for c in p.citations[:4] %}{{ cite(c) }} {% endfor %}</td></tr>{% endfor %}</table>
{% else %}<p class="muted">{{ none_sure if summary.doubted_positions else none_found }}</p>{% endif %}
{% if summary.doubted_positions %}<div class="doubted-positions"><h4>{{ doubted_label }}</h4>
<p class="muted">{{ doubted_positions_note|capitalize }}.</p>
<table><tr><th>stance</th><th>position</th><th>confidence</th><th>sources</th></tr>
{% for p in summary.doubted_positions %}<tr class="doubted-position"><td>{{ p.stance }}</td><td>{{ p.what }}</td>
<td>{{ "%.2f"|format(p.confidence or 0) }}</td><td>{% for c in p.citations[:4] %}{{ cite(c) }} {% endfor %}</td></tr>{% endfor %}</table></div>{% endif %}
<h3>Options and scenarios discussed</h3>
{% if summary.options %}<ul>{% for o in summary.options %}<li>{{ o.sentence }} <span class="muted">({{ o.kind }})</span>
{% for c in o.citations %}{{ cite(c) }}{% endfor %}</li>{% endfor %}</ul>
{% else %}<p class="muted">{{ none_found }}</p>{% endif %}

<h2 id="timeline">Timeline</h2>
{{ timeline_svg }}
<table><tr><th>date</th><th>event</th><th>independent outlets</th><th>sources</th></tr>
{% for e in timeline %}<tr class="timeline-row"><td class="date">{{ e.date or "undated" }}</td><td>{{ e.summary }}</td>
<td>{{ e.independent_outlets|join(", ") }}</td><td>{{ cites(e.sources[:5]) }}</td></tr>{% endfor %}
</table>

<h2 id="graph">Actor graph</h2>
<p class="muted">Green: cooperation (mean Goldstein above +1), red: conflict (below -1), grey: neutral.</p>
{{ graph_svg }}
<table><tr><th>source</th><th>target</th><th>events</th><th>mean Goldstein</th><th>kind</th></tr>
{% for e in graph_edges %}<tr class="edge" data-count="{{ e.count }}"><td>{{ labels.get(e.source, e.source) }}</td><td>{{ labels.get(e.target, e.target) }}</td><td>{{ e.count }}</td>
<td>{{ e.goldstein if e.goldstein is not none else "" }}</td><td>{{ e.kind }}</td></tr>{% endfor %}</table>

<h2 id="stories">Stories</h2>
{% for s in stories %}{% set c = comparisons[s.id] %}
<section class="story" id="story-{{ s.id }}">
<h3>{{ s.title or "Untitled story" }}</h3>
<p class="muted">{{ s.date_span[0] or "?" }} to {{ s.date_span[1] or "?" }}; outlets: {{ s.outlets|join(", ") }};
{{ s.article_ids|length }} articles; genres: {% for g, n in c.genres.get("all", {}).items() %}{{ g }} {{ n }}{% if not loop.last %}, {% endif %}{% endfor %}
{% if c.wire_groups|selectattr("1")|list %}; wire-dependent groups: {% for g in c.wire_groups if g|length > 1 %}[{{ g|length }} articles]{% endfor %}{% endif %}</p>
<div class="strip">{% for a in coverage_strip(s) %}<span>{{ a.outlet }} · {{ a.published or "undated" }} · {{ a.genre }}</span>{% endfor %}</div>
<h4>Corroborated facts (two or more independent outlets report them as happened)</h4>
{{ facts_table(c.corroborated|selectattr("kind", "equalto", "event")|list) }}
<h4>Single-source and unconfirmed facts</h4>
{{ facts_table(c.single_source|selectattr("kind", "equalto", "event")|list) }}
<h4>Statements (said, not facts)</h4>
{{ facts_table(c.statements) }}
{% if c.doubted %}<details class="doubted"><summary>{{ doubted_label }} ({{ c.doubted|length }})</summary>
<p class="muted">Not shown as facts, on the timeline or on the graph: the coder's confidence that each was read right is under its threshold ({{ "%.2f"|format(threshold) }}).</p>
<ul>{% for f in c.doubted %}<li class="doubted-fact">{{ f.summary }} <span class="codes">confidence {{ "%.2f"|format(f.confidence) }}{% if f.codes %}; CAMEO {{ f.codes.cameo }} ({{ f.codes.cameo_name }}){% endif %}</span>
<ul>{% for s in f.sentences %}<li>{% if s.article_id in shown %}<a class="cite" href="#a-{{ s.article_id }}-{{ s.start }}">[{{ s.outlet or "?" }}]</a>{% else %}<span class="cite">[{{ s.outlet or "?" }}]</span>{% endif %}
{% if s.reads and s.reads != "reported" %}<span class="reads">({{ s.reads }})</span> {% endif %}{{ s.text }}{% if s.confidence is not none %} <span class="codes">(confidence {{ "%.2f"|format(s.confidence) }})</span>{% endif %}</li>{% endfor %}</ul></li>{% endfor %}</ul></details>{% endif %}
<h4>Omissions</h4>
{% if c.omissions.values()|select|list %}<table><tr><th>outlet</th><th>leaves out (reported by two or more others)</th></tr>
{% for o, fs in c.omissions.items() if fs %}<tr><td>{{ o }}</td><td>{% for f in fs[:8] %}{{ f.summary }}{% if not loop.last %}; {% endif %}{% endfor %}</td></tr>{% endfor %}</table>{% else %}<p class="muted">Every outlet reports every corroborated fact.</p>{% endif %}
<h4>Emphasis (headline and lead)</h4>
<table><tr><th>outlet</th><th>headline</th><th>actors</th><th>events</th></tr>
{% for o, items in c.emphasis.items() %}{% for e in items %}<tr><td>{{ o }}</td><td><a href="#article-{{ e.article_id }}">{{ e.title or "untitled" }}</a></td>
<td>{{ e.actors|join(", ") }}</td><td>{{ e.events|join("; ") }}</td></tr>{% endfor %}{% endfor %}</table>
<h4>Portrayal of the main actors</h4>
<table><tr><th>outlet</th><th>actor</th><th>tone</th><th>labels</th><th>evidence</th></tr>
{% for o, actors in c.portrayal.items() %}{% for name, v in actors.items() %}<tr><td>{{ o }}</td><td>{{ name }}</td>
<td class="{{ 'tone-neg' if v.tone is not none and v.tone < 0 else 'tone-pos' if v.tone is not none and v.tone > 0 else '' }}">{{ v.tone if v.tone is not none else "n/a" }}</td>
<td>{{ v.labels|join(", ") }}</td><td>{% for ev in v.evidence %}{{ cite(ev) }} {% endfor %}</td></tr>{% endfor %}{% endfor %}</table>
<h4>Anonymous sources</h4>
<table><tr><th>outlet</th><th>anonymous</th><th>quotes</th><th>share</th></tr>
{% for o, v in c.anonymous_share.items() %}<tr><td>{{ o }}</td><td>{{ v.anonymous }}</td><td>{{ v.quotes }}</td><td>{{ v.share }}</td></tr>{% endfor %}</table>
{% if c.quote_fidelity %}<h4>Quote fidelity</h4>
<table><tr><th>speaker</th><th>outlet</th><th>wording</th><th>similarity</th><th>length ratio</th></tr>
{% for q in c.quote_fidelity %}{% for w in q.wordings %}<tr><td>{{ q.speaker }}</td><td>{{ w.outlet }}</td>
<td>{{ w.quote }} {% if w.article_id in shown %}<a class="cite" href="#a-{{ w.article_id }}-{{ w.quote_start }}">[src]</a>{% else %}<span class="cite">[src]</span>{% endif %}</td><td>{{ w.similarity }}</td><td>{{ w.length_ratio }}</td></tr>{% endfor %}{% endfor %}</table>{% endif %}
</section>
{% endfor %}

<h2 id="quotes">Quotes by speaker</h2>
{% for who, qs in quotes_by_speaker.items() %}<h4>{{ who }}</h4><ul>
{% for q in qs[:12] %}<li>{{ q.shown }} {{ cite(q) }}</li>{% endfor %}</ul>{% endfor %}

<h2 id="articles">Appendix: articles</h2>
{% for a in appendix %}<section class="article" id="article-{{ a.id }}">
<h3>{{ a.title or "Untitled" }}</h3>
<p class="muted">{{ a.outlet or "unknown outlet" }}{% if a.published %}, {{ a.published }}{% endif %}{% if a.url %}, {{ a.url }}{% endif %}</p>
<p>{% for piece in a.pieces %}<span class="sent" id="a-{{ a.id }}-{{ piece.start }}">{{ piece.text }}</span>{% endfor %}</p>
{% if a.cut %}<p class="muted">The text is cut here: it runs to {{ "{:,}".format(a.cut) }} characters in all (the whole text is in articles.jsonl and the store).</p>{% endif %}
</section>{% endfor %}
</body>
</html>
"""

FACTS_TABLE = """{% if facts %}<table class="facts"><tr><th>statement</th><th>outlets</th><th>first reported</th><th>status</th></tr>
{% for f in facts %}<tr class="fact" data-kind="{{ f.kind }}"><td>{{ f.summary }}
<span class="codes">{% if f.codes %}CAMEO {{ f.codes.cameo }} ({{ f.codes.cameo_name }}){% if f.codes.plover %}, PLOVER {{ f.codes.plover }}{% endif %}{% endif %}</span>
<details><summary>evidence ({{ f.sentences|length }})</summary><ul>{% for s in f.sentences %}<li>{% if s.article_id in shown %}<a class="cite" href="#a-{{ s.article_id }}-{{ s.start }}">[{{ s.outlet or "?" }}]</a>{% else %}<span class="cite">[{{ s.outlet or "?" }}]</span>{% endif %}
{% if s.reads and s.reads != "reported" %}<span class="reads">({{ s.reads }})</span> {% endif %}{{ s.text }}</li>{% endfor %}</ul></details></td>
<td>{% for r in readings(f) %}{{ r.outlet }}{% if not r.counted %} <span class="reads">({{ r.reads }})</span>{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}</td>
<td class="date">{{ f.first_reported or "" }}</td><td class="status">{{ f.status or f.kind }}</td></tr>{% endfor %}
</table>{% else %}<p class="muted">None.</p>{% endif %}"""
