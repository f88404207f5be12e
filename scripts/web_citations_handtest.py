#!/usr/bin/env python3
"""Write src/sourcetrace/data/training/references-web-test.xml: hand-written, hand-tagged web/news
citations in shapes the generator (make_web_citations.py) does not produce. Never used for training;
scripts/train_references.py scores it as a second, harder web/news test set. All values are invented.
"""

from __future__ import annotations

from pathlib import Path

from sourcetrace.references import to_anystyle_xml

OUT = Path(__file__).resolve().parent.parent / "src/sourcetrace/data/training/references-web-test.xml"
# A second set, written later (second session) before looking at the model's output on it: the
# fresher figure. Same conventions: outlets `journal`, blogs and platforms `container-title`,
# "Retrieved from" / "Available at:" `note`, access dates `accessed`, "Web." and "Interview by X."
# `medium`, a bracketed description ("[Tweet]", "[Documentary]") `genre` as in core.xml. Two gold
# fixes were made after the first scoring, both to follow these conventions (the issue's `medium`
# for "Interview by ..."; core.xml's `genre` for "[Motion picture]."), in both hand-written sets.
OUT_2 = OUT.with_name("references-web-test-2.xml")
# A third set, written after the second set had guided the access-phrase and bracket-genre fixes in
# fields.py, and scored once when finished: the figure no change has seen.
OUT_3 = OUT.with_name("references-web-test-3.xml")
# A fourth set, written after every fix of the second session and scored once: the honest figure.
OUT_4 = OUT.with_name("references-web-test-4.xml")
# A fifth set (third session), references-web-test-5.xml, was written directly as AnyStyle XML (that file
# is its source, not this script), in the same conventions, and scored once on the B-/E- model: 5.51%.
# Sets 6 and 7 (sixth session, fact-checkers' source lists: "Outlet, "Title," Date", "Email interview
# with NAME, ROLE, DATE" as medium + author + note) were also written directly as XML; set 7 before any
# change set 6 motivated.

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
    [("author", "Rahman, Nadia."), ("medium", "Personal interview."), ("date", "22 July 2020.")],
    [("author", "Moss, Henry [@hmoss_reports]."), ("date", "(2021, May 9)."), ("title", "Polls close in an hour and the queues are still around the block"), ("genre", "[Tweet]."),
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
    [("author", "Park, J.-H."), ("date", "(2015, December 1)."), ("title", "Seoul's night markets"), ("genre", "[Video file]."),
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


CITATIONS_2 = [
    [("author", "Imogen Blackwood,"), ("title", "\"Grain Silos Sit Empty as Exports Stall,\""), ("journal", "*Midland Courier*,"),
     ("date", "April 8, 2022,"), ("url", "https://midlandcourier.example/2022/04/08/grain-silos-empty.")],
    [("author", "Okonkwo, E."), ("date", "(2021, November 30)."), ("title", "Rail link delayed by land disputes."),
     ("journal", "*Savannah Times*."), ("url", "https://savannahtimes.example/news/rail-link-delayed")],
    [("author", "Harlow, P."), ("date", "(2018)"), ("title", "'Tidal power: the long wait',"), ("journal", "*Severn Weekly*,"),
     ("date", "2 March."), ("note", "Available at:"), ("url", "https://severnweekly.example/tidal-power"), ("accessed", "(Accessed: 5 March 2018).")],
    [("author", "Quintero, Lucía"), ("date", "(12 May 2015)."), ("title", "\"Drought tightens grip on the valley\"."),
     ("journal", "*Valle Diario*."), ("accessed", "Retrieved 14 May 2015.")],
    [("author", "Tariq Aziz Mahmood,"), ("title", "\"The Price of Cotton,\""), ("journal", "Punjab Observer,"), ("date", "19 January 2011,"),
     ("url", "<http://www.punjabobserver.example/opinion/")],
    [("author", "Department of Transport."), ("date", "(2019)."), ("title", "*Road safety statistics 2018*"), ("genre", "(Statistical Release 7)."),
     ("url", "https://transport.example.gov/stats/road-safety-2018.pdf")],
    [("author", "Sato, Yumi."), ("title", "\"Night Trains Return to Europe.\""), ("journal", "*Continental Rail Monthly*,"), ("volume", "vol. 41, no. 6,"),
     ("date", "2020,"), ("pages", "pp. 12-15.")],
    [("author", "Ruiz, Tomás."), ("title", "\"Why I Quit the Council.\""), ("genre", "Op-ed."), ("journal", "*Valley Voice*,"),
     ("date", "3 Mar. 2019.")],
    [("title", "\"Minister resigns over contract row\"."), ("journal", "*Northern Wire*."), ("date", "7 February 2016."),
     ("accessed", "Retrieved 9 February 2016.")],
    [("author", "Kowalczyk, Anna."), ("title", "\"Coal Towns in Transition.\""), ("container-title", "*The Energy Desk*,"),
     ("genre", "podcast,"), ("date", "episode 42, 14 Sept. 2021,"), ("url", "https://energydesk.example/podcast/42.")],
    [("author", "Lagos State Government."), ("title", "\"Statement on Flood Relief.\""), ("genre", "Press release,"),
     ("date", "2 August 2020.")],
    [("author", "Bergström, Nils [@nilsberg]."), ("date", "(2019, October 2)."), ("title", "The ferry is cancelled again, third time this week"), ("genre", "[Tweet]."),
     ("container-title", "Twitter."), ("url", "https://twitter.com/nilsberg/status/1179300000000000000")],
    [("author", "Farouk, Leila."), ("medium", "Interview by Daniel Marsh."), ("journal", "*Cairo Evening News*,"), ("date", "11 July 2013.")],
    [("citation-number", "7."), ("author", "M. Achebe,"), ("title", "\"Oil spill cleanup lags,\""), ("journal", "Delta Tribune,"),
     ("date", "Jun. 2, 2014.")],
    [("author", "Greenberg, Saul."), ("title", "\"Tariffs and the Steel Belt.\""), ("journal", "*The Ledger*"), ("date", "28 Apr. 2018."),
     ("medium", "Web."), ("accessed", "1 May 2018."), ("url", "<https://www.theledger.example/2018/04/28/tariffs-steel-belt>.")],
    [("author", "Nguyen, T. H., & Tran, Q."), ("date", "(2017)."), ("title", "Street food and city planning in Hanoi."),
     ("container-title", "*Urban Notes*"), ("genre", "[Blog post]."), ("url", "https://urbannotes.example/hanoi-street-food")],
    [("author", "European Fisheries Council,"), ("title", "*Annual Catch Report 2016*"), ("date", "(2017),"), ("pages", "p. 23,"),
     ("url", "https://efc.example/reports/catch-2016.pdf.")],
    [("author", "Hollis, Grace."), ("title", "\"The Last Lighthouse Keeper.\""), ("journal", "*Atlantic Shore Magazine*"), ("date", "Winter 2012:"),
     ("pages", "30-37."), ("medium", "Print.")],
    [("title", "\"Elections: turnout at record low\","), ("journal", "*Daily Meridian*"), ("date", "(Accra),"), ("date", "9 Dec. 2008,"), ("pages", "p. 1.")],
    [("author", "Castellanos, R."), ("date", "2020."), ("title", "\"Housing queue grows in capital\"."), ("journal", "*Metro Sur*,"),
     ("date", "15 January."), ("url", "https://metrosur.example/housing-queue")],
    [("author", "Ibrahim, Sani."), ("title", "\"Solar Mini-Grids in Rural Kano.\""), ("container-title", "*Facebook*,"), ("date", "4 June 2021,"),
     ("url", "https://www.facebook.com/sani.ibrahim/posts/1020")],
    [("author", "Duarte, Helena"), ("date", "(2016)."), ("title", "*O porto e a cidade*"), ("genre", "[Documentary]."), ("publisher", "Lisboa Filmes.")],
    [("author", "Schofield, Mark."), ("title", "\"Council Tax Rise Approved.\""), ("journal", "*Borough Echo*"), ("date", "12 Feb. 2014."),
     ("medium", "Web."), ("accessed", "13 Feb. 2014."), ("url", "<")],
    [("author", "U.S. Geological Survey."), ("title", "\"Earthquake Hazards Program.\""), ("accessed", "Accessed 3 Oct. 2022."),
     ("url", "https://earthquake.example.gov/hazards")],
    [("author", "Abara, Ngozi"), ("title", "\"Lecturers' strike enters fourth month\""), ("journal", "*Campus Times*"), ("date", "(Enugu)"),
     ("date", "19 June 2018")],
    [("author", "Whelan, C."), ("title", "'Broadband for the islands'."), ("journal", "*West Coast Post*,"), ("date", "23 August 2019."),
     ("url", "https://westcoastpost.example/broadband-islands"), ("accessed", "[accessed 25 August 2019].")],
    [("author", "Petrovic, Dragan,"), ("title", "\"Who Owns the River?\""), ("journal", "*Danube Reporter*,"), ("date", "May 2, 2017,"),
     ("url", "https://danubereporter.example/who-owns-the-river"), ("accessed", "(accessed May 4, 2017).")],
    [("author", "Mendes, Paulo."), ("title", "\"Amazon Fires: The Satellite Record.\""), ("journal", "*Brasil Observer*"),
     ("date", "27 Aug. 2019,"), ("url", "www.brasilobserver.example/amazon-fires-satellite…")],
    [("author", "Amara Osei and Jonas Keller,"), ("title", "\"Cocoa Prices and Child Labour,\""), ("container-title", "*Trade Matters* (blog),"),
     ("publisher", "Centre for Fair Trade Studies,"), ("date", "March 3, 2020,"), ("url", "https://cfts.example/blog/cocoa-prices.")],
    [("author", "Lindholm, Erik."), ("title", "\"Reindeer Herders Face Warmer Winters.\""), ("journal", "*Nordic Times*,"), ("date", "16 Jan. 2018,"),
     ("pages", "pp. 4-5.")],
]


CITATIONS_3 = [
    [("author", "Ferreira, Inês."), ("title", "\"The Ferry Fare Fight.\""), ("journal", "*Island Gazette*,"), ("date", "9 Mar. 2021,"),
     ("url", "www.islandgazette.example/ferry-fare-fight.")],
    [("author", "Kamau, J."), ("date", "(2019, July 14)."), ("title", "Matatu owners reject new levy."), ("journal", "*The Rift Standard*."),
     ("url", "https://riftstandard.example/news/matatu-levy")],
    [("author", "Oskar Lindahl,"), ("title", "\"A Town Without a Bank,\""), ("journal", "*Northern Ledger*,"), ("date", "December 2, 2016,"),
     ("url", "https://northernledger.example/2016/12/02/town-without-bank.")],
    [("author", "Batista, Marina."), ("title", "\"Rio's Rooftop Gardens.\""), ("journal", "*Carioca Post*."), ("date", "June 5, 2018."),
     ("accessed", "Accessed June 9, 2018."), ("url", "https://cariocapost.example/rooftop-gardens.")],
    [("author", "Dunmore, E."), ("date", "(2014)"), ("title", "'Village schools face closure',"), ("journal", "*Dales Herald*,"),
     ("date", "18 September,"), ("pages", "p. 7.")],
    [("author", "Achterberg, Pieter"), ("date", "(21 October 2020)."), ("title", "\"Dyke repairs fall behind schedule\"."),
     ("journal", "*Lowlands Courant*."), ("accessed", "Retrieved 23 October 2020.")],
    [("author", "Mwale T."), ("title", "Copper towns after the boom."), ("journal", "Zambezi Business Review [Internet]."),
     ("date", "2015 Aug 3"), ("accessed", "[cited 2015 Sep 1]."), ("note", "Available from:"), ("url", "https://zbr.example/copper-towns")],
    [("citation-number", "[4]"), ("author", "R. Haddad,"), ("title", "\"Power cuts return to the capital,\""), ("journal", "*Levant Daily*,"),
     ("date", "Feb. 11, 2022."), ("genre", "[Online]."), ("note", "Available:"), ("url", "https://levantdaily.example/power-cuts")],
    [("author", "Ostrowski, K., & Bell, A."), ("date", "(2020)."), ("title", "Commuting after the pandemic: Evidence from four cities."),
     ("journal", "*Journal of Urban Mobility*,"), ("volume", "8(2),"), ("pages", "112–130."), ("doi", "https://doi.org/10.5555/jum.2020.0082")],
    [("author", "Coastal Resilience Trust."), ("date", "(2017)."), ("title", "*Rising water, falling trust*"), ("genre", "(Report No. 3)."),
     ("location", "Plymouth:"), ("publisher", "Coastal Resilience Trust.")],
    [("author", "Marchand, Élise."), ("title", "*The Salt Road*."), ("publisher", "Harbourlight Books,"), ("date", "2011.")],
    [("author", "Tembo, Grace."), ("title", "\"Radio and the Rural Vote.\""), ("container-title", "In *Media and Democracy in Africa*,"),
     ("editor", "edited by Samuel Adjei,"), ("pages", "45–61."), ("location", "Accra:"), ("publisher", "Volta Press,"), ("date", "2013.")],
    [("author", "Halvorsen, Ingrid."), ("title", "\"Oil Fund Rules Eased.\""), ("journal", "*Fjord Times*."), ("publisher", "Fjord Media AS,"),
     ("date", "4 May 2015."), ("medium", "Web."), ("accessed", "6 May 2015."), ("url", "<")],
    [("author", "Nakashima, Ren."), ("title", "\"Remarks at the Harbour Forum.\""), ("genre", "Speech,"), ("location", "Kobe,"),
     ("date", "March 3, 2019.")],
    [("author", "Ministry of Water Affairs."), ("title", "*National Groundwater Survey 2018*."), ("location", "Windhoek:"),
     ("publisher", "Government Printer,"), ("date", "2019."), ("url", "https://water.example.gov.na/survey-2018.pdf")],
    [("title", "\"Bridge closure extended to spring.\""), ("journal", "*River Valley News*,"), ("date", "30 Nov. 2017.")],
    [("author", "Rossi, Giulia."), ("medium", "Interview by Tom Everett."), ("journal", "*Alpine Weekly*,"), ("date", "14 Feb. 2020.")],
    [("title", "\"The Long Count.\""), ("container-title", "*Election Night Special*,"), ("publisher", "Channel 9,"), ("date", "8 Nov. 2016.")],
    [("author", "Port Authority of Valdera."), ("title", "\"New Container Terminal Opens.\""), ("genre", "Press release,"),
     ("date", "12 April 2021."), ("url", "https://valderaport.example/news/terminal-opens")],
    [("author", "Stein, Miriam."), ("title", "\"Opinion | The Budget Nobody Read.\""), ("journal", "*Capital Review*,"), ("date", "22 Jan. 2019.")],
    [("author", "@quaywatch (Harbour Watch)."), ("title", "\"Third cruise ship this week, and the quay is full.\""), ("container-title", "*Twitter*,"),
     ("date", "17 Aug. 2018,"), ("url", "twitter.com/quaywatch/status/1030000000000000000.")],
    [("title", "\"Lake Orwen.\""), ("container-title", "*Wikipedia*,"), ("publisher", "Wikimedia Foundation,"), ("date", "2 Feb. 2022,"),
     ("url", "en.wikipedia.org/wiki/Lake_Orwen.")],
    [("author", "Quayle, Dennis."), ("title", "\"Mill Closes After 90 Years.\""), ("journal", "*Tyne Chronicle*"), ("date", "[Newcastle], 3 Oct. 2009,"),
     ("pages", "sec. B, p. 2.")],
    [("author", "Varga, P."), ("date", "(2021, March)."), ("title", "The last river pilots."), ("journal", "*Danube Quarterly*,"),
     ("volume", "14(1),"), ("pages", "22–29.")],
    [("author", "Northern Statistics Agency."), ("date", "(2022)."), ("title", "*Household energy use 2021*"), ("genre", "[Data set]."),
     ("publisher", "Northern Statistics Agency."), ("url", "https://nsa.example/data/energy-2021")],
    [("title", "\"How the Tide Mill Works.\""), ("container-title", "*YouTube*,"), ("note", "uploaded by Heritage Engines,"),
     ("date", "5 Jan. 2017,"), ("url", "www.youtube.com/watch?v=Tm9xQw2LpZc.")],
    [("author", "Birdlife Coastal."), ("title", "\"Puffin Colonies.\""), ("journal", "*Birdlife Coastal*,"), ("url", "birdlifecoastal.example/puffins."),
     ("accessed", "Accessed 12 July 2023.")],
    [("author", "Ekwueme, C."), ("date", "(2018)."), ("title", "*Informal credit and small traders*"), ("genre", "(Working Paper No. 12)."),
     ("publisher", "Institute for Market Studies."), ("url", "https://ims.example/wp12.pdf")],
    [("author", "Holt, Bernard."), ("title", "\"Keep the Night Bus.\""), ("genre", "Letter."), ("journal", "*City Evening Post*,"),
     ("date", "5 Dec. 2019,"), ("pages", "p. 14.")],
    [("author", "Salo, Minna, and Ahmed Rauf."), ("title", "\"Reindeer and Wind Turbines.\""), ("journal", "*Arctic Affairs*,"),
     ("volume", "vol. 9, no. 2,"), ("date", "2021,"), ("pages", "pp. 31–40."), ("doi", "doi:10.5555/aa.2021.0092.")],
]


CITATIONS_4 = [
    [("author", "Wren, Alistair."), ("title", "\"The Quarry Next Door.\""), ("journal", "*Highland Tribune*,"), ("date", "3 Apr. 2017,"),
     ("url", "www.highlandtribune.example/quarry-next-door.")],
    [("author", "Nkosi, B."), ("date", "(2022, February 2)."), ("title", "Taxi fares rise again as fuel costs bite."),
     ("journal", "*Durban Mercury Online*."), ("url", "https://durbanmercury.example/taxi-fares")],
    [("author", "Aino Heikkilä,"), ("title", "\"Sauna Diplomacy,\""), ("journal", "*Baltic Forum*,"), ("date", "October 12, 2019,"),
     ("url", "https://balticforum.example/2019/10/12/sauna-diplomacy.")],
    [("author", "Pacheco, Diego."), ("title", "\"Water Tankers and Politics.\""), ("journal", "*Lima Observer*."), ("date", "August 30, 2016."),
     ("accessed", "Accessed September 2, 2016."), ("url", "https://limaobserver.example/water-tankers.")],
    [("author", "Greaves, T."), ("date", "(2013)"), ("title", "'Lifeboat station saved',"), ("journal", "*Cornish Gazette*,"),
     ("date", "4 June,"), ("pages", "p. 3.")],
    [("author", "Moreno, Julia"), ("date", "(8 March 2018)."), ("title", "\"Women's strike fills the plazas\"."), ("journal", "*Iberian Daily*."),
     ("accessed", "Retrieved 10 March 2018.")],
    [("author", "Oyelowo A, Danjuma K."), ("title", "Fuel queues return to Abuja."), ("journal", "Sahel Business Digest [Internet]."),
     ("date", "2021 Nov 9"), ("accessed", "[cited 2021 Dec 1]."), ("note", "Available from:"), ("url", "https://sbd.example/fuel-queues")],
    [("citation-number", "[9]"), ("author", "L. Marchetti,"), ("title", "\"Venice tide barrier tested,\""), ("journal", "*Adriatic News*,"),
     ("date", "Oct. 3, 2020."), ("genre", "[Online]."), ("note", "Available:"), ("url", "https://adriaticnews.example/mose-test")],
    [("author", "Fairbanks, R., & Osei, P."), ("date", "(2019)."), ("title", "Who reads the local paper? A survey of three towns."),
     ("journal", "*Journalism Practice Review*,"), ("volume", "11(4),"), ("pages", "301–318."), ("doi", "https://doi.org/10.5555/jpr.2019.114")],
    [("author", "Mountain Rescue Council."), ("date", "(2020)."), ("title", "*Callouts and casualties 2019*"), ("genre", "(Report No. 8)."),
     ("location", "Kendal:"), ("publisher", "Mountain Rescue Council.")],
    [("author", "Delacourt, Simone."), ("title", "*The Orchard Years*."), ("publisher", "Brightwater Press,"), ("date", "2009.")],
    [("author", "Banda, Kelvin."), ("title", "\"Community Radio in the Copperbelt.\""), ("container-title", "In *Voices of the Region*,"),
     ("editor", "edited by Ruth Phiri,"), ("pages", "112–130."), ("location", "Lusaka:"), ("publisher", "Kafue Press,"), ("date", "2015.")],
    [("author", "Sandvik, Tor."), ("title", "\"Salmon Farms Expand North.\""), ("journal", "*Coastal Norway*."), ("publisher", "Nordkyst Media,"),
     ("date", "11 Sept. 2014."), ("medium", "Web."), ("accessed", "13 Sept. 2014."), ("url", "<")],
    [("author", "Water Users Association of Tarrin."), ("title", "\"Statement on the New Tariff.\""), ("genre", "Press release,"),
     ("date", "1 March 2022."), ("url", "https://wuat.example/statements/new-tariff")],
    [("author", "Lindqvist, Maja."), ("title", "\"Opinion | Keep the Night Trains Running.\""), ("journal", "*Nordic Review*,"), ("date", "19 Nov. 2021.")],
    [("title", "\"Storm cuts power to 40,000 homes.\""), ("journal", "*Atlantic Coast News*,"), ("date", "12 Feb. 2020.")],
    [("author", "Kaur, Simran."), ("medium", "Interview by Daniel Okafor."), ("journal", "*Punjab Weekly*,"), ("date", "2 May 2019.")],
    [("author", "@floodwatch_uk (Flood Watch)."), ("title", "\"River levels still rising at the weir.\""), ("container-title", "*Twitter*,"),
     ("date", "9 Feb. 2020,"), ("url", "twitter.com/floodwatch_uk/status/1226000000000000000.")],
    [("title", "\"Mount Eldra.\""), ("container-title", "*Wikipedia*,"), ("publisher", "Wikimedia Foundation,"), ("date", "14 Mar. 2021,"),
     ("url", "en.wikipedia.org/wiki/Mount_Eldra.")],
    [("author", "Pryce, Owen."), ("title", "\"Steelworks Jobs Saved.\""), ("journal", "*Valleys Chronicle*"), ("date", "[Swansea], 6 July 2016,"),
     ("pages", "sec. A, p. 1.")],
    [("author", "Statistics Office of Varna."), ("date", "(2021)."), ("title", "*Tourism arrivals 2020*"), ("genre", "[Data set]."),
     ("publisher", "Statistics Office of Varna."), ("url", "https://stat.example/tourism-2020")],
    [("author", "Centre for Coastal Policy."), ("title", "\"Managed Retreat.\""), ("journal", "*Centre for Coastal Policy*,"),
     ("url", "coastalpolicy.example/managed-retreat."), ("accessed", "Accessed 4 Jan. 2023.")],
    [("author", "Idris, M."), ("date", "(2017)."), ("title", "*Remittances and rural housing*"), ("genre", "(Working Paper No. 31)."),
     ("publisher", "Centre for Migration Research."), ("url", "https://cmr.example/wp31.pdf")],
    [("author", "Kettle, Joan."), ("title", "\"Save Our Library.\""), ("genre", "Letter to the editor."), ("journal", "*Market Town Times*,"),
     ("date", "8 Jan. 2018,"), ("pages", "p. 11.")],
    [("author", "Haugen, Silje, and Omar Farah."), ("title", "\"Fjord Tourism and Its Limits.\""), ("journal", "*Scandinavian Travel Studies*,"),
     ("volume", "vol. 6, no. 1,"), ("date", "2020,"), ("pages", "pp. 5–19."), ("doi", "doi:10.5555/sts.2020.061.")],
    [("author", "Teo, Wei Ling."), ("title", "\"Hawker Centres Under Pressure.\""), ("journal", "*Straits Review*"), ("date", "(21 May 2019):"),
     ("medium", "Web."), ("accessed", "23 May 2019."), ("url", "<https://straitsreview.example/hawker-centres>.")],
    [("author", "Okonjo, F."), ("date", "2016."), ("title", "\"Lagos lagoon clean-up stalls\"."), ("journal", "*Eko Times*,"),
     ("date", "22 March."), ("url", "https://ekotimes.example/lagoon-cleanup")],
    [("author", "Vargas, Pilar."), ("title", "\"Andean Glaciers in Retreat.\""), ("journal", "*Cordillera Journal*,"), ("date", "5 Dec. 2018,"),
     ("url", "https://cordillerajournal.example/glaciers"), ("accessed", "(accessed Dec. 7, 2018).")],
    [("author", "Ministry of Fisheries."), ("title", "*Annual Catch Statistics 2017*."), ("location", "Suva:"), ("publisher", "Government Printer,"),
     ("date", "2018.")],
    [("author", "Brennan, Cormac."), ("title", "\"The Last Ferry to Inishmore.\""), ("journal", "*Western Herald*"), ("date", "17 Aug. 2015."),
     ("url", "https://westernherald.example/2015/08/17/last-ferry")],
]


def main() -> None:
    OUT.write_text(to_anystyle_xml(CITATIONS), "utf-8")
    print(f"wrote {len(CITATIONS)} sequences to {OUT}")
    OUT_2.write_text(to_anystyle_xml(CITATIONS_2), "utf-8")
    print(f"wrote {len(CITATIONS_2)} sequences to {OUT_2}")
    OUT_3.write_text(to_anystyle_xml(CITATIONS_3), "utf-8")
    print(f"wrote {len(CITATIONS_3)} sequences to {OUT_3}")
    OUT_4.write_text(to_anystyle_xml(CITATIONS_4), "utf-8")
    print(f"wrote {len(CITATIONS_4)} sequences to {OUT_4}")


if __name__ == "__main__":
    main()
