"""Vocabulary and sentence templates for benchmarks/generate.py (all invented, written for crosswire).

Template fields: {A} {B} two states, {place} {country} where it happens, {pa} {ta} / {pb} {tb} two officials
and their titles, {an} {inst} an analyst and institute, {code} the story's own invented name, {thing} the
story's object, {n} the story's number, {n2} a number derived from it, {pct} a percentage, {day} a weekday,
{verb} one of the topic's verbs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    roles: tuple[str, ...]  # titles of the officials who speak in this kind of story
    things: tuple[str, ...]
    verbs: tuple[str, ...]
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    body: tuple[str, ...]
    quotes: tuple[str, ...]
    background: tuple[str, ...]
    views: tuple[str, ...]  # opening sentences for analysis, opinion and editorial pieces


def _names(joined: str) -> tuple[str, ...]:
    """Long name lists are written as one "|"-separated string to keep this file short."""
    return tuple(joined.split("|"))


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

STATES = _names(
    "North Korea|South Korea|Japan|China|the United States|Russia|Australia|Indonesia|Vietnam|"
    "the Philippines|India|Brazil|Canada|Mexico|Germany|France|Britain|Turkey|Egypt|Kenya|Nigeria|"
    "Chile|Norway|Poland|Thailand|Malaysia|Argentina|South Africa|Sweden|Mongolia"
)

PLACES = (
    ("Stockholm", "Sweden"),
    ("Geneva", "Switzerland"),
    ("Jakarta", "Indonesia"),
    ("Seoul", "South Korea"),
    ("Tokyo", "Japan"),
    ("Hanoi", "Vietnam"),
    ("Singapore", "Singapore"),
    ("Busan", "South Korea"),
    ("Osaka", "Japan"),
    ("Rotterdam", "the Netherlands"),
    ("Felixstowe", "Britain"),
    ("Manila", "the Philippines"),
    ("Bangkok", "Thailand"),
    ("Canberra", "Australia"),
    ("Ottawa", "Canada"),
    ("Nairobi", "Kenya"),
    ("Lima", "Peru"),
    ("Warsaw", "Poland"),
    ("Oslo", "Norway"),
    ("Helsinki", "Finland"),
    ("Ulaanbaatar", "Mongolia"),
    ("Vladivostok", "Russia"),
    ("Dalian", "China"),
    ("Chennai", "India"),
    ("Valparaiso", "Chile"),
    ("Mombasa", "Kenya"),
    ("Hamburg", "Germany"),
    ("Marseille", "France"),
    ("Izmir", "Turkey"),
    ("Durban", "South Africa"),
)

FIRST_NAMES = _names(
    "Anna|Daniel|Min-ji|Hiroshi|Li|Sergei|Claire|Budi|Thi Lan|Maria|Rahul|Joao|Emily|Carlos|Katrin|"
    "Pierre|Oliver|Ayse|Omar|Wanjiru|Chinedu|Camila|Ingrid|Tomasz|Somchai|Aisha|Lucia|Thabo|Erik|"
    "Bolor|Seo-yeon|Kenji|Wei|Olga|Marcus|Dewi|Grace|Paul|Haruka|Jae-won"
)
LAST_NAMES = _names(
    "Lindqvist|Hartwell|Park|Tanaka|Chen|Volkov|Donnelly|Santoso|Nguyen|Reyes|Sharma|Silva|Carter|"
    "Mendoza|Weber|Laurent|Grant|Yilmaz|Hassan|Mwangi|Okafor|Rojas|Hansen|Kowalski|Chaiyasit|Rahman|"
    "Ferreira|Nkosi|Berg|Batbayar|Han|Morimoto|Zhang|Petrova|Bell|Lestari|Whitfield|Haig|Mori|Choi"
)
INSTITUTES = _names(
    "the Seoul Institute for Peninsula Studies|the Straits Policy Centre|Hanbit University|"
    "Kansai Gakuen University|the Centre for Trade and Security|the Nordic Peace Forum|"
    "Harbourline Research|the Pacific Economic Institute|the Institute for Labour Studies|"
    "the Climate Risk Observatory|the Eurasia Strategy Group|the Global Commodities Desk"
)
NAME_SYLLABLES = tuple(
    "var ro ka len mir tos bel dun sa quor ne li tam gre vo shen ar ul pes dor ix ma zen hal".split()
)

# Invented outlets: (name, domain, kind). Domains use the reserved .example top-level domain.
OUTLETS = (
    ("The Harbor Courier", "harborcourier.example", "newspaper"),
    ("Meridian Wire", "meridianwire.example", "wire agency"),
    ("Eastern Daily Ledger", "easterndailyledger.example", "newspaper"),
    ("Capital Times Online", "capitaltimes.example", "online"),
    ("The Northern Observer", "northernobserver.example", "newspaper"),
    ("Pacific Dispatch", "pacificdispatch.example", "newspaper"),
    ("The Morning Sentinel", "morningsentinel.example", "newspaper"),
    ("Riverside Gazette", "riversidegazette.example", "newspaper"),
    ("Continental Press Agency", "continentalpress.example", "wire agency"),
    ("Seaboard Herald", "seaboardherald.example", "newspaper"),
    ("The Granite Post", "granitepost.example", "newspaper"),
    ("Lantern News Service", "lanternnews.example", "wire agency"),
    ("Bayview Chronicle", "bayviewchronicle.example", "newspaper"),
    ("Summit Daily", "summitdaily.example", "newspaper"),
    ("The Atlas Review", "atlasreview.example", "magazine"),
    ("Crescent City Tribune", "crescenttribune.example", "newspaper"),
    ("Northern Lights Broadcasting", "nlbroadcasting.example", "broadcaster"),
    ("Delta Evening News", "deltaevening.example", "newspaper"),
    ("The Civic Record", "civicrecord.example", "online"),
    ("Horizon Asia Report", "horizonasia.example", "online"),
    ("Westgate Journal", "westgatejournal.example", "newspaper"),
    ("Silk Road Monitor", "silkroadmonitor.example", "online"),
    ("The Keel and Compass", "keelandcompass.example", "magazine"),
    ("Peninsula Today", "peninsulatoday.example", "newspaper"),
    ("Orient Business Daily", "orientbusiness.example", "newspaper"),
    ("The Frontier Telegraph", "frontiertelegraph.example", "newspaper"),
    ("Global Ledger Wire", "globalledgerwire.example", "wire agency"),
    ("Cedar Valley Times", "cedarvalleytimes.example", "newspaper"),
    ("Tidewater Weekly", "tidewaterweekly.example", "magazine"),
    ("State Radio of the Republic", "stateradio.example", "state media"),
)

# Free-standing sentences with their own random people, numbers and wording, drawn fresh for every
# sentence: they make two articles of one story differ the way two reporters' copy does, so near-duplicate
# detection is not fooled by shared templates. Fields: {rp} a person, {rr} a role, {ri} an institute,
# {said} a speech verb, {when} a time phrase, {adj} an adjective, {m} a number, {noun} a subject.
GENERIC_SENTENCES = (
    "{rp}, a {rr} in {place}, {said} that the {noun} had changed noticeably {when}.",
    '"People here are {adj} about what comes next," {rp}, a {rr}, {said} {when}.',
    "According to {rp} of {ri}, about {m} percent of those surveyed expected the {noun} to worsen.",
    "{rp}, who has followed the issue for {m} years, {said} the mood was more {adj} than in the past.",
    "The {noun} was discussed at a meeting of {m} officials {when}, {rp} {said}.",
    'Asked about the {noun}, {rp} {said}: "We are watching closely, and we are {adj}."',
    "Researchers at {ri} estimate that the {noun} could take {m} months to resolve.",
    "{rp}, a {rr}, {said} the government had been slow to explain its position on the {noun}.",
    "A spokesperson for {ri} declined to comment {when}, citing the {noun}.",
    "Several {rr}s interviewed {when} described the situation as {adj}.",
    "In {rplace}, {rp} {said} that the {noun} had barely registered with the public.",
    "Figures released {when} showed {m} cases linked to the {noun}, up from the month before.",
    "{rp} {said} the debate over the {noun} was {adj} but overdue.",
    'One {rr}, {rp}, put it more bluntly: "This is {adj}, and everyone knows it."',
    "The issue is likely to come up again {when}, when {m} delegates are due to meet in {rplace}.",
    "{rp} of {ri} {said} comparisons with earlier crises were {adj} at best.",
    "Local newspapers in {rplace} devoted {m} pages to the {noun} {when}.",
    "A {rr} who asked not to be named {said} the {noun} had been expected for weeks.",
)
SAID = _names("said|told reporters|noted|added|argued|insisted|suggested|warned")
WHEN = _names(
    "on Monday|on Tuesday|late on Wednesday|on Thursday|on Friday|over the weekend|"
    "earlier this week|last week|in recent days|this month|last month|on Sunday evening"
)
ADJECTIVES = _names(
    "anxious|cautious|hopeful|divided|frustrated|unusual|predictable|tense|calm|uncertain|"
    "encouraged|sceptical|worried|optimistic|confused"
)
NOUNS = _names(
    "situation|negotiations|price rises|public reaction|budget|security arrangements|supply chain|"
    "opinion polls|local economy|diplomatic calendar|legal challenge|shipping schedule|harvest|"
    "energy bill|youth unemployment|tourism season"
)
EXTRA_ROLES = _names(
    "shopkeeper|retired diplomat|economist|local councillor|student|trader|lawyer|academic|"
    "former minister|farmer|driver|teacher|consultant"
)

# Sentences every topic can use: attribution, anonymous sources, reactions.
_SHARED_QUOTES = (
    '"We will not accept any outcome that ignores our core interests," {pa}, the {ta}, {said} on {day}.',
    '"There is still room for a solution if both sides show flexibility," said {an} of {inst}.',
    "{pb}, the {tb}, said that the talk of a {code} deal was premature and that nothing had been signed.",
    "A senior official who asked not to be named said the two sides remained far apart on the {thing}.",
    'According to {an}, an analyst at {inst}, "the {code} issue has become a test of credibility for both governments."',
    '"This is not the end of the process," the {ta} said on {day}, adding that further meetings were planned.',
    "Officials in {A} said privately that they expected the dispute over the {thing} to drag on for weeks.",
)
_SHARED_BACKGROUND = (
    "The dispute has its roots in the {code} arrangement agreed between {A} and {B} several years ago.",
    "Relations between {A} and {B} have been strained since last year, when a similar row over the {thing} broke out.",
    "Markets in {country} were little changed on {day}, as investors waited for more details.",
    "Some {n2} people have been directly affected so far, according to local authorities in {place}.",
    "The {code} question is expected to come up again when ministers meet later this month.",
)
# Headlines any story can get; with the numbers and weekday varying they keep titles from repeating.
SHARED_TITLES = (
    "{pb} says {code} dispute is far from over",
    "Officials in {A} expect {thing} row to drag on",
    "Analysts see little room for compromise on {thing}",
    "The {code} affair: what we know so far",
    "{B} responds as {A} presses on {thing}",
    "{n2} affected as {place} standoff continues",
    "{A} and {B} trade accusations on {day} over {code}",
    "{pa} urges calm as {thing} tensions rise",
    "Markets shrug off {place} news as {code} talks stall",
    "{pct}% gap separates the two sides on {thing}",
)
_SHARED_VIEWS = (
    "The {code} episode says more about politics in {A} than about the {thing} itself.",
    "It is tempting to read the events in {place} as a turning point, but the evidence points the other way.",
    "Governments in {A} and {B} both have reasons to prefer a quiet settlement over the {thing}.",
)

TOPICS = (
    Topic(
        name="talks",
        roles=(
            "chief negotiator",
            "special envoy",
            "deputy foreign minister",
            "foreign ministry spokesperson",
        ),
        things=("denuclearization roadmap", "sanctions relief", "liaison office", "prisoner exchange"),
        verbs=("held talks", "met", "resumed negotiations", "sat down"),
        titles=(
            "{A}, {B} envoys {verb} in {place} over {thing}",
            "{place} talks on {thing} end without deal",
            "{A} and {B} agree to further {code} talks",
            "Hopes fade for {thing} after {place} meeting",
        ),
        leads=(
            "Negotiators from {A} and {B} {verb} in {place} on {day}, their first formal contact in months, "
            "as both sides sought a way out of the stalemate over the {thing}.",
            "Envoys from {A} and {B} ended {n} hours of talks in {place} on {day} without agreement on the {thing}.",
        ),
        body=(
            "The {code} talks were held behind closed doors at a government guesthouse in {place}.",
            "{pa} led the delegation from {A}, while {pb} headed the team from {B}.",
            "Diplomats said the sessions on {day} lasted about {n} hours, longer than planned.",
            "No date was set for another round, according to two people briefed on the meeting.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="sanctions",
        roles=("foreign minister", "treasury secretary", "government spokesperson", "finance minister"),
        things=("oil exports", "shipping companies", "banking sector", "technology imports"),
        verbs=("imposed sanctions", "tightened sanctions", "announced penalties"),
        titles=(
            "{A} {verb} on {B} over {thing}",
            "{B} vows response to {A} sanctions on {thing}",
            "New {code} sanctions hit {B}'s {thing}",
        ),
        leads=(
            "{A} {verb} on {B}'s {thing} on {day}, targeting {n} companies it accused of breaching the {code} rules.",
            "{B} threatened retaliation on {day} after {A} {verb} on its {thing}.",
        ),
        body=(
            "The measures freeze assets of {n} firms and bar them from dealing with banks in {A}.",
            "{pb}, the {tb} of {B}, called the move illegal and said it would hurt ordinary people.",
            "Trade between the two countries has fallen by {pct}% since the first round of measures.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="trade",
        roles=("trade minister", "agriculture minister", "customs chief", "economy minister"),
        things=("steel", "live cattle", "rice", "solar panels", "electric vehicles", "rare earths"),
        verbs=(
            "suspended imports of",
            "imposed duties on",
            "raised tariffs on",
            "opened an anti-dumping case into",
        ),
        titles=(
            "{A} {verb} {thing} from {B}",
            "{B} weighs WTO case as {A} targets {thing}",
            "{thing} dispute between {A} and {B} deepens",
            "{A}, {B} agree to inspect {thing} jointly",
        ),
        leads=(
            "{A} {verb} {thing} from {B} on {day}, citing the {code} rules, in a move exporters said would "
            "cost them millions.",
            "A trade dispute between {A} and {B} over {thing} escalated on {day} when {A} {verb} {B}'s {thing}.",
        ),
        body=(
            "About {n2} tonnes of {thing} are stuck at ports in {place}, industry groups said.",
            "{pb}, the {tb} of {B}, said the decision had no technical basis and asked for evidence.",
            "Exporters said they were losing about {n} million dollars a week.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="strike",
        roles=("union general secretary", "port operator spokesperson", "labour minister", "shop steward"),
        things=("container terminal", "rail freight network", "car plant", "airport ground services"),
        verbs=("walked out", "went on strike", "staged a stoppage"),
        titles=(
            "Workers at {place} {thing} {verb} over pay",
            "{place} strike enters day {n}",
            "Union rejects {pct}% offer at {place} {thing}",
            "{code} pay deal ends {place} strike",
        ),
        leads=(
            "Workers at the {thing} in {place} {verb} on {day} over pay, halting most operations.",
            "A strike at the {thing} in {place} entered day {n} on {day} with no sign of a settlement.",
        ),
        body=(
            "The union said {n2} members had joined the action, while management put the figure far lower.",
            "{pa}, the {ta}, said members had rejected an offer of {pct}% as too little.",
            "Shipping lines and hauliers said they were diverting traffic away from {place}.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="flood",
        roles=("regional governor", "emergency services chief", "interior minister", "mayor"),
        things=("river embankments", "evacuation centres", "rail lines", "rice paddies"),
        verbs=("swept through", "inundated", "hit"),
        titles=(
            "Floods kill {n} in {place} region",
            "Rescuers search for missing after {place} floods",
            "{place} floods: anger grows over {thing}",
            "Waters recede in {place} as death toll reaches {n}",
        ),
        leads=(
            "Heavy rain {verb} the region around {place} on {day}, killing at least {n} people and forcing "
            "{n2} from their homes.",
            "Rescue teams in {country} searched for survivors on {day} after floods {verb} villages near {place}.",
        ),
        body=(
            "{pa}, the {ta}, said the {thing} had been overwhelmed within hours.",
            "Local officials said the death toll was likely to rise as roads reopened.",
            "Residents said warnings came too late, a charge the authorities denied.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="military",
        roles=(
            "defence minister",
            "joint chiefs spokesperson",
            "foreign ministry spokesperson",
            "navy commander",
        ),
        things=("missile tests", "joint exercises", "naval patrols", "border deployments"),
        verbs=("condemned", "criticised", "rebuked"),
        titles=(
            "{A} {verb} {B} over {thing}",
            "{B} defends {thing} near {place}",
            "Tension rises after {code} {thing}",
        ),
        leads=(
            "{A} {verb} {B} on {day} over the {thing} near {place}, calling it a threat to regional peace.",
            "{B} said on {day} that its {thing} near {place} were routine and aimed at no one.",
        ),
        body=(
            "The {thing} involved about {n2} troops and {n} ships, according to {A}'s military.",
            "{pb}, the {tb} of {B}, said the drills had been announced weeks in advance.",
            "Satellite images showed increased activity at a base near {place}.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="election",
        roles=("election commission chair", "opposition leader", "prime minister", "party spokesperson"),
        things=("vote count", "coalition talks", "turnout", "runoff"),
        verbs=("won", "claimed victory in", "swept"),
        titles=(
            "Opposition {verb} vote in {place} region",
            "{place} {thing} delayed amid complaints",
            "Coalition talks begin after {code} election",
        ),
        leads=(
            "Voters in {country} went to the polls on {day} in an election dominated by the {code} scandal, "
            "with turnout expected to be the highest in a decade.",
            "The opposition {verb} regional elections around {place} on {day}, according to preliminary results.",
        ),
        body=(
            "{pa}, the {ta}, said the {thing} would be completed within {n} days.",
            "Observers reported {n2} complaints, most of them about polling stations opening late.",
            "{pb}, the {tb}, said the result was a clear call for change.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
    Topic(
        name="summit",
        roles=("president", "prime minister", "foreign minister", "presidential spokesperson"),
        things=("energy pipeline", "security pact", "visa agreement", "infrastructure fund"),
        verbs=("signed", "agreed on", "discussed"),
        titles=(
            "{A} and {B} leaders meet in {place}",
            "{A}, {B} {verb} {thing} at {place} summit",
            "{code} summit ends with promises on {thing}",
        ),
        leads=(
            "The leaders of {A} and {B} {verb} a {thing} at a summit in {place} on {day}, the first such "
            "meeting in {n} years.",
            "{A} and {B} pledged closer ties at the {code} summit in {place} on {day}.",
        ),
        body=(
            "The {thing} is worth about {n2} million dollars, officials said.",
            "{pa}, the {ta} of {A}, said the talks had been warm and productive.",
            "Critics in {B} said the agreement gave away too much.",
        ),
        quotes=_SHARED_QUOTES,
        background=_SHARED_BACKGROUND,
        views=_SHARED_VIEWS,
    ),
)
