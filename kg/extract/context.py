"""What the rules share while reading one document, and coreference.

``Context.resolve`` answers "which actor does this token stand for?": a name,
a title with its holder, a demonym used as a noun or on a noun of people
("les négociateurs palestiniens"), a pronoun (the speaker of the clause it
is in, else the last actor subject of the same number), or a definite
description ("le leader britannique"). Unresolvable words give ``None``,
never a pronoun as subject.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Span, Doc, Token

from kg.extract.mentions import DocActors, slug
from kg.extract.records import Actor, Thing
from kg.extract.roles import _OF_WORDS, RoleMention
from kg.lexicon import Lexicon
from kg.nlp import token_indices

SUBJ = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
PASSIVE_AGENT = frozenset({"obl:agent", "agent"})
CONJ = "conj"
_QUANTITY = frozenset({"milliers", "centaines", "dizaines", "millions", "foule", "groupe", "thousands", "hundreds",
                       "dozens", "millions", "crowds", "scores", "tens", "group"})
_RELATIVE = frozenset({"qui", "lequel", "laquelle", "who", "which", "that"})
_LATTER = frozenset({"dernier", "dernière", "latter"})  # "ce dernier", "cette dernière", "the latter"
_LATTER_DETS = frozenset({"ce", "cette", "the"})
_LEAD_VERBS = frozenset({"mener", "diriger", "conduire", "commander", "lead", "head", "command"})
_ADMINISTRATION = frozenset({"administration", "government", "gouvernement", "régime", "regime", "cabinet"})
_MEMBER_OF = frozenset({"from", "of", "de", "du", "des", "d'", "d’"})  # "activists from Fatah", "militants du Hamas"
_FROM_PLACE = frozenset({"in", "from", "throughout", "across", "en", "de", "du", "des", "d'", "d’"})


@dataclass
class Context:
    """Per-document state: the parse, the lexicon, actors, roles, speakers, things."""

    doc: Doc
    lex: Lexicon
    actors: DocActors
    roles: list[RoleMention]
    lang: str
    role_at: dict[int, RoleMention] = field(default_factory=dict)  # title token -> role
    speaker_of: dict[int, Actor] = field(default_factory=dict)  # token in reported speech -> speaker
    things: list[Thing] = field(default_factory=list)
    last_speaker: Actor | None = None
    text: str | None = None  # the parsed text, when the caller has it (Doc.text rebuilds it)
    cache: dict = field(default_factory=dict)  # per-sentence results the rules share ("times", i) …

    def __post_init__(self):
        if self.text is None:
            self.text = self.doc.text  # Doc.text rebuilds the string on every call: keep it once
        for role in self.roles:
            for i in range(role.start, role.end):
                self.role_at[i] = role

    def evidence(self, sent: Span) -> tuple[int, int, str]:
        """Character span and text of a sentence, without surrounding whitespace."""
        text = self.text[sent.start_char:sent.end_char]
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        return sent.start_char + lead, sent.start_char + lead + len(stripped), stripped

    def _window_start(self, tok: Token, before: int) -> int:
        """The first token of the sentence ``before`` sentences ahead of ``tok``'s (0: its own)."""
        start = tok.sent.start
        for _ in range(before):
            start = self.doc[max(start - 1, 0)].sent.start
        return start

    # -- actors ---------------------------------------------------------------
    def resolve(self, tok: Token, *, depth: int = 0) -> Actor | None:
        """The actor that a (head) token stands for, or None."""
        actor = self.actors.actor_at(tok)
        if actor is not None:
            return actor
        if tok.lower_ in self.lex.honorific_words and tok.i + 1 < len(self.doc):
            after = self.actors.actor_at(self.doc[tok.i + 1])  # "prie SEM Jan Christian Gordon Kricke de quitter"
            if after is not None and after.cls == "Person":
                return after
        role = self.role_at.get(tok.i)
        if role is not None:  # a title: its holder, a holder named earlier, else the state or body
            actor = role.person or self._description(role) or role.of
            if actor is not None:
                return actor
        if tok.i in self.actors.demonyms and tok.pos_ in ("NOUN", "PROPN"):
            ethnic = [t for t in [*tok.lefts, *tok.rights] if t.lower_ in self.lex.ethnic_words or any(
                g.lower_ in self.lex.ethnic_words for g in t.children if g.dep_ != "conj")]
            if ethnic:  # "ethnic Albanians", "les Albanais de souche": a people, not the state
                first, last = min(tok.i, *(t.i for t in ethnic)), max(tok.i, *(t.right_edge.i for t in ethnic))
                label = self.doc[first:last + 1].text
                return Actor(key=f"group-{slug(label)}", cls="Group", label=label, lang=self.lang)
            own = self.actors.demonyms[tok.i]

            def other_state(t: Token) -> bool:
                state = self.actors.demonyms.get(t.i) or self.actors.actor_at(t)
                return state is not None and state.cls == "State" and state != own
            where = [t for t in tok.children if other_state(t) and (
                (t.dep_ in ("amod", "compound") and t.i < tok.i)
                or (t.dep_ == "nmod" and _case(t) in ("de", "du", "d'", "d’")))]
            if where:  # "Bosnian Serbs", "les Serbes de Bosnie": a people of one state living in another
                first, last = min(tok.i, *(t.i for t in where)), max(tok.i, *(t.right_edge.i for t in where))
                label = self.doc[first:last + 1].text
                return Actor(key=f"group-{slug(label)}", cls="Group", label=label, lang=self.lang)
            return self.actors.demonyms[tok.i]  # "les Russes", "the Israelis"
        low = tok.lower_
        relative_clause = tok.head.dep_ in ("acl:relcl", "relcl", "acl")
        if low in _RELATIVE and depth < 2 and (relative_clause or (low in ("qui", "who") and tok.dep_ in SUBJ)):
            found = self.resolve(tok.head.head, depth=depth + 1) if relative_clause else None  # "Kinshasa, qui accuse …"
            k = tok.i - 1 if tok.i and self.doc[tok.i - 1].text != "," else tok.i - 2
            if found is None and k >= 0:  # attached elsewhere: "la guerre initiée par Donald Trump, qui …"
                found = self.actors.actor_at(self.doc[k])
            return found
        if low in self.lex.pronouns or (tok.pos_ == "PRON" and low.lstrip("-") in self.lex.pronouns):
            return self._pronoun(tok)
        if low in _LATTER and any(c.lower_ in _LATTER_DETS for c in tok.children if c.i < tok.i):
            return self._latest_actor(tok)
        if tok.pos_ in ("NOUN", "PROPN") and depth < 1:
            for child in tok.children:  # "le ministre, Sergei Lavrov"
                if child.dep_ in ("appos", "flat:name", "nmod") and tok.i < child.i <= tok.i + 3 and not any(
                        c.dep_ == "case" and c.i < child.i for c in child.children):  # not "téléphone avec Trump"
                    actor = self.actors.actor_at(child)
                    if actor is not None and actor.cls == "Person":
                        return self._led_state(tok, child) or actor
        if tok.pos_ == "NOUN" and self._collective(tok):
            named = self._name_after(tok)  # "son homologue chinois Xi Jinping"
            if named is not None:
                return named
        if low in _QUANTITY and depth < 2:  # "des milliers de Géorgiens", "thousands of Serbs"
            for child in tok.children:
                target = child if child.dep_ != "prep" else next(
                    (c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and child.dep_ in ("nmod", "prep") and target.i > tok.i:
                    actor = self.resolve(target, depth=depth + 1)
                    if actor is not None and actor.cls != "Person":
                        return actor
        if tok.pos_ in ("NOUN", "PROPN") and self._collective(tok):
            related = tok.lemma_.lower() in _RELATIONAL and not any(
                c.lower_ in POSSESSIVES for c in tok.children)
            for child in tok.children:
                if child.i in self.actors.demonyms:
                    return self.actors.demonyms[child.i]
                led = self._led_state(tok, child)
                if led is not None:
                    return led
                if related and child.dep_ in ("nmod", "prep") and child.i > tok.i:
                    continue  # "des alliés de Washington" are not Washington ("ses alliés du Niger" are Niger)
                if child.dep_ in ("nmod", "prep", "poss", "compound", "nmod:poss") and depth < 2:
                    target = child if child.dep_ != "prep" else next(
                        (c for c in child.children if c.dep_ == "pobj"), None)
                    if target is not None:
                        actor = self.actors.actor_at(target)
                        if actor is None and target.i > tok.i and self._collective(target):
                            actor = self.resolve(target, depth=depth + 1)  # "des responsables du gouvernement pakistanais"
                        if actor is not None and actor.cls != "Person":
                            return actor
            # "Israeli officials": the adjective can also be a compound (English)
            for child in tok.lefts:
                actor = self.actors.demonyms.get(child.i) or (
                    self.actors.actor_at(child) if child.dep_ in ("compound", "amod") else None)
                if actor is not None:
                    return actor
        if tok.pos_ in ("NOUN", "PROPN") and (low in self.lex.group_nouns or tok.lemma_.lower() in self.lex.group_nouns):
            return self._group(tok)
        if tok.pos_ == "NOUN" and depth < 1 and self._collective(tok) and all(
                c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children) and any(tok.children):
            return self._named_before(tok)  # "les dirigeants du G7 … Les dirigeants ont exprimé …"
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.organization_nouns and any(
                c.dep_ == "det" and c.lower_ in _DEFINITE | _DEMONSTRATIVE for c in tok.children) and all(
                c.dep_ in ("det", "amod", "punct") and c.i not in self.actors.demonyms for c in tok.children) and (
                tok.dep_ in SUBJ or any(c.dep_ == "amod" for c in tok.children)):  # not "condamne l'organisation"
            return self._organization_before(tok)  # "L'organisation régionale a adopté des sanctions"
        if tok.pos_ == "NOUN" and depth < 1 and tok.lemma_.lower() in self.lex.neighbour_nouns and any(
                c.lower_ in POSSESSIVES for c in tok.children) and tok.lower_[-1:] not in ("s", "x"):
            return self._neighbour(tok)  # "la Corée du Sud a accusé son voisin", "its neighbour"
        return None

    def _organization_before(self, tok: Token) -> Actor | None:
        """The international organisation named last before ``tok``, in its sentence or the two before."""
        first = self._window_start(tok, 2)
        for span, actor in reversed(self.actors.spans):
            if span.start < first:
                break
            if span.end <= tok.i and actor.cls == "InternationalOrganization":
                return actor
        return None

    def _neighbour(self, tok: Token) -> Actor | None:
        """The state that "son voisin" names: the one state other than the owner (the subject of its
        clause) named before ``tok`` in its sentence, else in the sentence before; none if there are two."""
        head = tok
        while head.dep_ != "ROOT" and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        owner = next((self.resolve(c, depth=1) for c in head.children if c.dep_ in SUBJ), None)
        for sent in (tok.sent, self.doc[tok.sent.start - 1].sent if tok.sent.start else None):
            if sent is None:
                break
            states = {actor for span, actor in self.actors.spans if sent.start <= span.start and span.end <= tok.i
                      and actor.cls == "State" and actor != owner}
            if states:
                return states.pop() if len(states) == 1 else None
        return None

    def _named_before(self, tok: Token) -> Actor | None:
        """What a bare definite noun of people ("les dirigeants", "the government") stands for: the
        body the same noun named in the last few sentences ("les dirigeants du G7")."""
        key = ("named-before", tok.i)
        if key not in self.cache:  # a chain of bare mentions asks for each earlier one again
            self.cache[key] = None
            for t in reversed(self.doc[self._window_start(tok, 3):tok.i]):  # this sentence and three before
                if t.lemma_ == tok.lemma_ and t.pos_ == "NOUN":  # a bare one before: what it stood for
                    actor = self.resolve(t, depth=1) if any(c.dep_ != "det" for c in t.children) \
                        else self._named_before(t)
                    if actor is not None and actor.cls != "Person":
                        self.cache[key] = actor
                        break
        return self.cache[key]

    def _led_state(self, tok: Token, child: Token) -> Actor | None:
        """The state of the leader an administration is named after: "the Trump administration",
        "l'administration Biden" (a leader the gazetteer knows, with its state)."""
        if tok.lower_ not in _ADMINISTRATION or child.dep_ not in ("compound", "nmod", "appos", "flat:name"):
            return None
        person = self.actors.actor_at(child)
        if person is None or person.cls != "Person" or not person.gazetteer:
            return None
        from kg.gazetteer import Gazetteer

        gaz = Gazetteer.load()
        country = gaz.get(person.key).country
        if country is None:
            return None
        entry = gaz.get(country)
        return Actor(key=entry.id, cls=entry.cls, label=entry.labels.get(self.lang) or entry.id, lang=self.lang,
                     qid=entry.qid, gazetteer=True)

    def _collective(self, tok: Token) -> bool:
        """A noun of people that stands for the body it belongs to ("le gouvernement", "les responsables")."""
        low = tok.lower_.removeprefix("ex-")  # "14 ex-diplomates libyens"
        return low in self.lex.collective or tok.lemma_.lower() in self.lex.collective

    def _group(self, tok: Token) -> Actor | None:
        """An unnamed group that a nationality qualifies: "Rwandan rebels", "les colons israéliens".

        Its label is the nationality words and the noun as written; its key, the slug of the
        label, so that the same words name the same group across articles. Without a
        nationality ("rebels", "the students") there is no telling which group it is.
        """
        words = [c for c in tok.children
                 if c.i in self.actors.demonyms and c.dep_ in ("amod", "compound", "nmod")]
        if not words:
            return self._group_of(tok)
        first, last = min(w.i for w in words + [tok]), max(w.i for w in words + [tok])
        if last - first > 4:
            return None
        label = self.doc[first:last + 1].text  # with the words between: "Irish nationalist guerrillas"
        return Actor(key=f"group-{slug(label)}", cls="Group", label=label, lang=self.lang)

    def _group_of(self, tok: Token) -> Actor | None:
        """A group named by the body it belongs to or the state it is in: "activists from the
        Fatah Party" stand for Fatah; "students throughout Indonesia" are a group of their own;
        a group led by a named person acts through its leader ("les rebelles menés par Riek Machar")."""
        for child in tok.children:
            if child.dep_ in ("acl", "acl:relcl") and child.lemma_.lower() in _LEAD_VERBS and child.i > tok.i:
                leader = next((a for c in child.children if c.dep_ in ("obl:agent", "agent", "obl")
                               for a in [self.resolve(next((g for g in c.children if g.dep_ == "pobj"), c), depth=0)]
                               if a is not None and a.cls == "Person"), None)
                if leader is not None:
                    return leader
        for child in tok.rights:
            target = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else (
                child if child.dep_ == "nmod" else None)
            if target is None or target.i - tok.i > 6:
                continue
            case = child.lower_ if child.dep_ == "prep" else next(
                (c.lower_ for c in target.children if c.dep_ == "case"), "")
            actor = self.actors.actor_at(target) or next(  # "the defeated Fatah Party"
                (self.actors.actor_at(c) for c in target.children if c.dep_ == "compound" and self.actors.actor_at(c)),
                None)
            if actor is None or actor.cls == "Person":
                continue
            if actor.cls in ("Organization", "Group", "ArmedForce") and case in _MEMBER_OF:
                return actor
            if actor.cls == "State" and case in _FROM_PLACE:
                span = self.actors.span_of(target)
                label = self.doc[tok.left_edge.i if tok.left_edge.pos_ != "DET" else tok.left_edge.i + 1:
                                 span.end if span is not None else target.i + 1].text
                if tok.i - tok.left_edge.i <= 2:
                    return Actor(key=f"group-{slug(label)}", cls="Group", label=label, lang=self.lang)
        return None

    def resolve_all(self, tok: Token) -> list[Actor]:
        """The actor of a token and of the tokens conjoined with it ("la France et l'Allemagne",
        "Hungarian and Romanian officials")."""
        out = []
        features = self._features(tok)
        if features.get("Number") == "Plur" and features.get("Person") != "1" and tok.pos_ == "PRON":
            return self._plural_antecedent(tok)
        pair = self._pair(tok)
        if pair:
            return pair
        if self._collective(tok) \
                and self._name_after(tok) is None:  # not "his Russian counterpart Vladimir Putin"
            for child in tok.children:
                if child.i in self.actors.demonyms:
                    for t in [child, *_conjuncts(child)]:
                        actor = self.actors.demonyms.get(t.i)
                        if actor is not None and actor not in out:
                            out.append(actor)
        for t in [tok, *_conjuncts(tok)]:
            actor = self.resolve(t)
            if actor is not None and actor not in out:
                out.append(actor)
            if actor is not None and self._collective(t):
                for child in t.children:  # "ses alliés du Niger et du Burkina Faso"
                    if child.dep_ in ("nmod", "prep") and self.actors.actor_at(child) == actor:
                        for c in _conjuncts(child):
                            more = self.actors.actor_at(c)
                            if more is not None and more.cls != "Person" and more not in out:
                                out.append(more)
        for role in self.coordinated_holders(tok):
            if role.person not in out:  # "les présidents américain Donald Trump et ukrainien Volodymyr Zelensky"
                out.append(role.person)
        role = self.role_at.get(tok.i)
        if role is not None and role.person is None and role.of is not None and tok.lower_[-1:] in ("s", "x"):
            out.extend(a for a in self._coordinated_states(role.end) if a not in out)
        return out

    def members(self, tok: Token, *, far: bool = False) -> list[Actor]:
        """The actors listed as members of a plural noun: "neuf personnes, dont X, Y et Z", "ten
        countries, including Austria and Israel". With ``far``, the list may come later in the
        sentence ("Neuf Etats avaient voté contre, dont les Etats-Unis et Israël")."""
        words = [tok, *(c for c in tok.children if c.dep_ in ("flat:name", "compound"))]  # "Neuf/PROPN Etats"
        named = self.actors.actor_at(tok)  # "contre la Russie, notamment Rosneft et Gazprombank"
        if tok.pos_ not in ("NOUN", "PROPN") or not self.lex.list_cues or (named is not None and (
                far or named.cls == "Person")) or not (named is not None or any(
                "Plur" in t.morph.get("Number") or t.lower_.endswith(("s", "x")) for t in words)):
            return []
        sent, doc = tok.sent, self.doc
        if far and any(c.dep_ == "nummod" or c.lower_ in self.lex.count_words for c in tok.children):
            colon = next((t.i for t in doc[tok.i + 1:sent.end] if t.text == ":"), None)
            listed = self._listed(colon + 1, sent.end) if colon is not None else []
            if listed:  # "Quatre pays ont voté contre : les États-Unis, le Royaume-Uni, la France et le Japon"
                return listed
        if far and tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.i > tok.i and any(
                c.dep_ == "nummod" or c.lower_ in self.lex.count_words or c.lower_ in ("seul", "seuls", "only")
                for c in tok.children):
            comma = next((t.i for t in doc[tok.head.i + 1:sent.end] if t.text in (",", ":")), None)
            after = doc[comma + 1:min(comma + 3, sent.end)] if comma is not None else []
            listed = self._listed(comma + 1, sent.end) if any(self.actors.actor_at(t) is not None for t in after) \
                and (comma + 1) not in self.cue_starts else []
            if listed:  # "Un seul pays a voté contre, le Bélarus"
                return listed
        end = sent.end if far else min(sent.end, tok.right_edge.i + 3)
        for k in sorted(k for k in self.cue_starts if tok.i < k < end):
            if far and doc[k - 1].text != ",":
                continue
            return self._listed(k + self.cue_starts[k], sent.end)
        return []

    @functools.cached_property
    def cue_starts(self) -> dict[int, int]:
        """Token index -> length of each list cue of the document ("dont", "parmi lesquels")."""
        return self.phrase_starts(self.lex.list_cues)

    def phrase_starts(self, phrases: tuple[tuple[str, ...], ...]) -> dict[int, int]:
        """Token index -> length of each occurrence of one of ``phrases`` (lower-case words)."""
        out = {}
        by_first = _by_first_word(phrases)
        doc = self.doc
        for k in token_indices(doc, by_first):
            first = doc[k].lower_
            found = next((p for p in by_first.get(first, ()) if all(
                k + n < len(doc) and doc[k + n].lower_ == w for n, w in enumerate(p[1:], 1))), None)
            if found is not None:
                out[k] = len(found)
        return out

    def _listed(self, k: int, end: int) -> list[Actor]:
        """The actors of a list starting at token ``k``: one per item (items split by commas and
        "et"/"and"; an item's person rather than the body in its title)."""
        items: list[list[Token]] = [[]]
        skip = 0
        for tok in self.doc[k:end]:
            if tok.pos_ in ("VERB", "AUX") and tok.i not in self.role_at or tok.text in (";", ".", ":", "«", "»"):
                break
            if skip:
                skip -= 1
            elif tok.i in self.cue_starts and tok.i > k:  # a list in the list: "dont des alliés de X comme A et B"
                items, skip = [[]], self.cue_starts[tok.i] - 1
            elif tok.text == "," or tok.lower_ in ("et", "and", "ou", "or"):
                items.append([])
            else:
                items[-1].append(tok)
        out: list[Actor] = []
        for item in items:
            found = [self.actors.actor_at(t) for t in item if self.actors.actor_at(t) is not None]
            people = [a for a in found if a.cls == "Person"]
            if people:
                actor = people[-1]
            elif found and not any(t.i in self.role_at for t in item):
                actor = found[0]  # not the body of a title whose holder is the next item
            else:
                actor = next((self.actors.demonyms[t.i] for t in item if t.i in self.actors.demonyms
                              and t.pos_ in ("NOUN", "PROPN")), None)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _pair(self, tok: Token) -> list[Actor]:
        """"les deux dirigeants", "both countries", "the two sides": the last two actors of
        that class named before, in this sentence or the two before it; none unless there are two."""
        cls = self.lex.pair_nouns.get(tok.lower_) or self.lex.pair_nouns.get(tok.lemma_.lower())
        if cls is None:
            return []
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE | _DEMONSTRATIVE for c in tok.children)
        if not any(c.lower_ in self.lex.pair_words for c in tok.children):
            count = next((self.lex.count_words[c.lower_] for c in tok.children if c.lower_ in self.lex.count_words), 0)
            if not count or not definite:
                return []  # "Quatre pays ont voté contre : …" names new ones; "les trois pays", those before
            return self._named_together(tok, cls, count) or self._joint_subject(tok, cls, count)
        if cls != "Person" and definite:
            # "L'Arménie et l'Azerbaïdjan ont publié … sous l'égide des États-Unis, … les deux pays": the two
            # named together, not the last two; "Le gouvernement sud-soudanais et les rebelles menés par Riek
            # Machar ont signé … Les deux parties": the joint subject before
            together = self._named_together(tok, cls, 2) or self._joint_subject(tok, cls, 2)
            if together:
                return together
        pair = self._last_two(tok, cls)
        if cls in ("Actor", "State") and not pair:  # "la revendication de la Chine …, le porte-parole du ministère
            pair = self._last_two(tok, cls, people=False)  # indien, Anurag Srivastava, … les deux parties": the
            # states; "Rabat dit … Cette décision algérienne … La France a appelé les deux pays": a nationality counts
        return pair

    def _last_two(self, tok: Token, cls: str, *, people: bool = True) -> list[Actor]:
        """The last two actors of class ``cls`` named before ``tok`` in its sentence or the two
        before it, when the text pairs them (see ``_pair``); without ``people``, persons are skipped."""
        first = self._window_start(tok, 2)
        found: list[tuple[Span, Actor]] = []
        governing = set(tok.ancestors)
        mentions = self.actors.spans if people else sorted(
            [*self.actors.spans, *((self.doc[k:k + 1], a) for k, a in self.actors.demonyms.items())],
            key=lambda m: m[0].start)  # "du ministère indien" names India
        for span, actor in reversed(mentions):
            if span.start < first or len(found) == 2:
                break
            if span.root.dep_ in SUBJ and span.root.head in governing:
                continue  # "La France a appelé les deux pays au dialogue": France is not one of them
            if not people and actor.cls == "Person":
                continue
            if span.end <= tok.i and actor not in [a for _, a in found] and (
                    actor.cls == cls or (cls == "Actor" and actor.cls != "Group")):
                found.append((span, actor))
        if len(found) < 2:
            return []
        (second, last), (first_span, before) = found
        between = self.doc[first_span.end:second.start]
        together = len(between) <= 4 and any(t.lower_ in ("et", "and", "entre", "between", "avec", "with")
                                             for t in between)
        same_kind = (last.cls == "Person") == (before.cls == "Person")
        if cls == "Actor" and not together and not (same_kind and first_span.sent == second.sent):
            return []  # "les deux parties": two actors named together ("Israël et le Hamas"), or the
            # two parties of one sentence ("M. Trump s'est engagé à garder un contact avec M. Xi")
        return [a for _, a in found[::-1]]

    def _named_together(self, tok: Token, cls: str, count: int) -> list[Actor]:
        """"les trois pays", "the four states": the last ``count`` actors of that class, named one
        after the other in a list ("Le Burkina Faso, le Mali ainsi que le Niger") in this sentence or
        the two before it; none when the list before is longer or shorter."""
        first = self._window_start(tok, 2)
        spans = [(span, actor) for span, actor in self.actors.spans if first <= span.start and span.end <= tok.i
                 and (actor.cls == cls or (cls == "Actor" and actor.cls != "Group"))]
        runs: list[list[tuple[Span, Actor]]] = []
        for span, actor in spans:  # runs of actors named one after the other: the lists
            last = runs[-1][-1][0] if runs else None
            if last is not None and span.start - last.end <= 4 and actor not in [a for _, a in runs[-1]] and any(
                    t.text == "," or t.pos_ == "CCONJ" or t.lower_ in ("ainsi", "as")
                    for t in self.doc[last.end:span.start]):
                runs[-1].append((span, actor))
            else:
                runs.append([(span, actor)])
        for run in reversed(runs):  # the latest list of that length
            if len(run) == count:
                return [a for _, a in run]
        return []

    def _joint_subject(self, tok: Token, cls: str, count: int) -> list[Actor]:
        """The last coordinated subject of exactly ``count`` actors of that class, in this sentence
        before ``tok`` or the two before it ("X et Y ont signé …. Les deux parties ont aussi …")."""
        for t in reversed(self.doc[self._window_start(tok, 2):tok.i]):
            if t.dep_ in SUBJ and t.pos_ != "PRON" and _conjuncts(t) and t.i not in self.cache.get("joint", ()):
                self.cache.setdefault("joint", set()).add(t.i)  # no loop through "les deux parties" itself
                found = self.resolve_all(t)
                self.cache["joint"].discard(t.i)
                if len(found) == count and all(a.cls == cls or (cls == "Actor" and a.cls != "Group") for a in found):
                    return found
        return []

    def _plural_antecedent(self, tok: Token) -> list[Actor]:
        """The coordinated actors a plural pronoun ("ils", "they") stands for: the subject of the
        clause it depends on ("Le Mali et le Niger ont annoncé …, qu'ils ont accusée …"), else the
        subject of the sentence before; only when that subject names two actors or more."""
        subjects = [c for head in list(tok.ancestors)[1:] for c in head.children
                    if c.dep_ in SUBJ and c.i < tok.i and c.pos_ != "PRON"]
        sent = tok.sent
        if not subjects and tok.dep_ in SUBJ and (tok.i - sent.start <= 3 or tok.head == sent.root) \
                and sent.start > 0:  # "Dans le communiqué, ils ont appelé …"
            root = self.doc[sent.start - 1].sent.root
            subjects = [c for c in root.children if c.dep_ in SUBJ and c.pos_ != "PRON"]
        for subj in subjects:
            found = self.resolve_all(subj)
            if len(found) >= 2 or (found and ("Plur" in subj.morph.get("Number") or any(
                    c.dep_ == "det" and "Plur" in c.morph.get("Number") for c in subj.children))):
                return found  # two actors, or one named in the plural ("Les Etats-Unis", "les dirigeants du G7")
        return []

    def object_antecedents(self, tok: Token) -> list[Actor]:
        """The actors an object clitic "les" stands for ("La Ligue arabe les a appelés à la retenue"):
        the subject of the sentence before, else its object, when it names two actors or more ("La France
        a appelé les deux pays au dialogue. La Ligue arabe les a appelés …")."""
        sent = tok.sent
        if tok.lower_ != "les" or sent.start == 0:
            return []
        root = self.doc[sent.start - 1].sent.root
        args = sorted((c for c in root.children if c.dep_ in SUBJ | {"obj", "dobj"} and c.pos_ != "PRON"),
                      key=lambda c: c.dep_ not in SUBJ)
        for subj in args:
            found = self.resolve_all(subj)
            if len(found) >= 2:
                return found
        return []

    def _coordinated_states(self, k: int) -> list[Actor]:
        """The states coordinated after a plural title ending at token ``k``: "les Premiers ministres
        indien et japonais", "les ministres des Affaires étrangères de l'Iran et de l'Arabie saoudite"."""
        out: list[Actor] = []
        doc = self.doc
        while k + 1 < len(doc) and doc[k].lower_ in (",", "et", "and"):
            k += 1
            while k < len(doc) and doc[k].lower_ in _OF_WORDS:
                k += 1
            actor = self.actors.demonyms.get(k) if k < len(doc) else None
            if actor is None and k < len(doc):
                actor = self.actors.actor_at(doc[k])
            if actor is None or actor.cls == "Person":
                break
            out.append(actor)
            span = self.actors.span_of(doc[k])
            k = span.end if span is not None and k in self.actors.by_token else k + 1
        return out

    def coordinated_holders(self, tok: Token) -> list[RoleMention]:
        """The further holders of a plural title that ``tok`` is (see roles._coordinated)."""
        role = self.role_at.get(tok.i)
        if role is None:  # the holder's name rather than the title: "avec les présidents américain Donald Trump et …"
            person = self.actors.actor_at(tok)
            role = next((r for r in self.roles if person is not None and r.person == person
                         and r.start <= tok.i <= r.end + 3), None)
        if role is None or role.person is None:
            return []
        chain, last = [], role
        for other in self.roles:
            if other.title is role.title and other.person is not None and other.start > last.start \
                    and other.start - last.end <= 6 and self.doc[other.start - 1].lower_ in ("et", "and", ","):
                chain.append(other)
                last = other
        return chain

    def _features(self, tok: Token) -> dict[str, str]:
        """Gender, number and person of a personal pronoun ("il", "-ils", "they"); empty otherwise."""
        return self.lex.pronouns.get(tok.lower_) or self.lex.pronouns.get(tok.lower_.lstrip("-"), {})

    def _pronoun(self, tok: Token) -> Actor | None:
        speaker = self.speaker_of.get(tok.i)
        features = self._features(tok)
        if features.get("Person") == "1":
            return speaker  # "nous", "we" in a quote: the speaker
        if speaker is not None and _agrees(speaker, features, self) and not self._quoted(tok):
            return speaker  # (not "« … elle devra en accepter les conséquences », a dit X": one says "je", "nous")
        # the last actor named as a subject before the pronoun, of the same number
        previous = self._previous_subject(tok)
        if previous is not None and _agrees(previous, features, self):
            return previous  # "Marco Rubio a rencontré Lavrov. Il a demandé …": the last sentence's subject
        head = tok.head  # a subordinate clause's pronoun: the main clause's subject ("X s'est rendu à
        while head.dep_ in ("advcl", "acl:relcl", "ccomp", "conj", "xcomp", "obl:mod", "obl", "nmod"):
            # Washington, où il", "une visite, au cours de laquelle il doit rencontrer")
            head = head.head
            subj = next((c for c in head.children if c.dep_ in SUBJ and c.i < tok.i and c.pos_ != "PRON"), None)
            actor = self.resolve(subj, depth=1) if subj is not None else None
            if actor is not None and _agrees(actor, features, self):
                return actor
        for t in reversed(self.doc[tok.sent.start:tok.i]):  # "Si la partie japonaise ne cesse …, elle devra …"
            if t.dep_ in SUBJ and t.pos_ == "NOUN" and t.i not in self.actors.by_token and _agrees_word(t, features):
                actor = self.resolve(t, depth=1)
                if actor is not None:
                    return actor
        before = [(span, actor) for span, actor in self.actors.spans if span.end <= tok.i]
        for span, actor in reversed(before):
            if span.root.dep_ in SUBJ and _agrees(actor, features, self, span.root):
                return actor
        if features.get("Number") == "Sing" and features.get("Gender"):
            # "il"/"elle" with no subject antecedent: the last person named in the previous sentences
            sent_start = tok.sent.start
            for span, actor in reversed(before):
                if actor.cls == "Person" and span.start < sent_start:
                    return actor
        return None

    def _quoted(self, tok: Token) -> bool:
        """Whether ``tok`` stands inside a quotation opened in its sentence (« », “ ”, or straight quotes)."""
        depth, straight = 0, 0
        for t in self.doc[self._window_start(tok, 2):tok.i]:  # a quote may span sentences: « … . Il a … »
            if t.text in ("«", "“"):
                depth += 1
            elif t.text in ("»", "”"):
                depth = max(0, depth - 1)
            elif t.text == '"' and t.i >= tok.sent.start:
                straight += 1
        return depth > 0 or straight % 2 == 1

    def _latest_actor(self, tok: Token) -> Actor | None:
        """What "ce dernier", "the latter" stand for: the last actor named before them in their
        sentence ("la note du gouvernement du Rwanda, par laquelle ce dernier accuse"). Across a
        sentence end the last noun is as often a thing ("un texte proposé par le Royaume-Uni. Ce
        dernier a été soutenu par 11 États"): no actor then."""
        start = tok.sent.start
        before = [actor for span, actor in self.actors.spans if start <= span.start and span.end <= tok.i - 1]
        return before[-1] if before else None

    def _name_after(self, tok: Token) -> Actor | None:
        """A person named right after a noun of people and its adjectives."""
        k = tok.i + 1
        while k < len(self.doc) and k - tok.i <= 3 and (k in self.actors.demonyms or self.doc[k].pos_ == "ADJ"
                                                        or self.doc[k].text == ","):
            k += 1
        actor = self.actors.by_token.get(k) if k < len(self.doc) else None
        if actor is not None and self.doc[k - 1].text == "," and not any(t.i == k for t in tok.subtree) \
                and any(t.dep_ in SUBJ for t in self.doc[k:k + 4] if self.actors.by_token.get(t.i) == actor):
            return None  # "Lors d'un entretien avec son homologue turc, Vladimir Poutine a évoqué": the main subject
        return actor if actor is not None and actor.cls == "Person" else None

    def _previous_subject(self, tok: Token) -> Actor | None:
        """The subject of the main verb of the sentence before the pronoun's, if an actor;
        only for a pronoun that is itself the subject at the start of its sentence."""
        sent = tok.sent
        if tok.dep_ not in SUBJ or tok.i - sent.start > 3 or sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        root = prev.root
        for child in root.children:
            if child.dep_ in SUBJ and child.pos_ != "PRON":
                return self.resolve(child, depth=1)
        return None

    def _description(self, role: RoleMention) -> Actor | None:
        """A title with no name ("le leader britannique"): a person of that office
        and country named earlier in the article."""
        for other in reversed(self.roles):
            if other.start >= role.start or other.person is None:
                continue
            if role.of is not None and other.of == role.of and (
                    other.title.role == role.title.role or role.title.role == "officialOf" and (
                        other.title.role not in ("headOfStateOf", "headOfGovernmentOf") or any(
                            t.lower_ in self.lex.state_leaders for t in self.doc[role.start:role.end]))):
                return other.person  # (not "l'ambassadeur vénézuélien" for the Venezuelan president)
            if role.of is None and other.title.id == role.title.id and self._same_words(role, other):
                return other.person  # "said the Secretary-General": the Secretary-General named before
        if role.of is None and role.title.role in _STATE_OFFICES:  # "Le chef de l'Etat accuse …" after "le
            held = {o.person for o in self.roles if o.start < role.start and o.person is not None  # président
                    and o.title.role == role.title.role}  # turc Recep Tayyip Erdogan": the one holder named
            if len(held) == 1:
                return held.pop()
        return None

    def _same_words(self, role: RoleMention, other: RoleMention) -> bool:
        """Whether two mentions use the same title words ("Secretary-General", not any official)."""
        def words(r: RoleMention) -> list[str]:
            return [t.lower_ for t in self.doc[r.start:r.end] if t.i not in self.actors.demonyms
                    and t.i not in self.actors.by_token and t.pos_ != "DET"]
        return words(role)[-1:] == words(other)[-1:]


_DEFINITE = frozenset({"le", "la", "les", "l'", "l’", "the"})
_STATE_OFFICES = frozenset({"headOfStateOf", "headOfGovernmentOf", "foreignMinisterOf"})
_DEMONSTRATIVE = frozenset({"ce", "cet", "cette", "ces", "these", "those", "this", "that"})
_RELATIONAL = frozenset({"allié", "alliés", "partenaire", "partenaires", "ally", "allies", "partner", "partners"})
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "its", "his", "her", "their"})


