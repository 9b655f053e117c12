"""Plain English for coded events: "Kim Jong-un held talks with Vladimir Putin in Vladivostok on 25 April
2019", "North Korea rejected South Korea's proposal", "Russia is expected to host North Korea".

Each CAMEO code (its three-digit code, else its root) has a verb phrase in three forms: past ("held talks
with {t}"), base ("hold talks with {t}", for "is expected to ...", "may ...", "did not ...") and gerund
("holding talks with {t}", for "denied ..."). `{t}` is the target; a part in square brackets is dropped
when the event has no target ("held talks[ with {t}]" -> "held talks"). The phrases are written here from
the CAMEO codebook's definitions; the codes stay with every fact as secondary metadata.
"""

from __future__ import annotations

import re
from datetime import date

from crosswire.knowledge.months import MONTH_NAMES

# code -> (past, base, gerund)
VERBS: dict[str, tuple[str, str, str]] = {
    # 01 make public statement
    # a statement's target is whom it is addressed to ("told Putin", "said to reporters"), not its topic
    "01": ("made a statement[ to {t}]", "make a statement[ to {t}]", "making a statement[ to {t}]"),
    "010": ("made a statement[ to {t}]", "make a statement[ to {t}]", "making a statement[ to {t}]"),
    "011": ("declined to comment[ on {t}]", "decline to comment[ on {t}]", "declining to comment[ on {t}]"),
    "012": ("spoke pessimistically[ about {t}]", "speak pessimistically[ about {t}]", "speaking pessimistically[ about {t}]"),
    "013": ("spoke optimistically[ about {t}]", "speak optimistically[ about {t}]", "speaking optimistically[ about {t}]"),
    "014": ("considered a policy option[ on {t}]", "consider a policy option[ on {t}]", "considering a policy option[ on {t}]"),
    "015": ("claimed responsibility[ for an act against {t}]", "claim responsibility[ for an act against {t}]", "claiming responsibility[ for an act against {t}]"),
    "016": ("denied responsibility[ for an act against {t}]", "deny responsibility[ for an act against {t}]", "denying responsibility[ for an act against {t}]"),
    "017": ("made a symbolic gesture[ toward {t}]", "make a symbolic gesture[ toward {t}]", "making a symbolic gesture[ toward {t}]"),
    "018": ("expressed sympathy[ with {t}]", "express sympathy[ with {t}]", "expressing sympathy[ with {t}]"),
    "019": ("expressed agreement[ with {t}]", "express agreement[ with {t}]", "expressing agreement[ with {t}]"),
    # 02 appeal
    "02": ("appealed[ to {t}]", "appeal[ to {t}]", "appealing[ to {t}]"),
    "020": ("appealed[ to {t}]", "appeal[ to {t}]", "appealing[ to {t}]"),
    "021": ("asked[ {t}] for material cooperation", "ask[ {t}] for material cooperation", "asking[ {t}] for material cooperation"),
    "022": ("asked[ {t}] for diplomatic support", "ask[ {t}] for diplomatic support", "asking[ {t}] for diplomatic support"),
    "023": ("asked[ {t}] for aid", "ask[ {t}] for aid", "asking[ {t}] for aid"),
    "024": ("called for political reform[ by {t}]", "call for political reform[ by {t}]", "calling for political reform[ by {t}]"),
    "025": ("called on[ {t}] to yield", "call on[ {t}] to yield", "calling on[ {t}] to yield"),
    "026": ("called for talks[ with {t}]", "call for talks[ with {t}]", "calling for talks[ with {t}]"),
    "027": ("called for a settlement[ with {t}]", "call for a settlement[ with {t}]", "calling for a settlement[ with {t}]"),
    "028": ("called for mediation[ with {t}]", "call for mediation[ with {t}]", "calling for mediation[ with {t}]"),
    # 03 express intent to cooperate
    "03": ("said it would cooperate[ with {t}]", "say it would cooperate[ with {t}]", "saying it would cooperate[ with {t}]"),
    "030": ("said it would cooperate[ with {t}]", "say it would cooperate[ with {t}]", "saying it would cooperate[ with {t}]"),
    "031": ("offered material cooperation[ to {t}]", "offer material cooperation[ to {t}]", "offering material cooperation[ to {t}]"),
    "032": ("offered diplomatic support[ to {t}]", "offer diplomatic support[ to {t}]", "offering diplomatic support[ to {t}]"),
    "033": ("offered aid[ to {t}]", "offer aid[ to {t}]", "offering aid[ to {t}]"),
    "034": ("offered political reform[ to {t}]", "offer political reform[ to {t}]", "offering political reform[ to {t}]"),
    "035": ("offered to yield[ to {t}]", "offer to yield[ to {t}]", "offering to yield[ to {t}]"),
    "036": ("offered to meet[ {t}]", "offer to meet[ {t}]", "offering to meet[ {t}]"),
    "037": ("offered to settle the dispute[ with {t}]", "offer to settle the dispute[ with {t}]", "offering to settle the dispute[ with {t}]"),
    "038": ("offered to accept mediation[ with {t}]", "offer to accept mediation[ with {t}]", "offering to accept mediation[ with {t}]"),
    "039": ("offered to mediate[ with {t}]", "offer to mediate[ with {t}]", "offering to mediate[ with {t}]"),
    # 04 consult
    "04": ("held talks[ with {t}]", "hold talks[ with {t}]", "holding talks[ with {t}]"),
    "040": ("held talks[ with {t}]", "hold talks[ with {t}]", "holding talks[ with {t}]"),
    "041": ("spoke by telephone[ with {t}]", "speak by telephone[ with {t}]", "speaking by telephone[ with {t}]"),
    "042": ("visited[ {t}]", "visit[ {t}]", "visiting[ {t}]"),
    "043": ("hosted[ {t}]", "host[ {t}]", "hosting[ {t}]"),
    "044": ("met[ {t}] at a third location", "meet[ {t}] at a third location", "meeting[ {t}] at a third location"),
    "045": ("mediated[ between {t} and others]", "mediate[ between {t} and others]", "mediating[ between {t} and others]"),
    "046": ("negotiated[ with {t}]", "negotiate[ with {t}]", "negotiating[ with {t}]"),
    # 05 diplomatic cooperation
    "05": ("cooperated diplomatically[ with {t}]", "cooperate diplomatically[ with {t}]", "cooperating diplomatically[ with {t}]"),
    "050": ("cooperated diplomatically[ with {t}]", "cooperate diplomatically[ with {t}]", "cooperating diplomatically[ with {t}]"),
    "051": ("praised[ {t}]", "praise[ {t}]", "praising[ {t}]"),
    "052": ("defended[ {t}]", "defend[ {t}]", "defending[ {t}]"),
    "053": ("rallied support[ for {t}]", "rally support[ for {t}]", "rallying support[ for {t}]"),
    "054": ("recognised[ {t}] diplomatically", "recognise[ {t}] diplomatically", "recognising[ {t}] diplomatically"),
    "055": ("apologised[ to {t}]", "apologise[ to {t}]", "apologising[ to {t}]"),
    "056": ("forgave[ {t}]", "forgive[ {t}]", "forgiving[ {t}]"),
    "057": ("signed an agreement[ with {t}]", "sign an agreement[ with {t}]", "signing an agreement[ with {t}]"),
    # 06 material cooperation
    "06": ("cooperated[ with {t}]", "cooperate[ with {t}]", "cooperating[ with {t}]"),
    "060": ("cooperated[ with {t}]", "cooperate[ with {t}]", "cooperating[ with {t}]"),
    "061": ("cooperated economically[ with {t}]", "cooperate economically[ with {t}]", "cooperating economically[ with {t}]"),
    "062": ("cooperated militarily[ with {t}]", "cooperate militarily[ with {t}]", "cooperating militarily[ with {t}]"),
    "063": ("cooperated in judicial matters[ with {t}]", "cooperate in judicial matters[ with {t}]", "cooperating in judicial matters[ with {t}]"),
    "064": ("shared intelligence[ with {t}]", "share intelligence[ with {t}]", "sharing intelligence[ with {t}]"),
    # 07 provide aid
    "07": ("gave aid[ to {t}]", "give aid[ to {t}]", "giving aid[ to {t}]"),
    "070": ("gave aid[ to {t}]", "give aid[ to {t}]", "giving aid[ to {t}]"),
    "071": ("gave economic aid[ to {t}]", "give economic aid[ to {t}]", "giving economic aid[ to {t}]"),
    "072": ("gave military aid[ to {t}]", "give military aid[ to {t}]", "giving military aid[ to {t}]"),
    "073": ("gave humanitarian aid[ to {t}]", "give humanitarian aid[ to {t}]", "giving humanitarian aid[ to {t}]"),
    "074": ("gave military protection[ to {t}]", "give military protection[ to {t}]", "giving military protection[ to {t}]"),
    "075": ("granted asylum[ to {t}]", "grant asylum[ to {t}]", "granting asylum[ to {t}]"),
    # 08 yield
    "08": ("gave way[ to {t}]", "give way[ to {t}]", "giving way[ to {t}]"),
    "080": ("gave way[ to {t}]", "give way[ to {t}]", "giving way[ to {t}]"),
    "081": ("eased administrative sanctions[ on {t}]", "ease administrative sanctions[ on {t}]", "easing administrative sanctions[ on {t}]"),
    "082": ("eased restrictions on dissent[ in {t}]", "ease restrictions on dissent[ in {t}]", "easing restrictions on dissent[ in {t}]"),
    "083": ("accepted demands for reform[ from {t}]", "accept demands for reform[ from {t}]", "accepting demands for reform[ from {t}]"),
    # a resignation (yield.resign) is the usual 0831: whom the sentence names near it is rarely whom it yields to
    "0831": ("stepped down", "step down", "stepping down"),
    "0832": ("accepted demands for a policy change[ from {t}]", "accept demands for a policy change[ from {t}]", "accepting demands for a policy change[ from {t}]"),
    "0833": ("accepted demands for rights[ from {t}]", "accept demands for rights[ from {t}]", "accepting demands for rights[ from {t}]"),
    "0834": ("accepted demands for institutional change[ from {t}]", "accept demands for institutional change[ from {t}]", "accepting demands for institutional change[ from {t}]"),
    "084": ("released or returned[ {t}]", "release or return[ {t}]", "releasing or returning[ {t}]"),
    "085": ("eased economic sanctions[ on {t}]", "ease economic sanctions[ on {t}]", "easing economic sanctions[ on {t}]"),
    "086": ("allowed international involvement[ in {t}]", "allow international involvement[ in {t}]", "allowing international involvement[ in {t}]"),
    "087": ("de-escalated militarily[ toward {t}]", "de-escalate militarily[ toward {t}]", "de-escalating militarily[ toward {t}]"),
    # 09 investigate
    "09": ("investigated[ {t}]", "investigate[ {t}]", "investigating[ {t}]"),
    "090": ("investigated[ {t}]", "investigate[ {t}]", "investigating[ {t}]"),
    "091": ("investigated[ {t} for] crime or corruption", "investigate[ {t} for] crime or corruption", "investigating[ {t} for] crime or corruption"),
    "092": ("investigated human rights abuses[ by {t}]", "investigate human rights abuses[ by {t}]", "investigating human rights abuses[ by {t}]"),
    "093": ("investigated military action[ by {t}]", "investigate military action[ by {t}]", "investigating military action[ by {t}]"),
    "094": ("investigated war crimes[ by {t}]", "investigate war crimes[ by {t}]", "investigating war crimes[ by {t}]"),
    # 10 demand
    "10": ("made demands[ of {t}]", "make demands[ of {t}]", "making demands[ of {t}]"),
    "100": ("made demands[ of {t}]", "make demands[ of {t}]", "making demands[ of {t}]"),
    "101": ("demanded information[ from {t}]", "demand information[ from {t}]", "demanding information[ from {t}]"),
    "102": ("demanded policy support[ from {t}]", "demand policy support[ from {t}]", "demanding policy support[ from {t}]"),
    "103": ("demanded aid or protection[ from {t}]", "demand aid or protection[ from {t}]", "demanding aid or protection[ from {t}]"),
    "104": ("made policy demands[ of {t}]", "make policy demands[ of {t}]", "making policy demands[ of {t}]"),
    "105": ("demanded mediation[ with {t}]", "demand mediation[ with {t}]", "demanding mediation[ with {t}]"),
    "106": ("demanded a withdrawal[ by {t}]", "demand a withdrawal[ by {t}]", "demanding a withdrawal[ by {t}]"),
    "107": ("demanded a ceasefire[ from {t}]", "demand a ceasefire[ from {t}]", "demanding a ceasefire[ from {t}]"),
    "108": ("demanded talks[ with {t}]", "demand talks[ with {t}]", "demanding talks[ with {t}]"),
    # 11 disapprove
    "11": ("criticised[ {t}]", "criticise[ {t}]", "criticising[ {t}]"),
    "110": ("criticised[ {t}]", "criticise[ {t}]", "criticising[ {t}]"),
    "111": ("criticised[ {t}]", "criticise[ {t}]", "criticising[ {t}]"),
    "112": ("accused[ {t}]", "accuse[ {t}]", "accusing[ {t}]"),
    "113": ("rallied opposition[ against {t}]", "rally opposition[ against {t}]", "rallying opposition[ against {t}]"),
    "114": ("complained officially[ about {t}]", "complain officially[ about {t}]", "complaining officially[ about {t}]"),
    "115": ("sued[ {t}]", "sue[ {t}]", "suing[ {t}]"),
    "116": ("found[ {t}] guilty", "find[ {t}] guilty", "finding[ {t}] guilty"),
    # 12 reject
    "12": ("rejected[ {t}'s] proposals", "reject[ {t}'s] proposals", "rejecting[ {t}'s] proposals"),
    "120": ("rejected[ {t}'s] proposals", "reject[ {t}'s] proposals", "rejecting[ {t}'s] proposals"),
    "121": ("rejected material cooperation[ with {t}]", "reject material cooperation[ with {t}]", "rejecting material cooperation[ with {t}]"),
    "122": ("rejected a request for aid[ from {t}]", "reject a request for aid[ from {t}]", "rejecting a request for aid[ from {t}]"),
    "123": ("rejected demands for reform[ from {t}]", "reject demands for reform[ from {t}]", "rejecting demands for reform[ from {t}]"),
    "124": ("refused to yield[ to {t}]", "refuse to yield[ to {t}]", "refusing to yield[ to {t}]"),
    "125": ("rejected a proposal[ from {t}]", "reject a proposal[ from {t}]", "rejecting a proposal[ from {t}]"),
    "126": ("rejected mediation[ with {t}]", "reject mediation[ with {t}]", "rejecting mediation[ with {t}]"),
    "127": ("rejected a settlement[ with {t}]", "reject a settlement[ with {t}]", "rejecting a settlement[ with {t}]"),
    "128": ("defied norms or laws[ of {t}]", "defy norms or laws[ of {t}]", "defying norms or laws[ of {t}]"),
    "129": ("vetoed a proposal[ from {t}]", "veto a proposal[ from {t}]", "vetoing a proposal[ from {t}]"),
    # 13 threaten
    "13": ("threatened[ {t}]", "threaten[ {t}]", "threatening[ {t}]"),
    "130": ("threatened[ {t}]", "threaten[ {t}]", "threatening[ {t}]"),
    "131": ("threatened[ {t}] with non-military measures", "threaten[ {t}] with non-military measures", "threatening[ {t}] with non-military measures"),
    "132": ("threatened[ {t}] with sanctions", "threaten[ {t}] with sanctions", "threatening[ {t}] with sanctions"),
    "133": ("threatened protests[ against {t}]", "threaten protests[ against {t}]", "threatening protests[ against {t}]"),
    "134": ("threatened to halt talks[ with {t}]", "threaten to halt talks[ with {t}]", "threatening to halt talks[ with {t}]"),
    "135": ("threatened to halt mediation[ with {t}]", "threaten to halt mediation[ with {t}]", "threatening to halt mediation[ with {t}]"),
    "136": ("threatened to end its involvement[ with {t}]", "threaten to end its involvement[ with {t}]", "threatening to end its involvement[ with {t}]"),
    "137": ("threatened[ {t}] with repression", "threaten[ {t}] with repression", "threatening[ {t}] with repression"),
    "138": ("threatened military force[ against {t}]", "threaten military force[ against {t}]", "threatening military force[ against {t}]"),
    "139": ("gave an ultimatum[ to {t}]", "give an ultimatum[ to {t}]", "giving an ultimatum[ to {t}]"),
    # 14 protest
    "14": ("protested[ against {t}]", "protest[ against {t}]", "protesting[ against {t}]"),
    "140": ("protested[ against {t}]", "protest[ against {t}]", "protesting[ against {t}]"),
    "141": ("demonstrated[ against {t}]", "demonstrate[ against {t}]", "demonstrating[ against {t}]"),
    "142": ("went on hunger strike[ against {t}]", "go on hunger strike[ against {t}]", "going on hunger strike[ against {t}]"),
    "143": ("went on strike or boycotted[ {t}]", "strike or boycott[ {t}]", "striking or boycotting[ {t}]"),
    "144": ("blocked[ {t}]", "block[ {t}]", "blocking[ {t}]"),
    "145": ("rioted[ against {t}]", "riot[ against {t}]", "rioting[ against {t}]"),
    # 15 exhibit force posture
    "15": ("showed military force[ toward {t}]", "show military force[ toward {t}]", "showing military force[ toward {t}]"),
    "150": ("showed military force[ toward {t}]", "show military force[ toward {t}]", "showing military force[ toward {t}]"),
    "151": ("raised its police alert[ against {t}]", "raise its police alert[ against {t}]", "raising its police alert[ against {t}]"),
    "152": ("raised its military alert[ against {t}]", "raise its military alert[ against {t}]", "raising its military alert[ against {t}]"),
    "153": ("mobilised police[ against {t}]", "mobilise police[ against {t}]", "mobilising police[ against {t}]"),
    "154": ("mobilised armed forces[ against {t}]", "mobilise armed forces[ against {t}]", "mobilising armed forces[ against {t}]"),
    # 16 reduce relations
    "16": ("reduced relations[ with {t}]", "reduce relations[ with {t}]", "reducing relations[ with {t}]"),
    "160": ("reduced relations[ with {t}]", "reduce relations[ with {t}]", "reducing relations[ with {t}]"),
    # CAMEO 161 is "reduce or break diplomatic relations": vacating an office reduces, it need not break.
    "161": ("reduced or broke off diplomatic relations[ with {t}]", "reduce or break off diplomatic relations[ with {t}]", "reducing or breaking off diplomatic relations[ with {t}]"),
    "162": ("cut aid[ to {t}]", "cut aid[ to {t}]", "cutting aid[ to {t}]"),
    "163": ("imposed sanctions[ on {t}]", "impose sanctions[ on {t}]", "imposing sanctions[ on {t}]"),
    "164": ("halted talks[ with {t}]", "halt talks[ with {t}]", "halting talks[ with {t}]"),
    "165": ("halted mediation[ with {t}]", "halt mediation[ with {t}]", "halting mediation[ with {t}]"),
    "166": ("withdrew[ from {t}]", "withdraw[ from {t}]", "withdrawing[ from {t}]"),
    # 17 coerce
    "17": ("took coercive measures[ against {t}]", "take coercive measures[ against {t}]", "taking coercive measures[ against {t}]"),
    "170": ("took coercive measures[ against {t}]", "take coercive measures[ against {t}]", "taking coercive measures[ against {t}]"),
    "171": ("seized or damaged property[ of {t}]", "seize or damage property[ of {t}]", "seizing or damaging property[ of {t}]"),
    "172": ("imposed administrative sanctions[ on {t}]", "impose administrative sanctions[ on {t}]", "imposing administrative sanctions[ on {t}]"),
    "173": ("arrested or charged[ {t}]", "arrest or charge[ {t}]", "arresting or charging[ {t}]"),
    "174": ("expelled[ {t}]", "expel[ {t}]", "expelling[ {t}]"),
    "175": ("violently repressed[ {t}]", "violently repress[ {t}]", "violently repressing[ {t}]"),
    # 18 assault
    "18": ("attacked[ {t}]", "attack[ {t}]", "attacking[ {t}]"),
    "180": ("attacked[ {t}]", "attack[ {t}]", "attacking[ {t}]"),
    "181": ("took hostages[ from {t}]", "take hostages[ from {t}]", "taking hostages[ from {t}]"),
    "182": ("assaulted[ {t}]", "assault[ {t}]", "assaulting[ {t}]"),
    "183": ("carried out a bombing[ against {t}]", "carry out a bombing[ against {t}]", "carrying out a bombing[ against {t}]"),
    "185": ("attempted to assassinate[ {t}]", "attempt to assassinate[ {t}]", "attempting to assassinate[ {t}]"),
    "186": ("assassinated[ {t}]", "assassinate[ {t}]", "assassinating[ {t}]"),
    # 19 fight
    "19": ("used military force[ against {t}]", "use military force[ against {t}]", "using military force[ against {t}]"),
    "190": ("used military force[ against {t}]", "use military force[ against {t}]", "using military force[ against {t}]"),
    "191": ("blockaded[ {t}]", "blockade[ {t}]", "blockading[ {t}]"),
    "192": ("occupied territory[ of {t}]", "occupy territory[ of {t}]", "occupying territory[ of {t}]"),
    "193": ("fought[ {t}] with small arms", "fight[ {t}] with small arms", "fighting[ {t}] with small arms"),
    "194": ("fought[ {t}] with artillery and tanks", "fight[ {t}] with artillery and tanks", "fighting[ {t}] with artillery and tanks"),
    "195": ("carried out air strikes[ against {t}]", "carry out air strikes[ against {t}]", "carrying out air strikes[ against {t}]"),
    "196": ("violated a ceasefire[ with {t}]", "violate a ceasefire[ with {t}]", "violating a ceasefire[ with {t}]"),
    # 20 mass violence
    "20": ("used mass violence[ against {t}]", "use mass violence[ against {t}]", "using mass violence[ against {t}]"),
    "200": ("used mass violence[ against {t}]", "use mass violence[ against {t}]", "using mass violence[ against {t}]"),
    "204": ("used weapons of mass destruction[ against {t}]", "use weapons of mass destruction[ against {t}]", "using weapons of mass destruction[ against {t}]"),
}  # fmt: skip

