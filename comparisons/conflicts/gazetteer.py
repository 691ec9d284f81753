"""The places and organisations that ``comparisons.conflicts.names`` recognises in claims, as plain data.

- ``CITIES``: cities a meeting or talks may be held in ("in Geneva" vs "in Brussels" is a place conflict).
- ``CITY_ALIASES``: other spellings, mapped to the one shown and compared ("Kiev" is "Kyiv").
- ``ORGANISATIONS``: each organisation's canonical name and every way readouts write it.
- ``STATES``: countries and regions, never read as a venue of a meeting to come (a country holds many cities).
- ``COUNTRIES``: each country's name and the words that stand for it as a party ("the American side", "U.S.",
  "Washington"; Russian adjective stems such as "американск"), for who asked for a call or meeting.

Kept apart from the matching code so that adding a venue or an organisation is a one-line data change.
"""

from __future__ import annotations

__all__ = ["CITIES", "CITY_ALIASES", "COUNTRIES", "ORGANISATIONS", "STATES"]

CITIES = {
    "Geneva", "Brussels", "Vienna", "Helsinki", "Istanbul", "Ankara", "Antalya", "Riyadh", "Jeddah", "Doha",
    "Abu Dhabi", "Dubai", "Minsk", "Moscow", "Washington", "Beijing", "Paris", "Berlin", "London", "Rome",
    "Warsaw", "Kyiv", "Kiev", "Stockholm", "Oslo", "Reykjavik", "Tokyo", "Seoul", "New York", "Madrid", "Lisbon",
    "Bali", "Anchorage", "Budapest", "Bratislava", "Prague", "Belgrade", "Baku", "Yerevan", "Tbilisi", "Astana",
    "Tashkent", "Tehran", "Baghdad", "Damascus", "Cairo", "Jerusalem", "Tel Aviv", "Ottawa", "Canberra",
    "New Delhi", "Delhi", "Islamabad", "Kabul", "Hanoi", "Jakarta", "Singapore", "Sochi", "St. Petersburg",
    "Saint Petersburg", "Davos", "Munich", "Copenhagen", "Vilnius", "Riga", "Tallinn", "Bucharest", "Sofia",
    "Athens", "Valletta", "The Hague", "Hiroshima", "Kazan", "Pyongyang", "Manila", "Brasilia", "Mexico City",
    # venues of talks and summits in the readouts of 2025-2026
    "Miami", "Palm Beach", "Mar-a-Lago", "Camp David", "Los Angeles", "San Francisco", "Honolulu", "Busan",
    "Osaka", "Shanghai", "Hangzhou", "Vladivostok", "Dushanbe", "Bishkek", "Ashgabat", "Kuala Lumpur", "Bangkok",
    "Phnom Penh", "Muscat", "Amman", "Beirut", "Sharm el-Sheikh", "Luxembourg", "Amsterdam", "Zurich", "Bern",
    "Chisinau", "Ulaanbaatar", "Johannesburg", "Rio de Janeiro", "Buenos Aires",
}
CITY_ALIASES = {"Kiev": "Kyiv", "Saint Petersburg": "St. Petersburg", "Delhi": "New Delhi"}

