"""Build the state index and one page per jurisdiction from the sourced data file."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from core.seeding import add_child_once, intro_page_fields, load_content

from .jurisdictions import jurisdictions
from .models import CertifyingBody, RequirementChange, StateCredential, StateIndexPage, StatePage, StateSource
from .permissions import ensure_review_loop

APP_DIR = Path(__file__).resolve().parent
# The data file was read from its public sources on this date (see its README).
DATE_READ = datetime.date(2026, 11, 22)
VERIFIED_BY = "Peer Support Careers research, from the public sources cited"


def _detail(*parts):
    return "\n".join(part for part in parts if part)


def _credentials(record, locale):
    credentials = []
    for credential in record["credentials"] or []:
        body = None
        if credential.get("certifying_body"):
            body, _ = CertifyingBody.objects.get_or_create(
                name=credential["certifying_body"][:255], url=credential.get("certifying_body_url") or ""
            )
        credentials.append(
            StateCredential(
                locale=locale,
                name=credential["name"],
                abbreviation=credential.get("abbreviation") or "",
                certifying_body=body,
            )
        )
    return credentials


def _official_links(record):
    """The certifying bodies' own sites, once each."""
    links, seen = [], set()
    for credential in record["credentials"] or []:
        url = credential.get("certifying_body_url")
        if url and url not in seen:
            seen.add(url)
            links.append({"type": "link", "value": {"title": credential["certifying_body"][:200], "url": url}})
    return links


def _exam_required(text):
    """The data file describes the exam in words: "None (no state test)" says there is none;
    an exam inside the training still is one; no text is not yet verified."""
    if not text:
        return None
    return not text.startswith("None")


def _education_level(record):
    """Only what the wording makes certain: every sourced minimum so far is a high school diploma."""
    return "high_school" if (record["education_minimum"] or "").startswith("High school") else ""


def _fees(code):
    """{fee attribute: amount} for the fees a source states as a figure (content/fees.yaml)."""
    entries = load_content(APP_DIR, "fees.yaml").get(code) or {}
    return {attribute: Decimal(entry["amount"]) for attribute, entry in entries.items()}


def _fee_sources(code, locale, sources):
    """The quotes that state the fees, cited under the fees section too."""
    entries = load_content(APP_DIR, "fees.yaml").get(code) or {}
    cited = []
    for entry in entries.values():
        quote = next(s for s in sources if s.url == entry["url"] and entry["says"] in s.quote)
        if any(source.quote == quote.quote for source in cited):
            continue
        cited.append(
            StateSource(
                locale=locale,
                field="fees",
                url=quote.url,
                quote=quote.quote,
                source_date=quote.source_date,
                read_on=quote.read_on,
            )
        )
    return cited


def _sources(record, locale):
    return [
        StateSource(
            locale=locale,
            field=field,
            url=source["url"],
            quote=source["quote"],
            source_date=source["date"] or "",
            read_on=DATE_READ,
        )
        for source in record["sources"]
        for field in source["supports"]
    ]


def state_page_fields(record, locale):
    """Field values for a state page; None stays None (not yet verified)."""
    training = record["training_hours"] or {}
    supervised = record["supervised_hours"] or {}
    lived = record["lived_experience_required"] or {}
    recert = record["recertification"] or {}
    applies = "Applies to: {}"
    sources = _sources(record, locale)
    return {
        "title": record["state"],
        "code": record["code"],
        "search_description": (
            f"Peer support certification in {record['state']}: credentials, training, exam and renewal, "
            "each with its source."
        )[:255],
        "training_hours": training.get("hours"),
        "training_detail": _detail(
            training.get("course"), training.get("applies_to") and applies.format(training["applies_to"])
        ),
        "supervised_hours": supervised.get("hours"),
        "supervised_detail": _detail(
            supervised.get("detail"), supervised.get("applies_to") and applies.format(supervised["applies_to"])
        ),
        "exam_required": _exam_required(record["exam"]),
        "exam_detail": record["exam"] or "",
        "lived_experience_required": lived.get("value"),
        "lived_experience_wording": lived.get("wording") or "",
        "education_minimum": record["education_minimum"] or "",
        "education_level": _education_level(record),
        "background_check": record["background_check"],
        "recertification_years": recert.get("period_years"),
        "ceu_hours": recert.get("ceu_hours"),
        "recertification_detail": recert.get("detail") or "",
        "ic_rc_reciprocity": record["ic_rc_reciprocity"],
        "medicaid_billable": record["medicaid_billable"],
        "notes": record["notes"] or "",
        "official_links": json.dumps(_official_links(record)),
        "last_verified_on": DATE_READ,
        "verified_by": VERIFIED_BY,
        "credentials": _credentials(record, locale),
        **_fees(record["code"]),
        "sources": sources + _fee_sources(record["code"], locale, sources),
        "changes": [
            RequirementChange(
                locale=locale,
                changed_on=DATE_READ,
                summary="Requirements first published, each from the sources cited.",
            )
        ],
    }


def seed_states(home, report):
    data = load_content(APP_DIR, "state_index.yaml")
    index_page = add_child_once(home, StateIndexPage, data["slug"], lambda: intro_page_fields(data), report)
    for _, record in jurisdictions():
        add_child_once(
            index_page,
            StatePage,
            slugify(record["state"]),
            lambda r=record: state_page_fields(r, index_page.locale),
            report,
        )
    ensure_review_loop(index_page)
    return index_page
