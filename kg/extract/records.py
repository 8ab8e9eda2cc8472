"""Frozen records passed between the extraction stages, with their provenance."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """A real-world actor as named in one article.

    ``key`` is the gazetteer id when the gazetteer knows the actor, else a
    slug of the full name; it is what makes the IRI, so two mentions with
    the same key are one resource.
    """

    key: str
    cls: str  # Person | State | InternationalOrganization | Organization | GovernmentBody | ArmedForce | Group
    label: str
    lang: str
    qid: str | None = None
    gazetteer: bool = False


@dataclass(frozen=True, slots=True)
class Thing:
    """What a statement is about when it is not an actor: a plan, a deployment, …"""

    key: str  # unique within the article: "{start}-{end}" of the span
    kind: str  # Plan | Proposal | Deployment | Force | … | Topic
    label: str
    start: int
    end: int
    lang: str
    size: int | None = None
    force: Thing | None = None
    destination: Actor | None = None
    purpose: str | None = None
    condition: str | None = None
    proposer: Actor | None = None
    refers_to: Thing | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One extracted fact: subject, relation, object, and where it comes from."""

    subject: Actor
    relation: str
    object: Actor | Thing
    sent_start: int  # character offsets of the evidence sentence in the article
    sent_end: int
    evidence: str
    trigger: str
    rule: str
    entry: str
    confidence: float
    modality: str = "Asserted"  # Asserted | Hypothetical | Conditional | Intended
    negated: bool = False
    speaker: Actor | None = None
    time_text: str | None = None
    date: str | None = None
    place: Actor | None = None
    trigger_start: int = -1  # character offset of the trigger word in the article
