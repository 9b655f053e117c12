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

# Verbs that report what evidence shows as readily as what a person says: "the poll shows that ...",
# "All of this suggests that ...". Their subject must be an agent or a source document to be attributed.
EVIDENTIAL_VERBS = frozenset(
    """
    show suggest mean indicate imply prove demonstrate reflect signal correspond confirm reveal underscore
    underline highlight point illustrate explain
    """.split()
)

# Verbs of aspect: "sanctions continue to have an impact" reports nothing; "he continued: ..." does.
ASPECTUAL_VERBS = frozenset("continue keep begin start resume stop cease".split())

# Nouns for people and groups of people that can hold and voice a view.
HUMAN_NOUNS = ANONYMOUS_HEADS | frozenset(
    """
    leader president minister premier chancellor secretary spokesman spokeswoman spokesperson chief head
    chairman chairwoman chair director governor mayor senator congressman congresswoman representative
    envoy ambassador negotiator delegate delegation delegates candidate candidates nominee contender
    campaign campaigns party parties government administration regime ministry department agency bureau
    office council committee commission cabinet parliament congress legislature court judge justice
    prosecutor lawyer attorney police army military navy command forces force troops union group groups
    organization organisation coalition alliance movement faction bloc company firm bank board team panel
    institute university think-tank foundation network newspaper broadcaster media outlet press daily
    man men woman women child children family families friend friends father mother son daughter wife
    husband voter voters supporter supporters opponent opponents critic critics ally allies rival rivals
    citizen citizens public crowd audience majority minority everyone everybody anyone anybody nobody
    scholar professor economist scientist journalist reporter correspondent editor columnist commentator
    host anchor moderator pollster strategist activist protester protesters defector defectors refugee
    general colonel guest guests actress star
    """.split()
)

# Documents and measurements that PolNeAR and analysts treat as sources: "polls show", "a report found".
SOURCE_NOUNS = frozenset(
    """
    poll polls polling survey surveys report reports study studies data datum record records document
    documents email emails memo letter letters statement statements video videos footage recording
    transcript research analysis analyses result results figure figures statistic statistics estimate
    estimates projection projections forecast finding findings evidence filing filings review audit
    investigation inquiry probe census ruling complaint lawsuit indictment article story editorial book
    ad ads advertisement commercial tweet tweets post message website page index model tally count
    paper cable missive note notes minutes summary assessment commentary column release slide spot average
    timeline chart graph map photo photograph image picture list table presentation clip documentary film
    broadcast episode footage
    """.split()
)

# Words that mark a speaker as a reporting intermediary: a news agency, a newspaper, state media.
MEDIA_WORDS = frozenset(
    """
    agency news newspaper paper media outlet outlets daily times post journal herald tribune gazette
    press wire broadcaster television tv radio network channel magazine reuters yonhap kcna xinhua tass
    afp bloomberg cnn bbc nhk kyodo sinmun ilbo rodong
    """.split()
)

# Nouns that name an act of speaking, the cue of a quotation whose sentence has no speech verb:
# "Ri made remarks along these lines during a press conference. '...'".
SPEECH_NOUNS = frozenset(
    """
    remarks remark comments comment statement statements speech address interview briefing conference
    message words testimony announcement declaration letter post tweet answer response reply
    """.split()
)

DEMONSTRATIVES = frozenset("this that these those".split())

# Verbs that report what someone said or wrote, as opposed to what they believe, want or do: only these make
# a reported-speech quote an analyst sees as "X says". Evidential verbs ("suggests", "shows", "signals",
# "indicates") are left out: their subject is as often the writer's evidence as a speaker.
SPEECH_ACTS = frozenset(
    """
    say tell add note write argue report claim announce explain tweet respond mention declare state confirm
    warn insist acknowledge urge promise recall reply predict reveal answer joke assure repeat admit emphasize
    emphasise stress complain assert reiterate boast concede contend maintain observe remark comment testify
    allege deny ask vow pledge propose demand threaten whisper shout quip muse proclaim caution lament tout
    post inform notify counter retort scoff cite quote read disclose estimate recount describe agree
    disagree dispute object protest call label dub brand term characterize characterise portray praise
    criticize criticise accuse blame slam blast attack condemn denounce decry applaud hail dismiss reject
    defend endorse mock ridicule thank congratulate welcome recommend point
    """.split()
)

# Verbs whose bare object is the speech itself when it names or qualifies it: "described the situation as
# a deadlock", "called him a liar". Other speech verbs with only an object ("blasted Seoul for the drills",
# "announced new sanctions", "rejected the offer") report an act, not words, unless they quote the words.
NAMING_VERBS = frozenset("call describe label dub brand term characterize characterise portray".split())

# Heads of an infinitive cue that make its speech unreal or not yet done: "is expected to announce",
# "refused to say", "plans to tell", "is likely to claim".
IRREALIS_HEADS = frozenset(
    """
    expect plan intend want hope refuse decline wish seek try attempt prepare set likely unlikely able unable
    fail going need aim mean supposed due poised ready
    """.split()
)

# Modal auxiliaries: "Pyongyang will ask", "they should recognize" say what may happen, not what was said.
MODALS = frozenset("will would shall should could can may might must 'll 'd wo ca".split())
