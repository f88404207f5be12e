#!/usr/bin/env python3
"""Write src/sourcetrace/data/training/references-web.xml: tagged web/news citations in AnyStyle XML.

The citations are composed from invented authors, titles, outlets, dates and URLs in the common
styles that news and opinion pages use (MLA 7 "Web. 1 Nov 2010. <", MLA 8/9, APA, Chicago notes and
bibliography, Harvard, Vancouver, Wikipedia cite templates, bare news lines, interviews, reports,
posts), plus the hand-written ones in HAND below. Every value is made up; nothing is copied from a
corpus, and none of the example article's authors, outlets or publishers appear, so the
example stays an unseen test. The same seed always writes the same file. Held out for testing: every 5th sequence
(index % 5 == 4), see scripts/train_references.py.

Tags follow AnyStyle (author, title, journal, container-title, publisher, location, date, url,
note, medium, pages, volume, editor, genre, citation-number) plus `accessed` for access dates.
Outlets of news and magazines are `journal` (AnyStyle's choice for periodicals, e.g. "New York
Times,"), "Retrieved from"/"Available at:" are `note`, "Web."/"Print."/"Interview by X." are `medium`, and a
bracketed description ("[Video].", "[Blog post].") is `genre`, as core.xml tags "[Motion picture].".

A second family, from its own random stream and appended after the first (so the first stays the
same file), is the source lists of fact-checkers (`FactCheckGen`): "Outlet, "Title," Date", "Email
interview with NAME, ROLE, DATE" (the medium, the person as author, the role as `note`), "NAME, tweet,
DATE", press releases, organisations' reports and pages, podcasts.

    python scripts/make_web_citations.py [--n 640] [--seed 7] [--factcheck 100]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from sourcetrace.references import to_anystyle_xml

OUT = Path(__file__).resolve().parent.parent / "src/sourcetrace/data/training/references-web.xml"

GIVEN = """Laura Michael Sarah Ahmed Fatima Lucia Tomasz Ingrid Kwame Priya Daniel
Yusuf Elena Marco Hannah Olusegun Mei Javier Nadia Robert Chen Amira Stefan Grace Hugo Leila Omar Julia
Thomas Aisha Benedikt Rosa Samuel Keiko Ivan Claire Rafael Zainab Peter Anna Farid Maya George Noura
Lars Isabel Kofi Dana Victor Salma William Ruth Mateo Nora Jonas Emily Karim Alice Diego Sofia""".split()
FAMILY = """Okafor Lindqvist Moreau Castellano Nakamura Petrov
Haddad Brennan Whitfield Kowalski Mensah Farahani Oyelaran Novak Schreiber Delacroix Ortega Svensson
Chaudhry Fitzgerald Mbeki Tanaka Rahimi Bauer Quispe Halloran Andersen Ferreira Goldberg Idowu Kaplan
Lefebvre Marchetti Nieminen O'Connell Pereira Rosenthal Sato Thornton Umarov Vasquez Wojcik Yilmaz Zhang
Al-Masri Hughes Carver Mitchell Baptiste Grummond Estrada Ivanova Jaworski""".split()
FAMILY = FAMILY + ["van der Berg", "de la Cruz", "Mac Lochlainn", "Van Dyke"]
ORGS = """United Nations|Amnesty International|Human Rights Watch|World Bank|International Crisis Group|
Government Accountability Office|Danish Refugee Council|US Department of Labor|
European Commission|World Health Organization|Pew Research Center|Brookings Institution|RAND Corporation|
International Monetary Fund|Reporters Without Borders|Committee to Protect Journalists|Transparency International|
Council on Foreign Relations|Institute for War and Peace Reporting|Office for National Statistics""".replace("\n", "").split("|")
# (name, domain): newspapers, magazines and news sites (tagged journal)
OUTLETS = [
    ("The Week", "theweek.com"), ("Foreign Affairs", "foreignaffairs.com"), ("The New York Times", "nytimes.com"),
    ("The Guardian", "theguardian.com"), ("The Washington Post", "washingtonpost.com"), ("BBC News", "bbc.co.uk"),
    ("Al Jazeera", "aljazeera.com"), ("Reuters", "reuters.com"), ("The Atlantic", "theatlantic.com"),
    ("Time", "time.com"), ("Der Spiegel", "spiegel.de"), ("Le Monde", "lemonde.fr"), ("The Economist", "economist.com"),
    ("Los Angeles Times", "latimes.com"), ("The Independent", "independent.co.uk"), ("CNN", "cnn.com"),
    ("Financial Times", "ft.com"), ("The Hindu", "thehindu.com"), ("Haaretz", "haaretz.com"),
    ("Conflict Review", "conflictreview.example"), ("Gulf Affairs", "gulfaffairs.example"), ("Mother Jones", "motherjones.com"),
    ("The Daily Telegraph", "telegraph.co.uk"), ("Wired", "wired.com"), ("Politico", "politico.com"),
    ("The Nation", "thenation.com"), ("Slate", "slate.com"), ("Vox", "vox.com"), ("Asia Times", "atimes.com"),
    ("The Irish Times", "irishtimes.com"), ("Sydney Morning Herald", "smh.com.au"), ("Globe and Mail", "theglobeandmail.com"),
    ("Mail & Guardian", "mg.co.za"), ("Daily Nation", "nation.africa"), ("Tehran Times", "tehrantimes.com"),
    ("The Jerusalem Post", "jpost.com"), ("Christian Science Monitor", "csmonitor.com"), ("NPR", "npr.org"),
    ("Associated Press", "apnews.com"), ("The Hill", "thehill.com"), ("Bloomberg", "bloomberg.com"),
    ("Rolling Stone", "rollingstone.com"), ("The New Yorker", "newyorker.com"), ("Huffington Post", "huffpost.com"),
    ("Middle East Eye", "middleeasteye.net"), ("The Diplomat", "thediplomat.com"), ("Dawn", "dawn.com"),
    ("Sky News", "news.sky.com"), ("National Review", "nationalreview.com"), ("El País", "elpais.com"),
    ("Kyiv Independent", "kyivindependent.com"), ("Scroll.in", "scroll.in"), ("Daily Maverick", "dailymaverick.co.za"),
    ("Balkan Insight", "balkaninsight.com"), ("Refugee Voices", "refugeevoices.example"), ("Lawfare", "lawfaremedia.org"),
]
PUBLISHERS = """The Harbour Group|The Meridian Trust|Condé Nast|Guardian News and Media|Graham Holdings|
Nikkei|Axel Springer|Hearst Communications|News Corp|Library of Congress|Oxford University Press|
Penguin Books|Verso|Routledge|Civic Voices Association|Tribune Publishing|Vox Media|BuzzFeed""".replace("\n", "").split("|")
PLACES = "London|New York|Washington, DC|Paris|Tehran|Nairobi|Berlin|Geneva|Oxford|Cambridge, MA|Toronto|Delhi".split("|")
WORDS_A = """Secret|Quiet|Long|Last|New|Hidden|Broken|Forgotten|Uneasy|Rising|Fragile|Bitter|
Unlikely|Great|Silent|Dangerous|Crowded|Missing|Second""".replace("\n", "").split("|")
WORDS_N = """Demonstration|Alliance|Corridor|War|Election|Deal|Crisis|Exodus|Ceasefire|Protest|Budget|
Summit|Verdict|Refugees|Pipeline|Border|Strike|Trial|Campaign|Vote|Drought|Scandal|Reform|Truce""".replace("\n", "").split("|")
PLACE_N = """Baghdad|Tehran|Kabul|Brussels|Washington|Nairobi|Caracas|Kyiv|Gaza|Port Sudan|Mosul|Lagos|
Beirut|Minsk|Khartoum|Manila|Ankara|Islamabad|Havana|Cairo""".replace("\n", "").split("|")
VERBS = """Vows|Says|Warns|Rejects|Backs|Faces|Plans|Denies|Admits|Seeks|Calls for|Hits|Wins|Loses|Ends""".split("|")
MONTHS = "January February March April May June July August September October November December".split()
MON_ABBR = "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split()
MON3 = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
SLUG_WORDS = "news world politics middle-east opinion article story analysis 2010 blog comment report features".split()


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    # ------------------------------------------------------------------ values
    def person(self) -> tuple[str, str]:
        return self.r.choice(FAMILY), self.r.choice(GIVEN)

    def title(self) -> str:
        r = self.r
        k = r.randrange(7)
        if k == 0:
            return f"{r.choice(WORDS_A)} {r.choice(WORDS_N)} in {r.choice(PLACE_N)}"
        if k == 1:
            return f"{r.choice(PLACE_N)} {r.choice(VERBS)} {r.choice(WORDS_N)} After {r.choice(WORDS_A)} {r.choice(WORDS_N)}"
        if k == 2:
            f, _ = self.person()
            return f"{f}’s {r.choice(PLACE_N)} {r.choice(WORDS_N)}"
        if k == 3:
            return f"The {r.choice(WORDS_A)} {r.choice(WORDS_N)}: Why {r.choice(PLACE_N)} {r.choice(VERBS).lower()} the {r.choice(WORDS_N).lower()}"
        if k == 4:
            w = [r.choice(WORDS_N).lower() for _ in range(3)]
            return f"{r.choice(WORDS_A)} {w[0]} and the {w[1]} of {r.choice(PLACE_N)}"
        if k == 5:
            return f"{r.choice(PLACE_N)}: {r.choice(WORDS_A)} {r.choice(WORDS_N).lower()} {r.choice(['looms', 'deepens', 'ends', 'begins', 'stalls'])}"
        return f"{r.choice(['How', 'Why', 'When', 'What'])} the {r.choice(WORDS_N).lower()} in {r.choice(PLACE_N)} {r.choice(['changed everything', 'went wrong', 'was lost', 'matters', 'could end'])}"

    def ymd(self) -> tuple[int, int, int]:
        return self.r.randint(1994, 2024), self.r.randint(1, 12), self.r.randint(1, 28)

    def after(self, ymd) -> tuple[int, int, int]:
        """An access date on or after `ymd`."""
        y, m, d = ymd
        ay = min(y + self.r.choice([0, 0, 1, 2]), 2025)
        am = self.r.randint(m if ay == y else 1, 12)
        ad = self.r.randint(d if (ay, am) == (y, m) else 1, 28)
        return ay, am, ad

    def date_text(self, ymd, style: str) -> str:
        y, m, d = ymd
        r = self.r
        if style == "dmy":
            return f"{d:02d} {MONTHS[m - 1]} {y}" if r.random() < 0.3 else f"{d} {MONTHS[m - 1]} {y}"
        if style == "dmy3":
            return f"{d} {r.choice([MON3, MON_ABBR])[m - 1]} {y}"
        if style == "mdy":
            return f"{r.choice([MONTHS, MON_ABBR])[m - 1]} {d}, {y}"
        if style == "iso":
            return f"{y}-{m:02d}-{d:02d}"
        if style == "ymd":
            return f"{y} {MON3[m - 1]} {d}"
        if style == "y":
            return str(y)
        raise ValueError(style)

    def url(self, domain: str, kind: str = "ok") -> str:
        r = self.r
        host = ("www." if r.random() < 0.7 else "") + domain
        y = r.randint(2000, 2024)
        parts = [r.choice(SLUG_WORDS)]
        if r.random() < 0.6:
            parts += [str(y), f"{r.randint(1, 12):02d}"]
        slug = "-".join(r.choice(WORDS_N).lower() for _ in range(r.randint(2, 5)))
        if r.random() < 0.3:
            slug += r.choice([".html", ".htm", ".php?id=" + str(r.randint(100, 99999)), f"-{r.randint(10000, 999999)}"])
        path = "/".join(parts + [slug])
        scheme = r.choice(["https://", "http://", "https://", ""] if kind != "bare" else ["https://"])
        if kind == "truncated":
            full = scheme + host + "/" + path
            cut = r.randint(len(scheme) + 4, len(full) - 2)
            return full[:cut] + r.choice(["…", "...", ""])
        if kind == "scheme":
            return r.choice(["http://", "https://", "http://www."])
        if kind == "pdf":
            return f"{scheme or 'http://'}{host}/refworld/pdfid/{r.randrange(16**10):010x}.pdf"
        return (scheme or "https://") + host + "/" + path if r.random() < 0.8 else host + "/" + path

    def ending_url(self, domain: str) -> str:
        """The URL slot of MLA-7-style entries: often the cut-off '<'."""
        k = self.r.random()
        if k < 0.45:
            return "<"
        if k < 0.6:
            return "<" + self.url(domain, "truncated")
        if k < 0.7:
            return self.url(domain, "scheme")
        return "<" + self.url(domain) + ">."

    # ------------------------------------------------------------------ authors
    def mla_authors(self) -> str:
        r = self.r
        n = r.choices([1, 2, 3], [0.75, 0.18, 0.07])[0]
        f1, g1 = self.person()
        if n == 1:
            return f"{f1}, {g1}."
        f2, g2 = self.person()
        if n == 2:
            return f"{f1}, {g1}, and {g2} {f2}."
        return f"{f1}, {g1}, et al."

    def apa_authors(self) -> str:
        r = self.r
        n = r.choices([1, 2, 3], [0.7, 0.2, 0.1])[0]
        names = []
        for _ in range(n):
            f, g = self.person()
            ini = g[0] + "." + (f" {r.choice(GIVEN)[0]}." if r.random() < 0.3 else "")
            names.append(f"{f}, {ini}")
        if n == 1:
            return names[0]
        return ", ".join(names[:-1]) + ", & " + names[-1]

    def natural_authors(self) -> str:
        r = self.r
        f, g = self.person()
        if r.random() < 0.8:
            return f"{g} {f},"
        f2, g2 = self.person()
        return f"{g} {f} and {g2} {f2},"

    def vancouver_authors(self) -> str:
        names = []
        for _ in range(self.r.choices([1, 2, 3], [0.6, 0.3, 0.1])[0]):
            f, g = self.person()
            names.append(f"{f} {g[0]}{self.r.choice(['', '', GIVEN[0][0]])}")
        return ", ".join(names) + "."

    def italic(self, s: str) -> str:
        k = self.r.random()
        if k < 0.55:
            return f"*{s}*"
        if k < 0.6:
            return f"*{s} *"
        return s

    # ------------------------------------------------------------------ styles
    def mla7(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        segs = []
        if r.random() < 0.85:
            segs.append(("author", self.mla_authors()))
        q = r.choice(['"{}."', "“{}.”", '"{}."', "“{}”"])
        segs.append(("title", q.format(self.title())))
        ymd = self.ymd()
        acc = self.after(ymd)
        # MLA 7's "*Site*. Publisher, Date." is the commonest web shape; scraped pages often lose the italics
        k = r.choices(range(5), [0.2, 0.4, 0.15, 0.1, 0.15])[0]
        it = self.italic(outlet)
        if k == 0:
            segs += [("journal", it), ("date", self.date_text(ymd, "dmy") + ":")]
        elif k == 1:
            segs += [("journal", it + "."), ("publisher", r.choice(PUBLISHERS) + ","), ("date", self.date_text(ymd, "dmy") + ".")]
        elif k == 2:
            segs += [("journal", it), ("date", f"({self.date_text(ymd, 'dmy')}):")]
        elif k == 3:
            segs += [("journal", it), ("date", self.date_text(ymd, "dmy") + ":.")]
        else:
            segs += [("journal", it + ","), ("date", self.date_text(ymd, r.choice(["dmy", "dmy3"])) + ".")]
        segs.append(("medium", "Web."))
        segs.append(("accessed", self.date_text(acc, r.choice(["dmy3", "dmy"])) + "."))
        segs.append(("url", self.ending_url(domain)))
        return segs

    def mla8(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        segs = []
        if r.random() < 0.85:
            segs.append(("author", self.mla_authors()))
        segs.append(("title", r.choice(['"{}."', "“{}.”"]).format(self.title())))
        ymd = self.ymd()
        segs.append(("journal", self.italic(outlet) + ","))
        if r.random() < 0.25:
            segs.append(("publisher", r.choice(PUBLISHERS) + ","))
        segs.append(("date", self.date_text(ymd, r.choice(["dmy", "dmy3"])) + ","))
        u = self.url(domain, r.choices(["ok", "truncated"], [0.85, 0.15])[0])
        segs.append(("url", u.split("://", 1)[-1] + "."))
        if r.random() < 0.6:
            acc = self.after(ymd)
            segs.append(("accessed", "Accessed " + self.date_text(acc, r.choice(["dmy", "dmy3"])) + "."))
        return segs

    def apa(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        y, m, d = self.ymd()
        segs = [("author", self.apa_authors())]
        k = r.randrange(3)
        if k == 0:
            segs.append(("date", f"({y}, {MONTHS[m - 1]} {d})."))
        elif k == 1:
            segs.append(("date", f"({y})."))
        else:
            segs.append(("date", f"({y}, {MON_ABBR[m - 1]} {d})."))
        segs.append(("title", self.title() + "."))
        segs.append(("journal", self.italic(outlet) + r.choice([".", ","])))
        k = r.randrange(4)
        if k == 0:
            segs += [("note", "Retrieved from"), ("url", self.url(domain, "bare"))]
        elif k == 1:
            acc = self.after((y, m, d))
            segs += [("accessed", f"Retrieved {self.date_text(acc, 'mdy')}, from"), ("url", self.url(domain, "bare"))]
        elif k == 2:
            segs.append(("url", self.url(domain, r.choice(["bare", "truncated"]))))
        return segs

    def chicago_note(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        ymd = self.ymd()
        segs = []
        if r.random() < 0.3:
            segs.append(("citation-number", f"{r.randint(1, 40)}."))
        if r.random() < 0.85:
            segs.append(("author", self.natural_authors()))
        segs.append(("title", r.choice(['"{},"', "“{},”"]).format(self.title())))
        segs.append(("journal", self.italic(outlet) + ","))
        end = r.random() < 0.6
        segs.append(("date", self.date_text(ymd, "mdy") + ("," if end else ".")))
        if end:
            segs.append(("url", self.url(domain, r.choices(["bare", "truncated"], [0.85, 0.15])[0]) + "."))
        return segs

    def chicago_bib(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        ymd = self.ymd()
        segs = [("author", self.mla_authors()), ("title", r.choice(['"{}."', "“{}.”"]).format(self.title()))]
        segs.append(("journal", self.italic(outlet) + ","))
        segs.append(("date", self.date_text(ymd, "mdy") + "."))
        if r.random() < 0.5:
            acc = self.after(ymd)
            segs.append(("accessed", "Accessed " + self.date_text(acc, "mdy") + "."))
        segs.append(("url", self.url(domain, "bare") + "."))
        return segs

    def harvard(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        y, m, d = self.ymd()
        f, g = self.person()
        segs = [("author", f"{f}, {g[0]}."), ("date", f"({y})")]
        segs.append(("title", r.choice(["'{}',", "‘{}’,"]).format(self.title())))
        segs.append(("journal", self.italic(outlet) + ","))
        segs.append(("date", f"{d} {MONTHS[m - 1]}."))
        segs += [("note", "Available at:"), ("url", self.url(domain, "bare"))]
        acc = self.after((y, m, d))
        segs.append(("accessed", f"(Accessed: {self.date_text(acc, 'dmy')})."))
        return segs

    def vancouver(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        ymd = self.ymd()
        segs = []
        if r.random() < 0.5:
            segs.append(("citation-number", f"{r.randint(1, 60)}."))
        segs += [("author", self.vancouver_authors()), ("title", self.title() + ".")]
        segs.append(("journal", outlet + " [Internet]."))
        segs.append(("date", self.date_text(ymd, "ymd")))
        acc = self.after(ymd)
        segs.append(("accessed", f"[cited {self.date_text(acc, 'ymd')}]."))
        segs += [("note", "Available from:"), ("url", self.url(domain, "bare"))]
        return segs

    def wikipedia(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        ymd = self.ymd()
        acc = self.after(ymd)
        dstyle = r.choice(["dmy", "mdy", "iso"])
        segs = []
        if r.random() < 0.6:
            f, g = self.person()
            segs.append(("author", f"{f}, {g}"))
            segs.append(("date", f"({self.date_text(ymd, dstyle)})."))
            segs.append(("title", f'"{self.title()}".'))
            segs.append(("journal", self.italic(outlet) + "."))
        else:
            segs.append(("title", f'"{self.title()}".'))
            segs.append(("journal", self.italic(outlet) + "."))
            segs.append(("date", f"{self.date_text(ymd, dstyle)}."))
        if r.random() < 0.3:
            segs.append(("publisher", r.choice(PUBLISHERS) + "."))
        segs.append(("accessed", f"Retrieved {self.date_text(acc, dstyle)}."))
        return segs

    def news_line(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        ymd = self.ymd()
        k = r.randrange(4)
        if k == 0:
            segs = [("title", f'"{self.title()}",'), ("journal", self.italic(outlet) + ","), ("date", self.date_text(ymd, r.choice(["dmy", "mdy"])) + ".")]
        elif k == 1:
            segs = [("journal", self.italic(outlet) + ","), ("title", f"“{self.title()},”"), ("date", self.date_text(ymd, "mdy") + ",")]
            segs.append(("url", self.url(domain)))
        elif k == 2:
            segs = [("title", self.title() + "."), ("journal", outlet + "."), ("date", self.date_text(ymd, "dmy3") + ".")]
            segs.append(("url", self.url(domain, r.choice(["ok", "truncated"]))))
        else:
            segs = [("author", self.natural_authors().rstrip(",") + "."), ("title", f'"{self.title()}."'),
                    ("journal", self.italic(outlet) + "."), ("date", self.date_text(ymd, "y") + ".")]
        return segs

    def interview(self):
        r = self.r
        outlet, domain = r.choice(OUTLETS)
        f, g = self.person()
        ymd = self.ymd()
        segs = [("author", f"{f}, {g}.")]
        if r.random() < 0.6:
            segs.append(("journal", self.italic(outlet) + "."))
        who = r.choice([f"{g2} {f2}" for f2, g2 in [self.person()]] + [r.choice(PUBLISHERS), r.choice(ORGS)])
        segs.append(("medium", f"Interview by {who}."))
        segs.append(("date", self.date_text(ymd, "dmy") + "."))
        if r.random() < 0.7:
            acc = self.after(ymd)
            segs += [("medium", "Web."), ("accessed", self.date_text(acc, "dmy3") + "."), ("url", self.ending_url(domain))]
        return segs

    def report(self):
        r = self.r
        org = r.choice(ORGS)
        ymd = self.ymd()
        segs = []
        if r.random() < 0.5:
            f, g = self.person()
            segs.append(("author", f"{f}, {g}."))
        else:
            segs.append(("author", org + "."))
        segs.append(("title", self.italic(self.title()) + "."))
        if r.random() < 0.5:
            segs.append(("genre", r.choice(["Report", "Policy brief", "Briefing paper", "Working paper"]) + r.choice([".", ","])))
        if r.random() < 0.5:
            segs.append(("location", r.choice(PLACES) + ":"))
        segs.append(("publisher", org + ","))
        segs.append(("date", self.date_text(ymd, r.choice(["y", "mdy", "dmy"])) + "."))
        k = r.randrange(3)
        if k == 0:
            segs += [("note", r.choice(["Available at:", "Online:", "See:"])), ("url", self.url(r.choice(OUTLETS)[1], "pdf"))]
        elif k == 1:
            segs.append(("medium", "Print."))
        return segs

    def post(self):
        r = self.r
        f, g = self.person()
        ymd = self.ymd()
        handle = (g[0] + f).lower().replace(" ", "").replace("'", "")
        site, domain = r.choice([("Twitter", "twitter.com"), ("X", "x.com"), ("Facebook", "facebook.com"),
                                 ("Instagram", "instagram.com"), ("YouTube", "youtube.com")])
        segs = [("author", f"{g} {f} [@{handle}]." if r.random() < 0.5 else f"@{handle} ({g} {f}).")]
        segs.append(("title", f'"{self.title()}."'))
        segs.append(("container-title", f"*{site}*," if r.random() < 0.5 else site + ","))
        segs.append(("date", self.date_text(ymd, r.choice(["dmy", "mdy"])) + ","))
        segs.append(("url", f"{domain}/{handle}/status/{r.randint(10**17, 10**18)}."))
        return segs

    def wiki_article(self):
        r = self.r
        t = r.choice(PLACE_N + [f"{g} {f}" for f, g in [self.person()]])
        ymd = self.ymd()
        segs = [("title", f'"{t}."'), ("container-title", r.choice(["*Wikipedia*,", "Wikipedia,", "*Wikipedia, The Free Encyclopedia*."]))]
        segs.append(("publisher", "Wikimedia Foundation,"))
        segs.append(("date", self.date_text(ymd, "dmy") + "."))
        segs.append(("url", f"https://en.wikipedia.org/wiki/{t.replace(' ', '_')}."))
        return segs

    def website(self):
        r = self.r
        org = r.choice(ORGS)
        segs = []
        if r.random() < 0.5:
            segs.append(("note", "See also:"))
        segs.append(("publisher", org))
        segs.append(("note", "website:"))
        if r.random() < 0.7:
            segs.append(("url", self.url(r.choice(OUTLETS)[1], r.choice(["pdf", "ok", "bare"])) + r.choice(["", "."])))
        return segs

    def make(self):
        styles = [(self.mla7, 20), (self.mla8, 12), (self.apa, 12), (self.chicago_note, 9), (self.chicago_bib, 6),
                  (self.harvard, 7), (self.vancouver, 5), (self.wikipedia, 9), (self.news_line, 8), (self.interview, 4),
                  (self.report, 5), (self.post, 3), (self.wiki_article, 2), (self.website, 2)]
        fn = self.r.choices([s for s, _ in styles], [w for _, w in styles])[0]
        segs = fn()
        if fn not in (self.chicago_note, self.vancouver) and self.r.random() < 0.08:
            segs.insert(0, ("citation-number", self.r.choice(["[{}]", "{}.", "{})"]).format(self.r.randint(1, 30))))
        return segs


# Fact-check source lists: invented places for local outlets, offices and universities (none of the
# hand-written test sets' names).
TOWNS = """Ashford|Millbrook|Fairhaven|Clearwater|Oakridge|Brookfield|Stonebridge|Kingsport|Maple Valley|Redcliff|
Elmwood|Silver Lake|Hollis|Carrow|Wexford|Bellmont|Thornbury|Ravensworth|Cedar Falls|Port Alder|Glenmore|
Castleton|Whitby Cross|Larkspur|Danforth|Merrow|Quarry Hill|Easton Vale|Sandown|Halberd""".replace("\n", "").split("|")
PAPER_WORDS = """Ledger|Courier|Tribune|Gazette|Herald|Times|Chronicle|Observer|Sentinel|Post|Journal|Daily News|
Record|Register|Press|Star|Examiner|Dispatch|Bulletin|Standard|Independent|Telegram|News-Leader""".replace("\n", "").split("|")
OFFICE_KINDS = """Water Authority|Housing Council|Chamber of Commerce|School District|Health Department|Police Department|
Transit Agency|Budget Office|Election Board|Port Authority|Department of Revenue|Fire Department|Planning Commission|
Economic Development Corporation|Public Library|Department of Transportation""".replace("\n", "").split("|")
FIELDS = "economics|political science|public health|history|law|journalism|sociology|epidemiology|finance|geology".split("|")
HONORIFICS = ["Sen.", "Rep.", "Gov.", "Mayor", "Dr.", "Councilwoman", "Councilman", "Lt. Gov.", "Sgt.", "Prof.", "Chief"]


class FactCheckGen(Gen):
    """Citations as fact-checkers list their sources (PolitiFact's "Our Sources", Snopes, FactCheck.org)."""

    def town(self) -> str:
        return self.r.choice(TOWNS)

    def outlet(self) -> str:
        r = self.r
        name = f"{self.town()} {r.choice(PAPER_WORDS)}"
        return ("The " + name) if r.random() < 0.25 else name

    def office(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.5:
            return f"{self.town()} {r.choice(OFFICE_KINDS)}"
        if k < 0.7:
            return f"{r.choice(['State', 'County', 'City'])} {r.choice(OFFICE_KINDS)}"
        return r.choice(ORGS)

    def university(self) -> str:
        t = self.town()
        return self.r.choice([f"{t} University", f"University of {t}", f"{t} State University", f"{t} College"])

    def name(self, honorific: float = 0.2) -> str:
        f, g = self.person()
        pre = self.r.choice(HONORIFICS) + " " if self.r.random() < honorific else ""
        return f"{pre}{g} {f}"

    def role(self) -> str:
        r = self.r
        k = r.randrange(8)
        if k == 0:
            return f"{r.choice(['spokesman', 'spokeswoman', 'spokesperson'])} for the {self.office()}"
        if k == 1:
            return f"{r.choice(['economist', 'researcher', 'lecturer'])} at {self.university()}"
        if k == 2:
            return f"{r.choice(['professor', 'associate professor', 'assistant professor'])} of {r.choice(FIELDS)} at {self.university()}"
        if k == 3:
            return f"press secretary to {r.choice(['Gov.', 'Sen.', 'Rep.', 'Mayor'])} {self.name(0)}"
        if k == 4:
            return f"{r.choice(['senior analyst', 'policy director', 'research fellow'])}, {self.office()}"
        if k == 5:
            return f"{r.choice(['director', 'executive director', 'president'])} of the {self.office()}"
        if k == 6:
            return f"{r.choice(FIELDS)} {r.choice(['professor', 'expert'])} at {self.university()}"
        return f"{r.choice(['communications director', 'public information officer'])}, {self.office()}"

    def headline(self) -> str:
        t = self.title()
        if self.r.random() < 0.6:  # PolitiFact and most news sites use sentence case
            words = t.split(" ")
            t = " ".join([words[0]] + [w if w[:1].isupper() and w.strip(":’s") in PLACE_N else w.lower() for w in words[1:]])
        return t

    def when(self, ymd, last: bool) -> str:
        text = self.date_text(ymd, self.r.choice(["mdy", "mdy", "mdy", "dmy", "dmy3"]))
        return text + ("" if last and self.r.random() < 0.6 else "," if not last else ".")

    def source_line(self):
        r = self.r
        ymd = self.ymd()
        outlet = self.outlet()
        segs = [("journal", outlet + ","), ("title", f'"{self.headline()},"')]
        k = r.random()
        if k < 0.15:
            segs.append(("note", "updated"))
        if k < 0.6:
            segs.append(("date", self.when(ymd, True)))
        elif k < 0.8:
            segs.append(("date", self.when(ymd, False)))
            segs.append(("url", self.url(outlet.lower().removeprefix("the ").replace(" ", "") + ".example")))
        else:
            segs.append(("date", self.when(ymd, False)))
            segs.append(("accessed", "accessed " + self.when(self.after(ymd), True)))
        return segs

    def interview(self):
        r = self.r
        kind = r.choice(["Email interview with", "Email interview with", "Phone interview with", "Telephone interview with",
                         "Interview with", "Email exchange with", "Emails with", "Phone call with", "In-person interview with"])
        segs = [("medium", kind), ("author", self.name(0.25) + ",")]
        if r.random() < 0.85:
            segs.append(("note", self.role() + ","))
        segs.append(("date", self.when(self.ymd(), True)))
        return segs

    def org_document(self):
        r = self.r
        ymd = self.ymd()
        segs = [("author", self.office() + ","), ("title", f'"{self.headline()},"')]
        if r.random() < 0.2:
            segs.append(("genre", r.choice(["(report),", "report,", "(fact sheet),", "data,"])))
        if r.random() < 0.6:
            segs.append(("date", self.date_text(ymd, r.choice(["mdy", "mdy", "y"])) if r.random() < 0.3 else self.when(ymd, True)))
        else:
            segs.append(("accessed", "accessed " + self.when(self.after(ymd), True)))
        return segs

    def social(self):
        r = self.r
        kind = r.choice(["tweet,", "tweet,", "Facebook post,", "Instagram post,", "X post,", "YouTube video,", "TikTok video,"])
        return [("author", self.name(0.6) + ","), ("genre", kind), ("date", self.when(self.ymd(), True))]

    def release(self):
        r = self.r
        kind = r.choice(["Press release,", "News release,"])
        who = self.office() if r.random() < 0.5 else f"Office of {r.choice(['Sen.', 'Rep.', 'Gov.'])} {self.name(0)}"
        if r.random() < 0.6:
            segs = [("genre", kind), ("author", who + ",")]
        else:
            segs = [("author", who + ","), ("genre", kind.lower())]
        return segs + [("title", f'"{self.headline()},"'), ("date", self.when(self.ymd(), True))]

    def titled_page(self):
        r = self.r
        ymd = self.ymd()
        segs = [("title", f'"{self.headline()}."'), ("author", self.office() + r.choice([".", ","]))]
        if r.random() < 0.5:
            segs.append(("accessed", "Accessed " + self.date_text(self.after(ymd), "dmy3") + "."))
        else:
            segs.append(("date", self.date_text(ymd, r.choice(["dmy3", "mdy"])) + "."))
        return segs

    def checked(self):
        """Snopes / FactCheck.org: Family, Given. "Title." Outlet, Date."""
        r = self.r
        ymd = self.ymd()
        outlet = self.outlet() if r.random() < 0.6 else r.choice(OUTLETS)[0]
        segs = [("author", self.mla_authors()), ("title", f'"{self.title()}."'),
                ("journal", outlet + r.choice([",", "."])), ("date", self.date_text(ymd, r.choice(["dmy3", "mdy"])) + ".")]
        if r.random() < 0.3:
            segs[-1] = ("date", segs[-1][1][:-1] + ",")
            segs.append(("url", self.url(r.choice(OUTLETS)[1]) + "."))
        return segs

    def podcast(self):
        r = self.r
        show = f"{r.choice(['The', ''])} {r.choice(WORDS_A)} {r.choice(['Hour', 'Signal', 'Briefing', 'Report', 'Desk'])}".strip()
        return [("container-title", f"{show} (podcast),"), ("title", f'"Episode {r.randint(2, 400)}: {self.headline()},"'),
                ("date", self.when(self.ymd(), True))]

    def make(self):
        styles = [(self.source_line, 8), (self.interview, 6), (self.org_document, 4), (self.social, 2), (self.release, 2),
                  (self.titled_page, 2), (self.checked, 3), (self.podcast, 1)]
        fn = self.r.choices([s for s, _ in styles], [w for _, w in styles])[0]
        return fn()


# Hand-written citations in other shapes than the generator's, all invented.
HAND = [
    [("author", "Moreau, Claire."), ("title", "“Borders of the Mind: Exile and Return”"), ("journal", "Refugee Quarterly."),
     ("publisher", "The Exile Press,"), ("date", "12 March 2008."), ("medium", "Web."), ("accessed", "3 Jan 2011."), ("url", "<")],
    [("author", "Okafor, Kwame."), ("title", "Lagos Rising."), ("location", "Ibadan:"), ("publisher", "Heinemann Nigeria,"),
     ("date", "1999."), ("medium", "Print.")],
    [("author", "Staff writer."), ("title", '"Ceasefire holds in northern province."'), ("journal", "*Daily Nation*"),
     ("date", "(Nairobi), 4 April 2016."), ("url", "http://nation.africa/news/ceasefire-holds")],
    [("title", "“Protesters gather outside embassy”."), ("journal", "BBC News."), ("date", "14 February 2011."),
     ("accessed", "Retrieved 20 February 2011.")],
    [("author", "Halloran, Ruth, and Omar Haddad."), ("title", '"What the Leaked Cables Say."'), ("journal", "*The Nation*"),
     ("date", "5 Dec. 2010:"), ("medium", "Web."), ("accessed", "6 Dec. 2010."), ("url", "<http://www.thenation.com/article/15…")],
    [("author", "Ivanova, E."), ("date", "(2019, October 2)."), ("title", "Inside the grain corridor"), ("genre", "[Video]."),
     ("container-title", "YouTube."), ("url", "https://www.youtube.com/watch?v=Qx81Lm0pTzA")],
    [("author", "Reporters Without Borders."), ("date", "(2021)."), ("title", "*World press freedom index 2021*."),
     ("note", "Retrieved from"), ("url", "https://rsf.org/en/ranking/2021")],
    [("author", "Petrov, Ivan."), ("title", '"Letter from Minsk."'), ("journal", "*The New Yorker*"), ("date", "14 Aug. 2020:"),
     ("pages", "22-27."), ("medium", "Print.")],
    [("author", "Lindqvist, I."), ("date", "(2017)."), ("title", "Water and war in the Sahel."), ("journal", "*Foreign Affairs*,"),
     ("volume", "96(4),"), ("pages", "88–97."), ("url", "https://www.foreignaffairs.com/articles/2017-06-13/water-and-war")],
    [("citation-number", "[12]"), ("author", "Nakamura, Keiko."), ("title", "“Tokyo’s Quiet Budget Fight.”"),
     ("journal", "*Asia Times*"), ("date", "(3 June 2012):"), ("medium", "Web."), ("accessed", "9 June 2012."), ("url", "<")],
    [("note", "See also:"), ("publisher", "International Crisis Group"), ("note", "website:"),
     ("url", "http://www.crisisgroup.org/en/regions/middle-east-north-africa.aspx")],
    [("author", "Chaudhry, Salma."), ("title", '"Floods and the Politics of Relief."'), ("journal", "Dawn"),
     ("date", "(Karachi) 30 Aug. 2010."), ("medium", "Web."), ("accessed", "2 Sept. 2010."), ("url", "https://")],
    [("author", "Rosenthal, Benedikt."), ("title", "*The Long Ceasefire*."), ("location", "London:"), ("publisher", "Verso,"),
     ("date", "2015.")],
    [("title", '"Editorial: The cost of silence."'), ("journal", "*The Irish Times*,"), ("date", "22 May 2018,"),
     ("pages", "p. 15.")],
    [("author", "Baptiste, Rosa."), ("title", "“Haiti after the quake: one year on.”"), ("journal", "*NPR*,"),
     ("date", "12 Jan. 2011,"), ("url", "www.npr.org/2011/01/12/haiti-one-year."), ("accessed", "Accessed 14 Jan. 2011.")],
    [("author", "Farahani, L."), ("date", "(2014, March 9)."), ("title", "The exiles of Port Sudan"), ("genre", "[Blog post]."),
     ("accessed", "Retrieved March 12, 2014, from"), ("url", "http://gulfaffairs.example/blog/2014/03/the-exiles")],
    [("author", "Mensah, Kofi"), ("date", "(2 June 2020)."), ("title", '"Accra plans new port".'), ("journal", "*Reuters*."),
     ("accessed", "Retrieved 4 June 2020.")],
    [("author", "Wojcik, T."), ("date", "2013."), ("title", "‘Poland’s new right’,"), ("journal", "*Financial Times*,"),
     ("date", "8 November."), ("note", "Available at:"), ("url", "https://www.ft.com/content/4f2a91c2"),
     ("accessed", "(Accessed: 9 November 2013).")],
    [("author", "Al-Masri, Noura."), ("title", '"Beirut\'s Port, One Year Later."'), ("journal", "*Middle East Eye*."),
     ("publisher", "MEE Ltd., "), ("date", "4 August 2021."), ("medium", "Web."), ("accessed", "5 Aug. 2021."), ("url", "<https://www.middleeasteye.net/news/beirut-port-one-year>.")],
    [("author", "Estrada, Diego."), ("medium", "Personal interview."), ("date", "17 March 2019.")],
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=640, help="generated citations (hand-written ones are added)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--factcheck", type=int, default=100, help="fact-check source-list citations appended")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    gen = Gen(random.Random(args.seed))
    seqs = [gen.make() for _ in range(args.n)]
    # spread the hand-written ones so both the training and the held-out part get some
    for i, segs in enumerate(HAND):
        seqs.insert(i * (len(seqs) // len(HAND)) + (i % 5), segs)
    factcheck = FactCheckGen(random.Random(args.seed + 1))
    seqs += [factcheck.make() for _ in range(args.factcheck)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_anystyle_xml(seqs), "utf-8")
    print(f"wrote {len(seqs)} sequences to {args.out}")


if __name__ == "__main__":
    main()