# Transitive phrases without their object read as fragments ("Japan praised"): without a target these
# forms are used instead.
WITHOUT_TARGET: dict[str, tuple[str, str, str]] = {
    "042": ("made a visit", "make a visit", "making a visit"),
    "043": ("hosted a visit", "host a visit", "hosting a visit"),
    "051": ("expressed praise", "express praise", "expressing praise"),
    "052": ("spoke in defence of another party", "speak in defence of another party", "speaking in defence of another party"),
    "056": ("expressed forgiveness", "express forgiveness", "expressing forgiveness"),
    "112": ("made accusations", "make accusations", "making accusations"),
    "115": ("filed a lawsuit", "file a lawsuit", "filing a lawsuit"),
    "116": ("issued a guilty verdict", "issue a guilty verdict", "issuing a guilty verdict"),
    "13": ("made threats", "make threats", "making threats"),
    "130": ("made threats", "make threats", "making threats"),
    "144": ("blocked passage", "block passage", "blocking passage"),
    "17": ("took coercive measures", "take coercive measures", "taking coercive measures"),
    "170": ("took coercive measures", "take coercive measures", "taking coercive measures"),
    "173": ("made arrests", "make arrests", "making arrests"),
    "174": ("expelled people", "expel people", "expelling people"),
    "18": ("carried out an attack", "carry out an attack", "carrying out an attack"),
    "180": ("carried out an attack", "carry out an attack", "carrying out an attack"),
    "182": ("carried out an assault", "carry out an assault", "carrying out an assault"),
    "186": ("carried out an assassination", "carry out an assassination", "carrying out an assassination"),
    "11": ("voiced criticism", "voice criticism", "voicing criticism"),
    "110": ("voiced criticism", "voice criticism", "voicing criticism"),
    "111": ("voiced criticism", "voice criticism", "voicing criticism"),
}  # fmt: skip

