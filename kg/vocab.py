"""The diplomacy ontology's terms as an rdflib ``DefinedNamespace``.

Generated from ``ontology/diplomacy.ttl`` by ``scripts/gen_vocab.py``; a test
checks that both stay in step. Do not edit by hand.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DIP(DefinedNamespace):
    """Terms of ``https://w3id.org/dipkg/onto#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/dipkg/onto#")

    # classes
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    InternationalOrganization: URIRef
    GovernmentBody: URIRef
    ArmedForce: URIRef
    Group: URIRef
    Place: URIRef
    Article: URIRef
    NegatedClaim: URIRef
    Modality: URIRef
    Topic: URIRef
    Plan: URIRef
    Proposal: URIRef
    Deployment: URIRef
    Force: URIRef
    Agreement: URIRef
    Ceasefire: URIRef
    Resolution: URIRef
    Sanction: URIRef
    Meeting: URIRef
    Summit: URIRef
    Mission: URIRef
    Promise: URIRef
    Presence: URIRef
    Idea: URIRef
    Aid: URIRef
    Attack: URIRef
    Weapon: URIRef
    # modality individuals
    Asserted: URIRef
    Hypothetical: URIRef
    Conditional: URIRef
    Intended: URIRef
    # event relations
    proposes: URIRef
    offers: URIRef
    supports: URIRef
    agreesTo: URIRef
    meetsWith: URIRef
    requests: URIRef
    rejects: URIRef
    opposes: URIRef
    warns: URIRef
    threatens: URIRef
    accuses: URIRef
    sanctions: URIRef
    deploys: URIRef
    attacks: URIRef
    aids: URIRef
    # super-properties
    stanceTowards: URIRef
    positiveStanceTowards: URIRef
    negativeStanceTowards: URIRef
    # role relations and their inverses
    officialOf: URIRef
    headOfStateOf: URIRef
    headOfGovernmentOf: URIRef
    foreignMinisterOf: URIRef
    spokespersonFor: URIRef
    memberOf: URIRef
    governmentOf: URIRef
    hasOfficial: URIRef
    hasHeadOfState: URIRef
    hasHeadOfGovernment: URIRef
    hasForeignMinister: URIRef
    hasSpokesperson: URIRef
    hasMember: URIRef
    hasGovernment: URIRef
    # actor names
    nameKey: URIRef
    # statement annotations
    evidence: URIRef
    confidence: URIRef
    modality: URIRef
    trigger: URIRef
    rule: URIRef
    lexiconEntry: URIRef
    speaker: URIRef
    timeText: URIRef
    date: URIRef
    place: URIRef
    # object parts
    force: URIRef
    size: URIRef
    destination: URIRef
    purpose: URIRef
    condition: URIRef
    proposer: URIRef
    refersTo: URIRef
    # article
    contentHash: URIRef
    # ontology annotations
    termGroup: URIRef
    ploverType: URIRef
    cameoCode: URIRef
