"""The coder's general mechanisms, on hand-written sentences and a small pattern set.

Voice, control, coordination, reported speech, nominal events, negation, modality, quotes.
Actors come from the packaged knowledge base (countries, organisations).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.coder import Coder
from detente.coding.patterns import load_patterns
from detente.pipeline import Pipeline
from detente.records import Article, Event

pytestmark = pytest.mark.model

CLASSES = """# version: 1
# test classes
class\tmembers
@forces\ttroop|soldier|force|battle group|warship
@ties\trelationship|relation|tie|cooperation
"""
PATTERNS = """# version: 1
# test patterns
id\tcameo\thead\tprt\tobj\tprep\tpobj\ttarget\texample
t.meet-with\t040\tmeet\t\t\twith\t\tpobj\t
t.meet\t040\tmeet\t\t\t\t\tdobj\t
t.attack\t190\tattack\t\t\t\t\tdobj\t
t.impose-sanction-on\t163\timpose\t\tsanction\ton\t\tpobj\t
t.deploy-forces\t154\tdeploy\t\t@forces\t\t\tnone\t
t.send-forces-to\t152\tsend\t\t@forces\tto\t\tpobj\t
t.accuse-aggression\t1123\taccuse\t\t\tof\taggression|invasion\tdobj\t
t.talk-with\t040\tn:talk\t\t\twith|between\t\tpobj\t
t.invasion-of\t190\tn:invasion\t\t\t\t\tdobj\t
t.want-ties\t030\twant\t\t@ties\twith\t\tpobj\t
t.say\t010\tsay\t\t\t\t\tnone\t
t.agree\t030\tagree\t\t\t\t\tnone\t
t.welcome\t041\twelcome\t\t\t\t\tdobj\t
t.criticize\t121\tcriticize\t\t\t\t\tdobj\t
t.delay\t120\tdelay\t\t\t\t\tdobj\t
t.seal-off\t191\tseal\toff\t\t\t\tdobj\t
t.believe\t012\tbelieve\t\t\t\t\tdobj\t
t.express\t013\texpress\t\t\t\t\tdobj\t
"""


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    folder: Path = tmp_path_factory.mktemp("verbs")
    (folder / "patterns").mkdir()
    (folder / "classes.tsv").write_text(CLASSES)
    (folder / "patterns" / "t.tsv").write_text(PATTERNS)
    patterns = load_patterns(pipeline.ontology, folder)
    p = Pipeline(pipeline.nlp, pipeline.kb, pipeline.ontology, patterns, pipeline.lexicon)
    assert isinstance(p.coder, Coder)
    return p


def code(pipe: Pipeline, text: str) -> list[Event]:
    return list(pipe.process(Article("t", text, published="2018-09-25")).events)


def triples(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.source.code if e.source else "", e.target.code if e.target else None, e.cameo)
            for e in events}


def test_active_and_passive(pipe: Pipeline) -> None:
    assert ("RUS", "UKR", "190") in triples(code(pipe, "Russia attacked Ukraine on Monday."))
    got = triples(code(pipe, "Ukraine was attacked by Russia on Monday."))
    assert ("RUS", "UKR", "190") in got and ("UKR", "RUS", "190") not in got


def test_passive_with_preposition_target(pipe: Pipeline) -> None:
    got = code(pipe, "New sanctions were imposed on Iran by the United States.")
    assert ("USA", "IRN", "163") in triples(got)


def test_coordination_gives_one_event_per_pair(pipe: Pipeline) -> None:
    got = triples(code(pipe, "France and Germany met with Russia and China in Paris."))
    assert {("FRA", "RUS", "040"), ("FRA", "CHN", "040"), ("GER", "RUS", "040"),
            ("GER", "CHN", "040")} <= {(s[:3].replace("DEU", "GER"), t, c) for s, t, c in got} \
        or {("FRA", "RUS", "040"), ("FRA", "CHN", "040"), ("DEU", "RUS", "040"),
            ("DEU", "CHN", "040")} <= got


def test_control_verbs_pass_their_subject(pipe: Pipeline) -> None:
    evs = code(pipe, "Russia agreed to send troops to Syria.")
    sent = [e for e in evs if e.rule == "t.send-forces-to"]
    assert sent and sent[0].source and sent[0].source.code == "RUS"
    assert sent[0].target and sent[0].target.code == "SYR"


def test_reported_speech_codes_the_embedded_act(pipe: Pipeline) -> None:
    evs = code(pipe, "Iran said Israel attacked Syria.")
    assert ("ISR", "SYR", "190") in triples(evs)
    assert not any(e.cameo == "010" for e in evs)  # the bare statement gives way


def test_bare_statement_only_when_nothing_else(pipe: Pipeline) -> None:
    evs = code(pipe, "Russia said the weather was fine.")
    assert [e.cameo for e in evs] == ["010"]


def test_accusation_target_is_the_object(pipe: Pipeline) -> None:
    assert ("IRN", "ISR", "1123") in triples(code(pipe, "Iran accused Israel of aggression."))


def test_nominal_events(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Russia's invasion of Ukraine shocked Europe."))
    assert ("RUS", "UKR", "190") in got
    got = triples(code(pipe, "The talks between Israel and Egypt ended."))
    assert ("ISR", "EGY", "040") in got or ("EGY", "ISR", "040") in got


def test_light_verb_consumes_the_noun(pipe: Pipeline) -> None:
    evs = code(pipe, "Japan wants better relations with China.")
    assert [(e.cameo, e.rule) for e in evs] == [("030", "t.want-ties")]
    assert evs[0].target and evs[0].target.code == "CHN"


def test_negation(pipe: Pipeline) -> None:
    (e,) = [e for e in code(pipe, "Russia did not attack Ukraine.") if e.cameo == "190"]
    assert e.negated
    (e,) = [e for e in code(pipe, "Russia attacked Ukraine.") if e.cameo == "190"]
    assert not e.negated
    assert all(e.negated for e in code(pipe, "Russia refused to meet Ukraine.")
               if e.cameo == "040")


@pytest.mark.parametrize("text, mod", [
    ("Russia will attack Ukraine.", "future"),
    ("Russia plans to attack Ukraine.", "future"),
    ("Russia could attack Ukraine.", "hypothetical"),
    ("Russia wants to meet Ukraine.", "hypothetical"),
    ("If Russia attacks Ukraine, the West will respond.", "hypothetical"),
    ("Russia attacked Ukraine.", "asserted"),
])
def test_modality(pipe: Pipeline, text: str, mod: str) -> None:
    evs = [e for e in code(pipe, text) if e.root in ("19", "04")]
    assert evs and evs[0].modality == mod, [(e.cameo, e.modality) for e in evs]


def test_quotes_carry_their_events(pipe: Pipeline) -> None:
    text = ('"We will never attack Ukraine," Russia said on Monday.\n\n'
            'Russia attacked Ukraine on Tuesday.')
    res = pipe.process(Article("t", text, published="2018-09-25"))
    quoted = [e for e in res.events if e.quote_id]
    plain = [e for e in res.events if not e.quote_id]
    assert quoted and plain
    assert quoted[0].negated and quoted[0].modality == "future"
    assert quoted[0].source and quoted[0].source.code.startswith("RUS")  # "we" = the speaker
    (q,) = [q for q in res.quotes if q.direct]
    assert q.speaker and q.speaker.code == "RUS" and q.cue == "say"
    assert plain[0].date == "2018-09-25"


def test_coordinated_owners_give_one_actor_each(pipe: Pipeline) -> None:
    got = triples(code(pipe, "The ambassadors of France, Germany and Italy met with Russia."))
    assert {("FRAGOV", "RUS", "040"), ("DEUGOV", "RUS", "040"),
            ("ITAGOV", "RUS", "040")} <= got, got


def test_first_party_after_the_verb_brings_its_conjuncts(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan welcomed the resumption of ties with China and India."))
    assert {("JPN", "CHN", "041"), ("JPN", "IND", "041")} <= got, got


def test_the_groups_own_possessive_is_no_target(pipe: Pipeline) -> None:
    got = triples(code(pipe, "France and Germany welcomed their resumption of ties with China."))
    assert {("FRA", "CHN", "041"), ("DEU", "CHN", "041")} <= got, got
    assert not any(t in ("FRA", "DEU") for _, t, _ in got), got


def test_second_subject_beside_the_first(pipe: Pipeline) -> None:
    # The parser hangs "Lions" and "Japan" both as subjects of "welcomed".
    got = triples(code(pipe, "Lions, tigers, and Japan welcomed the resumption of ties "
                             "with China."))
    assert ("JPN", "CHN", "041") in got, got


def test_bare_speech_of_an_unknown_party_is_dropped(pipe: Pipeline) -> None:
    assert code(pipe, "The weather was fine, a senior official said.") == []
    assert [e.cameo for e in code(pipe, "Russia said the weather was fine.")] == ["010"]


def test_a_place_inside_the_object_is_its_concern(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan criticized the arrest of a man in China."))
    assert ("JPN", "CHN", "121") in got, got
    # where the act itself happened is no target
    assert not any(t == "CHN" for _, t, _ in triples(code(pipe, "Japan welcomed talks in China.")))


def test_the_groups_own_object_is_no_other_sense(pipe: Pipeline) -> None:
    got = triples(code(pipe, "France and Germany delayed their meeting."))
    assert {("FRA", None, "120"), ("DEU", None, "120")} <= got, got


def test_a_name_modifying_the_objects_word_is_a_target(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan criticized the attacks on Syria hospitals."))
    # the hospitals are Syria's, as they are in the slot itself ("attacked Syria hospitals")
    assert ("JPN", "SYRHLH", "121") in got, got


def test_a_participle_describing_the_object_is_searched(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Russian soldiers sealed off the roads leading into Ukraine."))
    assert ("RUSMIL", "UKR", "191") in got, got


def test_the_subject_of_the_clause_after_the_verb(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan believes China and India will cope with the crisis."))
    assert {("JPN", "CHN", "012"), ("JPN", "IND", "012")} <= got, got


def test_a_preposition_right_after_the_verb_read_as_its_particle() -> None:
    import spacy
    from spacy.tokens import Doc

    from detente.coding.coder import _particle_as_preposition
    from detente.coding.frames import verb_frame

    words = ["Soldiers", "cordoned", "off", "the", "roads", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 2, 1],
              deps=["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"])
    f = verb_frame(doc[1])
    assert f.prt is None and f.obj is None
    read = _particle_as_preposition(f, ["off"])
    assert read is not None and read.prt == "off" and read.obj == doc[4]
    assert _particle_as_preposition(f, ["up"]) is None


def test_a_role_coordinated_with_a_countrys_role_is_that_countrys(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Russian soldiers and officials met with China."))
    assert {("RUSMIL", "CHN", "040"), ("RUSGOV", "CHN", "040")} <= got, got


def test_the_subject_of_a_clause_on_the_object(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan expressed hopes that China would be drawn into talks "
                             "by its ties with India."))
    assert ("JPN", "CHN", "013") in got, got


def test_from_leads_to_a_target(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan welcomed the memos from China."))
    assert ("JPN", "CHN", "041") in got, got


def test_lawmakers_of_coordinated_countries(pipe: Pipeline) -> None:
    # Whether the parser coordinates the countries or hangs the second on "Lawmakers",
    # both are the lawmakers' countries.
    got = triples(code(pipe, "Lawmakers in France and Germany met with Russia."))
    assert {("FRALEG", "RUS", "040"), ("DEULEG", "RUS", "040")} <= got, got


def test_an_acronym_after_its_full_name(pipe: Pipeline) -> None:
    (eu,) = {s for s, _, _ in triples(code(pipe, "The European Union met with Russia."))}
    got = triples(code(pipe, "Japan and the European Union (EU) agree that the dispute "
                             "should be settled through arbitration."))
    assert {("JPN", eu, "030"), (eu, "JPN", "030")} <= got, got


def test_a_list_parsed_as_an_apposition_with_conjuncts(pipe: Pipeline) -> None:
    # The parser makes "the Gambia" an apposition of "Russia", "Chile" and "Peru" its
    # conjuncts: the apposition with conjuncts is the rest of the list.
    got = triples(code(pipe, "Russia, the Gambia, Chile and Peru welcomed a resumption of "
                             "formal ties between Japan and China."))
    sources = {s for s, _, _ in got}
    assert {"RUS", "GMB", "CHL", "PER"} <= sources, got
    assert {("GMB", "JPN", "041"), ("GMB", "CHN", "041")} <= got, got


def test_a_several_word_name_brings_its_conjuncts_as_targets(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan welcomed a resumption of formal ties between "
                             "New Zealand and Chile."))
    assert {("JPN", "NZL", "041"), ("JPN", "CHL", "041")} <= got, got


def test_a_name_with_several_codes_gives_each_party_an_event(pipe: Pipeline,
                                                              tmp_path: Path) -> None:
    from detente.actors.petrarch import fresh_kb

    (tmp_path / "actors.txt").write_text("TWIN_KINGDOMS [AAA/BBB]\nJAPAN [JPN]\n"
                                         "CHINA [CHN]\n")
    tokenizer = pipe.nlp.tokenizer
    kb = fresh_kb(lambda s: [t.text for t in tokenizer(s)], [tmp_path / "actors.txt"])
    twin = Pipeline(pipe.nlp, kb, pipe.ontology, pipe.patterns, pipe.lexicon)
    assert triples(code(twin, "The Twin Kingdoms met with Japan.")) == {
        ("AAA", "JPN", "040"), ("BBB", "JPN", "040")}
    assert triples(code(twin, "Japan welcomed the resumption of ties with the Twin "
                              "Kingdoms and China.")) == {
        ("JPN", "AAA", "041"), ("JPN", "BBB", "041"), ("JPN", "CHN", "041")}


def test_a_word_sequence_constraint_allows_words_between() -> None:
    import spacy
    from spacy.tokens import Doc

    from detente.coding.frames import phrase_words
    from detente.coding.patterns import Constraint

    words = ["Japan", "ended", "its", "improved", "naval", "defence", "ties", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 6, 6, 6, 6, 1, 1],
              deps=["nsubj", "ROOT", "poss", "amod", "amod", "compound", "dobj", "punct"],
              lemmas=["Japan", "end", "its", "improve", "naval", "defence", "tie", "."])
    phrase = phrase_words(doc[6])
    assert phrase[0] == ("its", "its") and phrase[-1] == ("ties", "tie")
    improved_ties = Constraint(frozenset(), frozenset({((frozenset({"improved"}),),
                                                        (frozenset({"tie", "ties"}),))}))
    assert improved_ties.matches("tie", "defence tie", "ties", phrase=phrase)
    ties_improved = Constraint(frozenset(), frozenset({((frozenset({"tie"}),),
                                                        (frozenset({"improved"}),))}))
    assert not ties_improved.matches("tie", "defence tie", "ties", phrase=phrase)  # order
    assert not improved_ties.matches("tie", "tie", "ties", phrase=[("ties", "tie")])


def test_a_name_in_apposition_within_a_list_is_one_more_item(pipe: Pipeline) -> None:
    # The parser makes "the awful Iran" an apposition of "Russia", whose conjunct "China" is.
    got = triples(code(pipe, "Evil Russia, the awful Iran, and good China welcomed a "
                             "resumption of formal ties with Japan."))
    assert {("RUS", "JPN", "041"), ("IRN", "JPN", "041"), ("CHN", "JPN", "041")} <= got, got


def _parsed(pipe: Pipeline, words: list[str], heads: list[int], deps: list[str],
            pos: list[str]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    return Doc(pipe.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_list_items_parsed_as_a_name_modifying_the_last(pipe: Pipeline) -> None:
    from detente.actors.resolve import resolve_doc

    # "Peru, Chile and the evil China welcomed ...", the small model's parse: "Peru" a
    # modifier (nmod) of "China" with "Chile" as its conjunct.
    words = ["Peru", ",", "Chile", "and", "the", "evil", "China", "welcomed", "talks", "."]
    doc = _parsed(pipe, words, [6, 0, 0, 2, 6, 6, 7, 7, 7, 7],
                  ["nmod", "punct", "conj", "cc", "det", "amod", "nsubj", "ROOT", "dobj",
                   "punct"],
                  ["PROPN", "PUNCT", "PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB", "NOUN",
                   "PUNCT"])
    assert [t.text for t in Coder._expand(pipe.coder, doc[6])] == ["Peru", "Chile", "China"]
    # the phrase "Peru , Chile and the evil China" is China's, whose own name it is
    actors = resolve_doc(doc, pipe.kb, "2018-09-25")
    assert actors.actor(doc[6]).code == "CHN"
    assert actors.actor(doc[0]).code == "PER"


def test_a_verb_of_striving_leaves_the_act_to_its_complement(pipe: Pipeline) -> None:
    got = triples(code(pipe, "Japan is seeking to meet with China."))
    assert got == {("JPN", "CHN", "040")}, got
    # a governor that is not a verb of striving keeps its own event
    got = triples(code(pipe, "Japan agreed to meet with China."))
    assert {("JPN", None, "030"), ("JPN", "CHN", "040")} <= got, got


def test_coordinated_nationalities_before_a_role_give_one_party_each(pipe: Pipeline) -> None:
    # The parser hangs "US" on "activists" as nmod and "British" on "US" as its conjunct.
    got = triples(code(pipe, "US and British diplomats met with Russia."))
    assert {("USAGOV", "RUS", "040"), ("GBRGOV", "RUS", "040")} <= got, got