def _case(tok: Token) -> str | None:
    """The preposition that introduces a noun (UD ``case``), lower-case."""
    for child in tok.children:
        if child.dep_ in ("case", "mark") and child.i < tok.i:
            case = child.lower_.replace("’", "'")
            return "de" if case == "d'" else case  # "d'une trêve" is "de"
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return tok.head.lower_  # English: the preposition heads its object ("in Moscow")
    return None


def _agrees(actor: Actor, features: dict, ctx: Context, tok: Token | None = None) -> bool:
    number = features.get("Number")
    if number == "Plur":
        return False  # a plural pronoun for one named actor: leave it out
    return True


@functools.lru_cache(maxsize=64)
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases grouped by their first word, longest first within a group as in ``phrases``."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _agrees_word(tok: Token, features: dict) -> bool:
    """A noun of the pronoun's gender and number ("la partie japonaise … elle")."""
    return all(features.get(k) is None or not tok.morph.get(k) or features[k] in tok.morph.get(k)
               for k in ("Gender", "Number"))


def _conjuncts(tok: Token) -> list[Token]:
    """The tokens coordinated with ``tok``, also when the parser hung the coordination on its
    apposed name ("le ministre turc Mevlut Cavusoglu et son homologue russe …")."""
    out = []
    for child in tok.children:
        if child.dep_ in (CONJ, "appos") and child.i > tok.i and _bracketed(tok, child):
            continue  # "le G7 (France, Allemagne, …) a condamné": the members listed in brackets are not the subject
        if child.dep_ == CONJ:
            out.append(child)
            out.extend(_conjuncts(child))
        elif child.dep_ == "appos" and tok.pos_ == "NOUN" and child.i > tok.i:
            more = [c for c in _conjuncts(child) if c.i not in {o.i for o in out}]
            if more and child.pos_ == "NOUN" and child.left_edge.i and tok.doc[child.left_edge.i - 1].text == ",":
                out.append(child)  # "avec le président X, la première ministre Y et le chef Z": a list misparsed
            out.extend(more)
    return out


