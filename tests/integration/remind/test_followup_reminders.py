"""After a postponement the old reminders are not sent and the new ones are: ingest, dispatch
through a real SMTP server and a real webhook receiver on loopback, time moved by time-machine."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import time_machine

from tests.integration.remind.factories import SECRET, settings
from tests.integration.remind.receiver import Receiver
from tracker.clock import SystemClock
from tracker.services.channels import add_channel
from tracker.services.dispatch import dispatch_due
from tracker.services.ingest import ingest_document
from tracker.sources.readers import SourceDocument

EARLIER = "The Ministry of Energy will present its plan for offshore wind within 30 days."
LATER = "The Ministry of Energy postponed its plan for offshore wind by two weeks."


def _ingest(engine, config, text: str, published: date) -> None:
    ingest_document(
        engine,
        config,
        SystemClock(),
        SourceDocument(str(published), text, published=published, lang="en"),
    )


def _dispatch(engine, config) -> None:
    dispatch_due(engine, config, SystemClock(), "w1", rng=random.Random(0))


def test_a_postponement_moves_the_reminders_on_email_and_webhook(engine, smtp_server):
    smtp_server.start()
    receiver = Receiver().start()
    config = settings(smtp_host="127.0.0.1", smtp_port=smtp_server.port, reminder_leads="1d")
    try:
        with time_machine.travel(datetime(2026, 2, 2, 8, tzinfo=UTC), tick=False) as traveller:
            clock = SystemClock()
            add_channel(engine, config, clock, kind="email", target="ops@example.org")
            add_channel(engine, config, clock, kind="webhook", target=receiver.url, secret=SECRET)
            _ingest(engine, config, EARLIER, date(2026, 2, 2))  # due 2026-03-04
            traveller.move_to(datetime(2026, 2, 20, 8, tzinfo=UTC))
            _ingest(engine, config, LATER, date(2026, 2, 20))  # now due 2026-03-18
            for day in (3, 4, 5):  # the old reminder (3 March) and old due date pass quietly
                traveller.move_to(datetime(2026, 3, day, 12, tzinfo=UTC))
                _dispatch(engine, config)
            assert (len(smtp_server.handler.messages), receiver.count) == (0, 0)
            traveller.move_to(datetime(2026, 3, 17, 12, tzinfo=UTC))  # a day before the new date
            _dispatch(engine, config)
            [email] = smtp_server.handler.messages
            assert "2026-03-18" in email.get_body(preferencelist=("plain",)).get_content()
            assert receiver.count == 1
            traveller.move_to(datetime(2026, 3, 17, 13, tzinfo=UTC))
            _dispatch(engine, config)  # nothing is sent twice
            assert (len(smtp_server.handler.messages), receiver.count) == (1, 1)
    finally:
        receiver.stop()
