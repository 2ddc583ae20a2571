from __future__ import annotations

import json
from datetime import date

from tracker.extract import extract
from tracker.extract.jsonout import extraction_to_dict


def test_extraction_to_dict_shape_and_iso_dates():
    text = (
        "Die Kommission legt binnen 30 Tagen einen Bericht vor. Im Januar hatte der Rat zugestimmt."
    )
    data = extraction_to_dict(extract(text, published=date(2026, 2, 5), lang="de"))
    assert set(data) == {"document", "commitments", "undated", "events", "changes", "warnings"}
    assert data["document"] == {"title": None, "published": "2026-02-05", "lang": "de", "url": None}
    [c] = data["commitments"]
    assert c["span"] == [20, 35]
    assert c["due"] == "2026-03-07"
    assert c["anchor_kind"] == "publication"
    assert c["deliverable"] == "report"
    [e] = data["events"]
    assert e["date"] == "2026-01"
    assert e["date_precision"] == "month"
    json.dumps(data)  # serialisable as is
