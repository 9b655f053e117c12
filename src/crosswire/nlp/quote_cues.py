"""The words that introduce reported speech and thought, and the words that mark a quoted name.

Lemma lists rather than a model: a cue is a verb whose lemma is listed here and that sits outside any
quotation. The lists follow what news attribution corpora (PolNeAR, PARC) count as attribution: speech
verbs first, then verbs of belief, intention and evaluation, which report a stance the same way.
"""

from __future__ import annotations

# Verbs of saying: these introduce direct quotes as well as reported speech.
SPEECH_VERBS = frozenset(
    """
    say tell add note write argue report suggest claim announce explain tweet respond mention declare state
    confirm warn insist acknowledge urge promise recall reply predict reveal answer joke assure repeat admit
    emphasize emphasise stress complain assert reiterate boast concede contend maintain observe remark comment
    testify allege deny ask vow pledge propose demand threaten whisper shout quip muse proclaim point indicate
    imply caution lament tout post inform notify conclude continue counter retort scoff cite quote read
    announce disclose estimate question wonder speculate speak talk chant yell cry sigh recount describe
    underline underscore highlight agree disagree dispute object protest acknowledge hint signal convey
    """.split()
)

# Verbs of belief, knowledge and intention: "X believes that ...", "X wants to ...".
THOUGHT_VERBS = frozenset(
    """
    think believe expect hope fear know feel consider doubt worry suspect assume guess understand realize
    realise want plan intend seek decide find show prefer wish anticipate reckon figure learn
    """.split()
)

# Verbs whose object and complement carry the attributed content: "described Kim as 'merciless'".
DESCRIBE_VERBS = frozenset(
    """
    call describe label dub brand term characterize characterise portray praise criticize criticise accuse
    blame slam blast attack thank congratulate condemn denounce decry applaud hail dismiss reject defend
    endorse mock ridicule question challenge urge ask discuss mention support back oppose tout cite reference
    refer address promote favor favour embrace recommend welcome announce deny acknowledge
    """.split()
)

# Verbs whose infinitive complement is the content: "X vowed to ...", "X wants to ...".
INTENT_VERBS = frozenset(
    """
    want plan intend seek decide vow pledge promise refuse decline threaten hope expect urge ask offer
    agree propose demand call
    """.split()
)

CUE_LEMMAS = SPEECH_VERBS | THOUGHT_VERBS | DESCRIBE_VERBS | INTENT_VERBS

# Nouns that make a quoted capitalised phrase a name rather than a quotation: the "Alliance 19-1" drill.
NAME_NOUNS = frozenset(
    """
    drill drills exercise exercises operation operations campaign campaigns program programme slogan motto
    mantra policy doctrine plan strategy initiative project summit declaration agreement accord treaty
    show series film movie book song album newspaper magazine column festival award prize party movement
    group unit force forces mission missile missiles rocket satellite system line zone act bill law
    """.split()
)

# Head nouns of unnamed human sources: "a former senior official", "a source close to the talks".
ANONYMOUS_HEADS = frozenset(
    """
    official officials source sources diplomat diplomats aide aides insider insiders person people officer
    officers analyst analysts expert experts observer observers spokesman spokeswoman spokesperson member
    members adviser advisers advisor advisors lawmaker lawmakers staffer staffers employee employees
    executive executives researcher researchers witness witnesses resident residents someone individual
    """.split()
)

PERSONAL_PRONOUNS = frozenset("he she they it i we you who which that him her them".split())