ORGANISATIONS = {
    "NATO-Russia Council": ("NATO-Russia Council", "Russia-NATO Council", "NRC"),
    "OSCE": ("OSCE", "Organization for Security and Cooperation in Europe",
             "Organization for Security and Co-operation in Europe"),
    "UN Security Council": ("UN Security Council", "United Nations Security Council", "Security Council"),
    "United Nations": ("United Nations", "UN", "U.N."),
    "European Union": ("European Union", "EU", "E.U."),
    "NATO": ("NATO", "North Atlantic Alliance", "the Alliance"),
    "G7": ("G7", "G-7", "Group of Seven"),
    "G20": ("G20", "G-20", "Group of Twenty"),
    "IAEA": ("IAEA", "International Atomic Energy Agency"),
    "WHO": ("World Health Organization",),
    "ICRC": ("ICRC", "International Committee of the Red Cross", "Red Cross"),
    "BRICS": ("BRICS",),
    "CSTO": ("CSTO", "Collective Security Treaty Organization"),
    "SCO": ("SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
    "ASEAN": ("ASEAN",),
    "WTO": ("WTO", "World Trade Organization"),
    "IMF": ("IMF", "International Monetary Fund"),
}

COUNTRIES = {
    "United States": ("United States", "United States of America", "America", "American", "U.S.", "US", "USA",
                      "Washington", "американск", "США"),
    "Russia": ("Russia", "Russian Federation", "Russian", "Moscow", "Kremlin", "российск", "России", "Россия"),
    "Ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev", "украинск", "Украин"),
    "China": ("China", "People's Republic of China", "PRC", "Chinese", "Beijing", "китайск", "Китай", "КНР"),
    "Germany": ("Germany", "German", "Berlin", "Federal Republic of Germany", "германск", "немецк", "Германи"),
    "France": ("France", "French", "Paris", "Élysée", "французск", "Франци"),
    "United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "British", "London", "британск", "Великобритани"),
    "India": ("India", "Indian", "New Delhi", "индийск", "Инди"),
    "Japan": ("Japan", "Japanese", "Tokyo", "японск", "Япони"),
    "Republic of Korea": ("Republic of Korea", "South Korea", "ROK", "Korean", "Seoul", "корейск"),
    "Türkiye": ("Türkiye", "Turkey", "Turkish", "Ankara", "турецк", "Турци"),
    "Kazakhstan": ("Kazakhstan", "Kazakh", "Astana", "казахстанск", "Казахстан"),
    "Italy": ("Italy", "Italian", "Rome", "итальянск", "Итали"),
    "Canada": ("Canada", "Canadian", "Ottawa", "канадск", "Канад"),
    "Poland": ("Poland", "Polish", "Warsaw", "польск", "Польш"),
    "Finland": ("Finland", "Finnish", "Helsinki", "финск", "Финлянди"),
    "Hungary": ("Hungary", "Hungarian", "Budapest", "венгерск", "Венгри"),
    "Belarus": ("Belarus", "Belarusian", "Minsk", "белорусск", "Белорусси"),
    "Israel": ("Israel", "Israeli", "израильск", "Израил"),
    "Iran": ("Iran", "Iranian", "Tehran", "иранск", "Иран"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi", "Riyadh", "саудовск", "Саудовск"),
    "United Arab Emirates": ("United Arab Emirates", "UAE", "Emirati", "эмиратск", "ОАЭ"),
    "Qatar": ("Qatar", "Qatari", "Doha", "катарск", "Катар"),
    "Egypt": ("Egypt", "Egyptian", "Cairo", "египетск", "Египт"),
    "Brazil": ("Brazil", "Brazilian", "бразильск", "Бразили"),
    "Australia": ("Australia", "Australian", "Canberra", "австралийск", "Австрали"),
    "Philippines": ("Philippines", "Philippine", "Filipino", "Manila", "филиппинск", "Филиппин"),
}
"""Russian words are stems (they take case endings): they are matched at a word's start, not as whole words."""

STATES = frozenset("""
Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus Belgium Bolivia
Bosnia Brazil Bulgaria Cambodia Canada Chile China Colombia Croatia Cuba Cyprus Czechia Denmark Egypt Estonia Ethiopia
Finland France Georgia Germany Ghana Greece Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan
Jordan Kazakhstan Kenya Korea Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg Malaysia Mali Malta
Mexico Moldova Mongolia Montenegro Morocco Myanmar Nepal Netherlands Nigeria Norway Oman Pakistan Palestine Panama
Peru Philippines Poland Portugal Qatar Romania Russia Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Türkiye Turkmenistan Uganda Ukraine Uruguay
Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Europe Asia Africa America Gaza Crimea Donbas Xinjiang Tibet
""".split()) | {"New Zealand", "South Korea", "North Korea", "Saudi Arabia", "South Africa", "Sri Lanka",
               "United Kingdom", "United States", "Czech Republic", "West Bank", "Hong Kong", "Latin America",
               "Middle East", "the United States", "the United Kingdom"}
"""Countries and regions: named as where something happens ("to be held in Türkiye", "welcoming the President to
Japan") they are no venue to set against a city, since a country holds many."""
