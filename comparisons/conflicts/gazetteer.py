"""The places and organisations that ``comparisons.conflicts.names`` recognises in claims, as plain data.

- ``CITIES``: cities a meeting or talks may be held in ("in Geneva" vs "in Brussels" is a place conflict).
- ``CITY_ALIASES``: other spellings, mapped to the one shown and compared ("Kiev" is "Kyiv").
- ``ORGANISATIONS``: each organisation's canonical name and every way readouts write it.

Kept apart from the matching code so that adding a venue or an organisation is a one-line data change.
"""

from __future__ import annotations

__all__ = ["CITIES", "CITY_ALIASES", "ORGANISATIONS"]

CITIES = {
    "Geneva", "Brussels", "Vienna", "Helsinki", "Istanbul", "Ankara", "Antalya", "Riyadh", "Jeddah", "Doha",
    "Abu Dhabi", "Dubai", "Minsk", "Moscow", "Washington", "Beijing", "Paris", "Berlin", "London", "Rome",
    "Warsaw", "Kyiv", "Kiev", "Stockholm", "Oslo", "Reykjavik", "Tokyo", "Seoul", "New York", "Madrid", "Lisbon",
    "Bali", "Anchorage", "Budapest", "Bratislava", "Prague", "Belgrade", "Baku", "Yerevan", "Tbilisi", "Astana",
    "Tashkent", "Tehran", "Baghdad", "Damascus", "Cairo", "Jerusalem", "Tel Aviv", "Ottawa", "Canberra",
    "New Delhi", "Delhi", "Islamabad", "Kabul", "Hanoi", "Jakarta", "Singapore", "Sochi", "St. Petersburg",
    "Saint Petersburg", "Davos", "Munich", "Copenhagen", "Vilnius", "Riga", "Tallinn", "Bucharest", "Sofia",
    "Athens", "Valletta", "The Hague", "Hiroshima", "Kazan", "Pyongyang", "Manila", "Brasilia", "Mexico City",
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
