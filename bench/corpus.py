"""A seeded generator of news corpora: many events, several outlets per event, realistic text.

The benchmark must not store thousands of articles, and must not measure a corpus shaped to
suit the code. So articles are written from templates the way wire copy is: a headline, a
lead with the main figure, then 5-20 sentences mixing figures (counts, amounts, percentages,
times, dates), attributions, quotes and background without any figure. Outlets covering one
event disagree the way real ones do: some copy the wire, some hedge ("at least"), some have
an older or a wrong figure. The same seed always gives the same corpus, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

_SYL = ["dra", "vik", "cor", "ven", "mar", "sol", "tal", "ber", "kes", "lin", "or", "ast", "mir", "gal",
        "hed", "ros", "pel", "tam", "ur", "zen", "bal", "tor", "ni", "var", "lu", "sen", "kar", "do"]
_FIRST = ["Alina", "Tomas", "Mira", "Jonas", "Elena", "Karim", "Sofia", "Pavel", "Ines", "Omar", "Lena",
          "Marek", "Nadia", "Felix", "Rosa", "Viktor", "Hana", "Diego", "Irene", "Sami", "Greta", "Yusuf"]
_LAST = ["Brask", "Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Petrov", "Santos", "Keller",
         "Tanaka", "Varga", "Rossi", "Mensah", "Dahl", "Ibarra", "Kowal", "Sato", "Weber", "Aziz", "Costa"]
_OUTLETS = ["Daily", "Herald", "Post", "Courier", "Wire", "Tribune", "Gazette", "Observer", "Times", "Ledger"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
          10: "ten", 11: "eleven", 12: "twelve"}


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


# Each kind: the facts it has (name -> (low, high) of the true value) and sentence templates.
# Templates use {fact} for a figure as an outlet reports it, and {place}, {region}, {official},
# {agency}, {day}, {date}, {time}, {thing} for the event's fixed details.
_KINDS: dict[str, dict] = {
    "quake": {
        "facts": {"dead": (3, 400), "injured": (10, 2000), "magnitude": (45, 78), "depth": (5, 40),
                  "homes": (50, 8000), "aftershocks": (3, 60)},
        "title": ["{dead_w} killed as magnitude {magnitude} quake strikes {place}",
                  "Earthquake in {region} kills {dead}", "Quake near {place} leaves {dead} dead"],
        "lead": ["A magnitude {magnitude} earthquake struck near {place} on {day}, killing {dead} people and "
                 "injuring {injured}, the {agency} said.",
                 "At least {dead} people died when an earthquake of magnitude {magnitude} hit {region} on {day}, "
                 "officials said."],
        "facts_s": ["The quake struck at a depth of {depth} kilometres, according to the {agency}.",
                    "More than {homes} homes were damaged or destroyed across the {region} region.",
                    "{injured} people were taken to hospitals in {place} and nearby towns.",
                    "Seismologists recorded {aftershocks} aftershocks in the first 24 hours.",
                    "The death toll rose to {dead} on {day} evening, {official} told reporters.",
                    "Rescue teams pulled {rescued} survivors from the rubble overnight."],
    },
    "flood": {
        "facts": {"dead": (2, 120), "missing": (1, 80), "evacuated": (200, 40000), "rain": (80, 400),
                  "homes": (30, 5000), "roads": (3, 90)},
        "title": ["Floods in {region} kill {dead}", "{dead_w} dead, {missing} missing after floods hit {place}",
                  "Thousands flee as rivers burst banks near {place}"],
        "lead": ["Floods swept through {place} on {day}, killing {dead} people and forcing {evacuated} from "
                 "their homes, the {agency} said.",
                 "At least {dead} people were killed and {missing} are missing after heavy rain flooded "
                 "{region} on {day}."],
        "facts_s": ["Up to {rain} millimetres of rain fell in 48 hours, the weather service said.",
                    "Some {evacuated} residents were moved to shelters, {official} said.",
                    "{missing} people were still missing on {day}, police said.",
                    "Water damaged about {homes} homes and closed {roads} roads.",
                    "The river rose {rise} metres above its normal level near {place}."],
    },
    "fire": {
        "facts": {"dead": (1, 60), "injured": (2, 150), "floors": (3, 30), "firefighters": (20, 400),
                  "hours": (2, 30), "engines": (4, 60)},
        "title": ["{dead_w} die in {place} tower fire", "Fire at {place} apartment block kills {dead}",
                  "Blaze in {region} high-rise leaves {dead} dead"],
        "lead": ["A fire tore through a {floors}-storey residential tower in {place} on {day}, killing {dead} "
                 "people, the fire service said.",
                 "{dead_w} people died and {injured} were injured when fire broke out in an apartment block in "
                 "{place} on {day}."],
        "facts_s": ["About {firefighters} firefighters and {engines} engines fought the blaze.",
                    "It took {hours} hours to bring the fire under control, {official} said.",
                    "{injured} people were treated for smoke inhalation and burns.",
                    "The fire started at about {time} on the {start_floor}th floor, investigators said."],
    },
    "vote": {
        "facts": {"turnout": (38, 82), "seats": (40, 300), "won": (10, 160), "votes": (20000, 900000),
                  "margin": (1, 25), "parties": (3, 14)},
        "title": ["{party} wins {won} seats in {region} vote", "Turnout of {turnout}% in {region} election",
                  "{party} leads {region} poll count"],
        "lead": ["The {party} won {won} of the {seats} seats in {region}'s parliamentary election on {day}, "
                 "the electoral commission said.",
                 "Turnout reached {turnout} percent in {day}'s election in {region}, officials said."],
        "facts_s": ["The party received {votes} votes, a margin of {margin} points over its nearest rival.",
                    "{parties} parties competed for {seats} seats in the assembly.",
                    "Turnout was {turnout}% according to preliminary figures from the commission.",
                    "{official} said the final count would be published on {date}."],
    },
    "strike": {
        "facts": {"workers": (500, 60000), "days": (1, 21), "raise": (3, 18), "flights": (20, 900),
                  "offer": (1, 9), "depots": (2, 40)},
        "title": ["{workers} workers strike in {region}", "Strike halts {thing} across {region}",
                  "Unions reject {offer}% offer as strike enters day {days}"],
        "lead": ["About {workers} transport workers walked out across {region} on {day}, the union said, "
                 "demanding a {raise}% pay rise.",
                 "A strike by {workers} staff shut {depots} depots in {region} on {day}."],
        "facts_s": ["The strike is planned to last {days} days, union leader {official} said.",
                    "Operators cancelled {flights} services on the first day.",
                    "Management offered a {offer} percent increase, which the union rejected.",
                    "Workers at {depots} depots joined the action by {time}."],
    },
    "launch": {
        "facts": {"satellites": (2, 60), "mass": (200, 9000), "altitude": (300, 1200), "minutes": (8, 70),
                  "cost": (20, 900), "attempt": (2, 12)},
        "title": ["Rocket puts {satellites} satellites into orbit", "{agency} launches {satellites} satellites",
                  "Launch from {place} carries {mass} kg payload"],
        "lead": ["A rocket lifted off from the {place} spaceport on {day} carrying {satellites} satellites, the "
                 "{agency} said.",
                 "The {agency} launched {satellites} satellites into an orbit of {altitude} kilometres on {day}."],
        "facts_s": ["The payload weighed {mass} kilograms in total, {official} said.",
                    "The satellites separated {minutes} minutes after lift-off.",
                    "The mission cost about {cost} million dollars, according to the agency.",
                    "It was the programme's {attempt}th launch this year."],
    },
    "blast": {
        "facts": {"dead": (1, 90), "injured": (3, 400), "radius": (1, 12), "buildings": (2, 200),
                  "workers": (10, 500), "hours": (1, 20)},
        "title": ["Explosion at {place} plant kills {dead}", "{dead_w} dead in {region} factory blast",
                  "Blast rocks {place} industrial zone"],
        "lead": ["An explosion at a chemical plant in {place} killed {dead} people and injured {injured} on "
                 "{day}, the {agency} said.",
                 "At least {dead} workers died in a blast at a factory near {place} on {day}."],
        "facts_s": ["Windows were shattered up to {radius} kilometres away, residents said.",
                    "About {workers} people were working at the site at the time, {official} said.",
                    "The blast damaged {buildings} buildings nearby.",
                    "Fire crews needed {hours} hours to put out the fires that followed."],
    },
    "budget": {
        "facts": {"total": (200, 9000), "health": (20, 900), "rise": (1, 15), "deficit": (1, 9),
                  "schools": (5, 400), "jobs": (100, 20000)},
        "title": ["{region} unveils {total} million budget", "Budget raises health spending by {rise}%",
                  "{region} council approves budget of {total} million"],
        "lead": ["The {region} council approved a budget of {total} million euros on {day}, {official} said.",
                 "{region} will spend {health} million euros on health next year, a rise of {rise} percent, "
                 "under a budget approved on {day}."],
        "facts_s": ["The deficit is expected to reach {deficit} percent of output, the finance office said.",
                    "The plan funds {schools} new schools and about {jobs} jobs.",
                    "Health spending rises to {health} million euros.",
                    "The vote passed on {date} after a debate that ran past {time}."],
    },
}

_EXTRA_FACTS = {"rescued": (3, 300), "rise": (1, 6), "start_floor": (2, 20), "past_year": (1990, 2020),
                "past": (3, 900), "pop": (20, 3000)}

# Wire copy runs long: about half the sentences carry an attribution or a circumstance.
_CLAUSES = [
    "according to a statement released by the {agency} late on {day}",
    "officials said at a briefing in {place}",
    "in what local media described as the worst such incident in years",
    "as work continued through the night under floodlights",
    "the regional broadcaster reported, citing sources close to the investigation",
    "a figure that officials warned could still change",
    "{official} said in a televised address",
]

_FILLER = [
    "Residents described scenes of confusion as emergency services arrived.",
    "{official} said the authorities were doing everything they could to help those affected.",
    "\"We heard a loud noise and then everything went dark,\" one resident told the {outlet}.",
    "The government has promised an inquiry into the causes.",
    "Aid organisations said they were sending supplies to the area.",
    "Local schools were closed while officials assessed the damage.",
    "Opposition politicians criticised the response as slow.",
    "Images shared online showed damaged buildings and blocked streets.",
    "The {agency} urged people to follow official advice and avoid the area.",
    "Neighbouring regions offered equipment and personnel.",
    "It was not immediately clear what caused the disaster.",
    "Officials said more information would be released later.",
    "{official}, who visited the scene, called it a dark day for {region}.",
    "Volunteers handed out food and water at a makeshift centre.",
]

_BACKGROUND = [
    "A similar event in {place} in {past_year} killed {past} people and led to new safety rules.",
    "{region} has a population of about {pop} people.",
    "The last comparable incident in the region, in {past_year}, affected {past} households.",
]


@dataclass
class Event:
    kind: str
    place: str
    region: str
    agency: str
    official: str
    party: str
    day: dt.date
    facts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class GeneratedArticle:
    name: str
    text: str
    sentences: int


def _event(rng: random.Random, start: dt.date, span_days: int) -> Event:
    kind = rng.choice(sorted(_KINDS))
    spec = _KINDS[kind]
    facts = {k: rng.randint(*r) for k, r in {**spec["facts"], **_EXTRA_FACTS}.items()}
    return Event(
        kind=kind, place=_name(rng), region=_name(rng, 3), agency=f"{_name(rng)} {rng.choice(['Emergency Service', 'Agency', 'Ministry', 'Authority'])}",
        official=f"{rng.choice(['Governor', 'Minister', 'Mayor', 'Chief', 'Spokesperson'])} {_person(rng)}",
        party=f"{_name(rng)} {rng.choice(['Party', 'Alliance', 'Union', 'Front'])}",
        day=start + dt.timedelta(days=rng.randrange(span_days)), facts=facts,
    )


def _reported(rng: random.Random, value: int, stance: float) -> str:
    """How one outlet writes a figure: usually right, sometimes hedged, older, or wrong."""
    r = rng.random()
    if r < stance:  # a different figure: an earlier count or a mistake
        value = max(1, int(value * rng.choice([0.5, 0.7, 0.8, 1.2, 1.5, 2.0])))
    text = f"{value:,}" if value >= 1000 else str(value)
    if value in _WORDS and rng.random() < 0.3:
        text = _WORDS[value]
    h = rng.random()
    if h < 0.12:
        return f"at least {text}"
    if h < 0.2:
        return f"about {text}"
    if h < 0.25 and value >= 20:
        return f"more than {text}"
    return text


def _fill(template: str, ev: Event, rng: random.Random, outlet: str, stance: float) -> str:
    values: dict[str, str] = {}
    for k, v in ev.facts.items():
        if k == "magnitude":
            values[k] = f"{v / 10:.1f}"
        elif k in ("past_year", "past"):
            values[k] = str(v)
        elif k == "pop":
            values[k] = f"{v * 1000:,}"
        else:
            values[k] = _reported(rng, v, stance)
    dead = ev.facts.get("dead", 0)
    values["dead_w"] = (_WORDS.get(dead) or str(dead)).capitalize()
    values.update(
        place=ev.place, region=ev.region, agency=ev.agency, official=ev.official, party=ev.party, outlet=outlet,
        day=_WEEKDAYS[ev.day.weekday()], date=(ev.day + dt.timedelta(days=rng.randint(1, 20))).strftime("%-d %B"),
        time=f"{rng.randint(5, 23)}:{rng.choice(['00', '15', '20', '30', '45'])}", thing="trains and buses",
    )
    text = template.format(**values)
    if text.endswith(".") and not text.endswith('."') and rng.random() < 0.5:
        text = text[:-1] + ", " + rng.choice(_CLAUSES).format(**values) + "."
    return text


def _article(rng: random.Random, ev: Event, outlet: str, idx: int) -> GeneratedArticle:
    spec = _KINDS[ev.kind]
    stance = rng.choice([0.0, 0.05, 0.1, 0.25])  # how often this outlet's figures differ
    n_sent = max(5, min(20, int(rng.gauss(10.5, 3))))
    title = _fill(rng.choice(spec["title"]), ev, rng, outlet, 0.0)
    body = [_fill(rng.choice(spec["lead"]), ev, rng, outlet, stance)]
    pool_f = list(spec["facts_s"])
    rng.shuffle(pool_f)
    pool_o = list(_FILLER)
    rng.shuffle(pool_o)
    while len(body) < n_sent:
        r = rng.random()
        if r < 0.5 and pool_f:
            body.append(_fill(pool_f.pop(), ev, rng, outlet, stance))
        elif r < 0.58:
            body.append(_fill(rng.choice(_BACKGROUND), ev, rng, outlet, 0.0))
        elif pool_o:
            body.append(_fill(pool_o.pop(), ev, rng, outlet, 0.0))
        else:
            body.append(_fill(rng.choice(spec["facts_s"]), ev, rng, outlet, stance))
    paras, i = [], 0
    while i < len(body):  # news paragraphs are one to three sentences
        k = rng.choice([1, 1, 2, 2, 3])
        paras.append(" ".join(body[i : i + k]))
        i += k
    published = dt.datetime.combine(ev.day, dt.time(rng.randint(6, 22), rng.choice([0, 15, 30, 45])))
    published += dt.timedelta(days=rng.choice([0, 0, 1]))
    source = f"{ev.place} {outlet}" if rng.random() < 0.3 else f"The {_name(rng)} {outlet}"
    slug = f"{ev.kind}-{ev.place.lower()}-{idx:05d}"
    text = (
        "---\n"
        f'title: "{title}"\n'
        f'source: "{source}"\n'
        f'published: "{published.isoformat()}+00:00"\n'
        f'url: "https://news.example.org/{slug}"\n'
        "---\n" + "\n\n".join(paras) + "\n"
    )
    return GeneratedArticle(f"{slug}.md", text, len(body))


def generate(n_articles: int, seed: int = 7) -> list[GeneratedArticle]:
    """``n_articles`` articles about ~n/6 events (2-12 outlets each), published over a year."""
    rng = random.Random(seed)
    out: list[GeneratedArticle] = []
    start = dt.date(2025, 1, 1)
    while len(out) < n_articles:
        ev = _event(rng, start, 365)
        outlets = rng.sample(_OUTLETS, k=min(len(_OUTLETS), max(2, int(rng.expovariate(1 / 6)))))
        for outlet in outlets:
            if len(out) >= n_articles:
                break
            out.append(_article(rng, ev, outlet, len(out)))
    return out


def write(folder: Path, articles: list[GeneratedArticle]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        (folder / a.name).write_text(a.text, encoding="utf-8")