# How a status reads in a sentence; {s} the source, {v} the verb phrase in the form named first.
STATUS_FORMS = {
    "happened": ("past", "{s} {v}"),
    "ongoing": ("past", "{s} {v}"),
    "planned": ("base", "{s} is expected to {v}"),
    "hypothetical": ("base", "{s} might {v}"),
    "demanded": ("base", "{s} was urged to {v}"),
    "denied": ("gerund", "{s} denied {v}"),
    "negated": ("base", "{s} did not {v}"),
    "negated-planned": ("base", "{s} is not expected to {v}"),
    "negated-hypothetical": ("base", "{s} might not {v}"),
    "negated-demanded": ("base", "{s} was urged not to {v}"),
}
# The word an outlet's report gets next to its name when it does not report the act as happened.
STATUS_WORDS = {
    "happened": "reported",
    "ongoing": "reported",
    "planned": "expected",
    "hypothetical": "speculated",
    "demanded": "called for",
    "denied": "denied",
    # A report that the act did not happen ("Kim has not traveled to Russia up to now", written before the
    # summit) is no denial by anyone: it says what the outlet saw when it wrote.
    "negated": "said it had not happened",
    # "Washington will not easily accept the demand": a forecast that the act will not come, no report of one
    # that did not happen
    "negated-planned": "expected it not to happen",
    "negated-hypothetical": "speculated it might not happen",
    "negated-demanded": "called for it not to happen",
}
# (code, lexicon entry: Event.rule before any ":" refinement) -> verb phrases, where a code's phrase joins two acts
# with "or" ("went on strike or boycotted") and the entry that fired says which one the text reports.
_BOYCOTTED = ("boycotted[ {t}]", "boycott[ {t}]", "boycotting[ {t}]")
_STRUCK = ("went on strike[ against {t}]", "go on strike[ against {t}]", "going on strike[ against {t}]")
RULE_VERBS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("143", "protest.boycott"): _BOYCOTTED,
    ("143", "protest.shun"): _BOYCOTTED,
    ("143", "protest.boycott-skip"): _BOYCOTTED,
    ("143", "protest.strike"): _STRUCK,
    ("143", "protest.stage-strike"): _STRUCK,
    ("143", "protest.stop-work"): _STRUCK,
}
_OPTIONAL = re.compile(r"\[([^\]]*)\]")