def _bracketed(tok: Token, later: Token) -> bool:
    """Whether ``later`` stands inside a bracket opened after ``tok``."""
    depth = 0
    for t in tok.doc[tok.i + 1:later.i]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def apposed_participle(tok: Token, lex=None) -> bool:
    """A present participle or gerund set off after a noun that is no actor, which the parser hung on
    that noun ("des propos très durs, accusant …", "les commentaires de X, en demandant …"): it tells
    what the clause's subject does (not "les manifestants, réclamant …": they are the ones who ask)."""
    if tok.dep_ != "acl" or tok.pos_ != "VERB" or not tok.i or "Part" not in tok.morph.get("VerbForm"):
        return False
    if not tok.lower_.endswith(("ant", "ants")) or "Past" in tok.morph.get("Tense"):
        return False
    before = tok.doc[tok.i - 1]
    if before.text != "," and not (before.lower_ == "en" and tok.doc[tok.i - 2].text == ","):
        return False
    head = tok.head
    if lex is not None and any(t.lower_ in lex.group_nouns for t in [head, *(
            c for c in head.children if c.dep_ == "nmod" and c.i < tok.i)]):
        return False  # people: "les manifestants, réclamant …", "des dizaines de manifestants, réclamant …"
    return head.pos_ == "NOUN" and not head.ent_type_ and head.dep_ not in SUBJ and head.i < tok.i
