#!/usr/bin/env python3
"""Write src/sourcetrace/data/training/references-web-test.xml: hand-written, hand-tagged web/news
citations in shapes the generator (make_web_citations.py) does not produce. Never used for training;
scripts/train_references.py scores it as a second, harder web/news test set. All values are invented.
"""

from __future__ import annotations

from pathlib import Path

from sourcetrace.references import to_anystyle_xml

OUT = Path(__file__).resolve().parent.parent / "src/sourcetrace/data/training/references-web-test.xml"

CITATIONS = [
    [("author", "Greene, Marcus."), ("title", "\"Inside the Harbour Deal.\""), ("journal", "*The Coastal Ledger*"),
     ("date", "14 March 2012:"), ("medium", "Web."), ("accessed", "2 Apr. 2012."), ("url", "<")],
    [("author", "Teodorescu, Ana"), ("date", "(2016, 3 February)."), ("title", "Why the miners walked out."),
     ("journal", "*Bucharest Herald*."), ("note", "Retrieved from"), ("url", "http://bucharestherald.example/miners-walkout")],
    [("title", "\"Floods displace thousands in delta region\"."), ("journal", "Gulf Observer."), ("date", "2019-08-11."),
     ("accessed", "Retrieved 2019-08-13.")],
    [("author", "Brandt, S., & Ito, K."), ("date", "(2022)."), ("title", "River waste survey 2021"), ("genre", "[Data set]."),
     ("publisher", "Riverton Water Board."), ("url", "https://waterboard.example/data/2021")],
    [("author", "Vance, Eleanor."), ("title", "*Salt and Steel: A History of the Northern Docks*."), ("location", "Leeds:"),
     ("publisher", "Harbourside Press,"), ("date", "2004."), ("medium", "Print.")],
    [("author", "Obi, Chidera."), ("title", "\"Lagos Traffic Plan Stalls Again.\""), ("journal", "*Premium Daily*,"),
     ("date", "Oct. 3, 2017,"), ("url", "https://premiumdaily.example/lagos-traffic-plan.")],
    [("author", "Editorial Board."), ("title", "\"A Budget Built on Hope.\""), ("journal", "*The Morning Standard*"),
     ("date", "(London), 12 Nov. 2015,"), ("pages", "p. A14.")],
    [("author", "Kask, Mart."), ("title", "\"Tallinn's Digital Border.\""), ("journal", "*Baltic Review*"), ("volume", "12.3"),
     ("date", "(2018):"), ("pages", "44-51."), ("medium", "Web."), ("accessed", "9 Jan. 2019.")],
    [("author", "Rahman, Nadia."), ("title", "Personal interview."), ("date", "22 July 2020.")],
    [("author", "Moss, Henry [@hmoss_reports]."), ("date", "(2021, May 9)."), ("title", "Polls close in an hour and the queues are still around the block [Tweet]."),
     ("container-title", "Twitter."), ("url", "https://twitter.com/hmoss_reports/status/1391420000000000000")],
    [("author", "Fontaine, L."), ("date", "2011."), ("title", "'Paris suburbs: ten years on',"), ("journal", "*Le Quotidien*,"),
     ("date", "27 October,"), ("pages", "p. 6.")],
    [("title", "\"Port strike enters third week.\""), ("journal", "*Harbour Gazette*"), ("date", "[Portside] 18 Jan. 2013:"),
     ("medium", "Web."), ("accessed", "20 Jan. 2013."), ("url", "<http://www.harbourgazette.example/2013/01/18/port-stri…")],
    [("author", "Adeyemi, Tunde, and Grace Liu."), ("title", "\"Mobile Money and the Unbanked.\""), ("container-title", "*Development Matters* (blog),"),
     ("publisher", "Global Finance Institute,"), ("date", "June 4, 2019,"), ("url", "https://gfi.example/blog/mobile-money-unbanked.")],
    [("citation-number", "[14]"), ("author", "Khalil, Y."), ("title", "“The quiet return to Homs,”"), ("journal", "Levant Weekly,"),
     ("date", "3 March 2018."), ("url", "https://")],
    [("author", "Novak, Petra."), ("title", "\"Prague's Housing Squeeze.\""), ("journal", "*Central Europe Today*."),
     ("publisher", "CET Media Group,"), ("date", "19 Apr. 2016."), ("medium", "Web."), ("accessed", "21 Apr. 2016."), ("url", "<")],
    [("author", "Ministry of Health."), ("date", "(2020)."), ("title", "*Annual surveillance report 2019*"), ("genre", "(Report No. 14)."),
     ("publisher", "Government Printer."), ("url", "https://health.example.gov/reports/2019-annual.pdf")],
    [("author", "Sørensen, Mette."), ("title", "\"Wind Farms and Fishing Grounds.\""), ("journal", "*North Sea Journal*,"),
     ("date", "spring 2014,"), ("url", "northseajournal.example/wind-farms."), ("accessed", "Accessed 2 May 2014.")],
    [("title", "\"Hurricane Ines\"."), ("container-title", "*Wikipedia*."), ("accessed", "Retrieved 30 September 2023.")],
    [("author", "Park, J.-H."), ("date", "(2015, December 1)."), ("title", "Seoul's night markets [Video file]."),
     ("note", "Retrieved from"), ("url", "https://www.youtube.com/watch?v=aB3dE5fG7hI")],
    [("author", "Whitcombe, Oliver"), ("date", "(14 February 2009)."), ("title", "\"Valentine's Day trade in roses booms\"."),
     ("journal", "*Kenya Courier*."), ("accessed", "Retrieved 16 February 2009.")],
    [("author", "Haas, Ruth."), ("title", "\"Vienna Talks Resume.\""), ("journal", "*Danube Post*"), ("date", "9 June 2007:"),
     ("medium", "Print.")],
    [("author", "Mwangi, Peter"), ("title", "\"Tea auction prices fall\","), ("journal", "*Business Daily Nairobi*,"), ("date", "5 Sept. 2012.")],
    [("author", "Ortiz, Camila."), ("title", "\"Bogotá's Bike Lanes.\""), ("journal", "*Andes Weekly*"), ("date", "1 Aug. 2019:"),
     ("medium", "Web."), ("accessed", "3 Aug. 2019."), ("url", "<https://andesweekly.example/bogota-bike-lanes>.")],
    [("author", "Amnesty Watch."), ("title", "*Detained Without Charge*."), ("location", "Geneva:"), ("publisher", "Amnesty Watch,"),
     ("date", "2018."), ("note", "Available at:"), ("url", "https://amnestywatch.example/reports/detained.pdf"), ("accessed", "(Accessed: 1 December 2018).")],
    [("author", "Laine H, Virtanen K."), ("title", "Sauna use and heart health."), ("journal", "Nordic Health News [Internet]."),
     ("date", "2017 Mar 2"), ("accessed", "[cited 2017 Apr 10]."), ("note", "Available from:"), ("url", "https://nordichealth.example/sauna")],
    [("author", "Jovanović, Marko."), ("title", "\"Belgrade Waterfront Questions.\""), ("journal", "*Balkan Reporter*."),
     ("date", "22 May 2016."), ("medium", "Web."), ("accessed", "24 May 2016."), ("url", "http://")],
    [("author", "Delgado, Rosa, et al."), ("title", "\"Water Rights in the Altiplano.\""), ("journal", "*Southern Cone Review*,"),
     ("date", "11 Feb. 2020,"), ("url", "www.scr.example/altiplano-water-rights."), ("accessed", "Accessed 13 Feb. 2020.")],
    [("author", "Chen, Wei."), ("title", "\"Shenzhen's Startup Alleys.\""), ("journal", "*Pearl River Times*"),
     ("date", "(6 November 2018):"), ("medium", "Web."), ("accessed", "8 Nov. 2018."), ("url", "<")],
    [("title", "\"Council approves new sea wall\","), ("journal", "Harbour Town Herald,"), ("date", "15 June 2021.")],
    [("author", "Lindgren, Astrid K."), ("title", "\"Arctic Shipping Lanes Open Early.\""), ("journal", "*Polar Affairs*"),
     ("date", "30 Aug. 2020."), ("url", "https://polaraffairs.example/2020/08/arctic-shipping-lanes")],
]


def main() -> None:
    OUT.write_text(to_anystyle_xml(CITATIONS), "utf-8")
    print(f"wrote {len(CITATIONS)} sequences to {OUT}")


if __name__ == "__main__":
    main()