def verb_phrase(code: str, form: str, target: str | None, rule: str | None = None) -> str:
    """The verb phrase of `code` in `form` (past, base, gerund), with `target` filled in or dropped; `rule`
    (the lexicon entry that fired) picks the one act of an "or" phrase that the text reports."""
    forms = VERBS.get(code) or VERBS.get(code[:3]) or VERBS.get(code[:2]) or VERBS["01"]
    forms = RULE_VERBS.get((code[:3], (rule or "").split(":")[0]), forms)
    if not target:
        forms = next((WITHOUT_TARGET[k] for k in (code, code[:3], code[:2]) if k in WITHOUT_TARGET), forms)
    phrase = forms[("past", "base", "gerund").index(form)]
    if target:
        return _OPTIONAL.sub(lambda m: m.group(1), phrase).replace("{t}", target)
    return _OPTIONAL.sub("", phrase)


def readable_date(iso: str | None, precision: str | None) -> str | None:
    """ "25 April 2019" for a day, "April 2019" for a month, "2019" for a year; None otherwise."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return None
    if precision == "day":
        return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    if precision == "month":
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if precision == "year":
        return str(day.year)
    return None


# Names English writes with "the": a body named by its kind ("the Korean Central News Agency", "the
# Swedish Foreign Ministry", "the United States") and a few one-word ones ("the Pentagon").
_BODY_WORDS = frozenset(
    """agency alliance administration army assembly association bank coalition command commission committee
    council court department embassy emirates federation force forces fund government guard house
    institute kingdom ministry nations navy office organisation organization parliament party republic
    secretariat senate service states union""".split()
)
_THE_NAMES = frozenset(
    {"pentagon", "kremlin", "treasury", "vatican", "philippines", "netherlands", "bahamas"}
)


def named(name: str) -> str:
    """`name` as it stands in a sentence: "the United States", "the Korean Central News Agency", "the
    Pentagon"; a person, a country or a city as it is ("Kim Jong-un", "North Korea", "Seoul")."""
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an") or not words[0][:1].isupper():
        return name
    lowered = [w.strip(".,").lower() for w in words]
    if (len(words) == 1 and lowered[0] in _THE_NAMES) or (
        len(words) > 1
        and any(w in _BODY_WORDS for w in lowered)
        and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in words)
    ):
        return "the " + name
    return name


def statement(
    source: str | None,
    code: str,
    target: str | None,
    status: str = "happened",
    place: str | None = None,
    when: str | None = None,
    rule: str | None = None,
) -> str:
    """One plain sentence for an act: who, what (in the status's form), to whom, where, when."""
    form, pattern = STATUS_FORMS.get(status, STATUS_FORMS["happened"])
    who = named(source) if source else "Someone"
    text = pattern.format(s=who, v=verb_phrase(code, form, named(target) if target else target, rule))
    if place:
        text += f" in {named(place)}"
    if when:
        text += f" {'on' if when[0].isdigit() and ' ' in when else 'in'} {when}"
    return text[0].upper() + text[1:]
