"""People extraction: which names are people, how mentions resolve, and what each mention carries."""

from __future__ import annotations

import random

import pytest

from corpus.model import Mention
from corpus.people import _one_edit, _one_edit_pairs
from corpus.people_config import PeopleConfig
from tests.corpus.builders import make_article, people_of


def names(body: str, title: str = "A headline") -> dict[str, list[str]]:
    [found] = people_of(make_article(body, title))
    return {name: [m.surface for m in mentions] for name, mentions in found.items()}  # type: ignore[attr-defined]


def mentions(body: str, person: str, title: str = "A headline") -> list[Mention]:
    [found] = people_of(make_article(body, title))
    return found[person]  # type: ignore[return-value]


# --- which names are people -------------------------------------------------------------------


def test_multi_word_names_with_titles_and_honorifics() -> None:
    found = names("French President Emmanuel Macron met Mr. Olaf Scholz and Dr. Anthony Fauci in Paris.")
    assert set(found) == {"Emmanuel Macron", "Olaf Scholz", "Anthony Fauci"}


@pytest.mark.parametrize(
    "name",
    ["Kim Jong-un", "Chiu Kuo-cheng", "Ursula von der Leyen", "Charles de Gaulle", "Bashar al-Assad"],
)
def test_hyphenated_and_particle_names(name: str) -> None:
    found = names(f"Yesterday the talks were led by {name}, officials said.")
    assert list(found) == [name]


def test_possessive_is_not_part_of_the_name() -> None:
    found = names("Vladimir Putin spoke on Monday. Putin's envoy and Ilves’ party disagreed with Maren Ilves.")
    assert found["Vladimir Putin"] == ["Vladimir Putin", "Putin"]
    assert found["Maren Ilves"] == ["Ilves", "Maren Ilves"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine said the talks would go on.",
        "The White House said nothing.",
        "Kremlin officials and the Pentagon disagreed.",
        "Republican senators met in Washington in March.",
        "North Korea and South Korea met at the Korean Peninsula summit.",
        "The European Union and the United Nations met in New York on Monday.",
        "Russian and Hungarian officials flew to Buenos Aires.",
        "The Prime Minister said nothing.",
    ],
)
def test_places_organisations_nationalities_and_months_are_not_people(sentence: str) -> None:
    assert names(sentence) == {}


def test_sentence_initial_capitals_are_ordinary_words() -> None:
    found = names("Meanwhile Adrian Voss waited. But Voss said nothing. Strip away the noise and the deal stands.")
    assert list(found) == ["Adrian Voss"]
    assert found["Adrian Voss"] == ["Adrian Voss", "Voss"]


def test_names_in_a_title_case_headline_are_the_ones_the_article_knows() -> None:
    found = names(
        "Prime Minister Adrian Voss signed the deal. Maren Ilves objected.",
        title="Voss Lands Harbour Deal As Ilves Cries Foul",
    )
    assert found["Adrian Voss"][0] == "Voss"
    assert found["Maren Ilves"][0] == "Ilves"
    assert set(found) == {"Adrian Voss", "Maren Ilves"}


def test_names_in_a_sentence_case_headline() -> None:
    found = names("The harbour deal was signed.", title="Sergei Lavrov meets Antony Blinken in Geneva")
    assert set(found) == {"Sergei Lavrov", "Antony Blinken"}


def test_a_bare_unknown_word_needs_evidence() -> None:
    """Evidence: it speaks (and is capitalised mid-sentence somewhere), or stands in a list of people."""
    assert names("Korsa is quiet. The ships wait at Halvik.") == {}
    assert names("Critics said it was slow. Analysts warned of delays.") == {}
    found = names("Mélenchon said the vote was rigged. Le Pen and Bayrou disagreed with Marine Le Pen and Mélenchon.")
    assert "Mélenchon" in found
    assert "Bayrou" in found


# --- resolution ---------------------------------------------------------------------------------


def test_within_an_article_surname_and_titles_resolve_to_the_full_name() -> None:
    found = names("Vladimir Putin arrived. Mr Putin smiled. President Putin spoke. Putin left.")
    assert found == {"Vladimir Putin": ["Vladimir Putin", "Putin", "Putin", "Putin"]}


def test_a_title_mention_before_the_full_name_joins_it() -> None:
    found = names("Mr Sung declined to comment. Halden Maritime chief executive Sung Min-ho later spoke.")
    assert found == {"Sung Min-ho": ["Sung", "Sung Min-ho"]}


def test_two_people_with_one_surname_stay_apart_and_the_latest_wins() -> None:
    found = names("Hillary Clinton spoke first. Then Bill Clinton spoke. Clinton was cheered.")
    assert found["Hillary Clinton"] == ["Hillary Clinton"]
    assert found["Bill Clinton"] == ["Bill Clinton", "Clinton"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kim Jong Un", "Kim Jong-un"), ("Viktor Orban", "Viktor Orbán"), ("Volodymyr Zelensky", "Volodymyr Zelenskyy")],
)
def test_spelling_variants_across_the_corpus_are_one_person(a: str, b: str) -> None:
    """b is written twice and a once: the commoner spelling is shown (an accented one always wins)."""
    first = make_article(f"{a} spoke on Monday.", name="1.txt")
    second = make_article(f"{b} spoke on Tuesday.", name="2.txt")
    third = make_article(f"{b} spoke again on Wednesday.", name="3.txt")
    found = people_of(first, second, third)
    assert list(found[0]) == list(found[1]) == list(found[2]) == [b]
    assert a in first.people[0].aliases


def test_a_bare_surname_maps_to_the_full_name_the_corpus_knows() -> None:
    full = make_article("Prime Minister Adrian Voss spoke.", name="1.txt")
    bare = make_article("Critics said Voss was slow.", name="2.txt")
    people_of(full, bare)
    assert [p.name for p in bare.people] == ["Adrian Voss"]


def test_an_ambiguous_bare_surname_is_not_guessed() -> None:
    one = make_article("Hillary Clinton spoke.", name="1.txt")
    two = make_article("Bill Clinton spoke.", name="2.txt")
    bare = make_article("Critics said Clinton was slow.", name="3.txt")
    people_of(one, two, bare)
    assert bare.people == []


def test_accented_spelling_is_the_one_shown() -> None:
    one = make_article("Finance Minister Tomas Brezina spoke.", name="1.txt")
    two = make_article("Finance Minister Tomas Brezina spoke again.", name="2.txt")
    three = make_article("Finance Minister Tomás Brezina spoke.", name="3.txt")
    people_of(one, two, three)
    assert one.people[0].name == "Tomás Brezina"
    assert "Tomas Brezina" in one.people[0].aliases


# --- what each mention carries ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "person", "label"),
    [
        ("French President Emmanuel Macron arrived.", "Emmanuel Macron", "french president"),
        ("The talks were led by British Prime Minister Keir Starmer.", "Keir Starmer", "british prime minister"),
        ("Hungarian Prime Minister Viktor Orban arrived.", "Viktor Orban", "hungarian prime minister"),
        ("Then North Korean leader Kim Jong-un arrived.", "Kim Jong-un", "north korean leader"),
        ("Then the irreplaceable Sergei Lavrov arrived.", "Sergei Lavrov", "irreplaceable"),
        ("Keir Starmer, the British Prime Minister, arrived.", "Keir Starmer", "british prime minister"),
        ("The tireless Prime Minister Adrian Voss arrived.", "Adrian Voss", "tireless prime minister"),
        ("Our Prime Minister Adrian Voss arrived.", "Adrian Voss", "our prime minister"),
        ("Then union leader Lena van der Kolk arrived.", "Lena van der Kolk", "union leader"),
        ("US President Joe Biden arrived.", "Joe Biden", "us president"),
        ("Then Russia's foreign minister Sergei Lavrov arrived.", "Sergei Lavrov", "russia's foreign minister"),
    ],
)
def test_labels_before_and_after_the_name(sentence: str, person: str, label: str) -> None:
    [mention] = mentions(sentence, person)
    assert mention.label == label


def test_appositive_before_the_name_and_modifier_are_both_labels() -> None:
    [mention] = mentions("Putin's top diplomat, the irreplaceable Sergei Lavrov, flew in.", "Sergei Lavrov")
    assert set(mention.labels) == {"putin's top diplomat", "irreplaceable"}


def test_copular_predicate_is_a_label() -> None:
    [mention] = mentions("John Smith is a typical Baby Boomer.", "John Smith")
    assert mention.labels == ("typical baby boomer",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics backed opposition leader Maren Ilves on Monday.",  # "backed" is a verb, not a modifier
        "Meanwhile, Maren Ilves, speaking in Korsa, said no.",  # a participle clause is not an appositive
        "Maren Ilves, 54, said no.",  # an age is not an appositive
        "At the same time Maren Ilves said no.",
    ],
)
def test_what_is_not_a_label(sentence: str) -> None:
    [mention] = mentions(sentence, "Maren Ilves")
    assert mention.labels == () or mention.labels == ("opposition leader",)


@pytest.mark.parametrize(
    ("sentence", "person", "verb", "verb_class"),
    [
        ("Emmanuel Macron said the talks were over.", "Emmanuel Macron", "say", "neutral"),
        ("“The talks are over,” said Emmanuel Macron.", "Emmanuel Macron", "say", "neutral"),
        ("Donald Trump claimed the vote was rigged.", "Donald Trump", "claim", "distancing"),
        ("According to Vladimir Putin, the talks are over.", "Vladimir Putin", "according to", "neutral"),
        ("Maren Ilves has repeatedly insisted that the deal is bad.", "Maren Ilves", "insist", "distancing"),
        ("Maren Ilves admitted the port needs money.", "Maren Ilves", "admit", "conceding"),
        ("Lena van der Kolk slammed the deal.", "Lena van der Kolk", "slam", "charged"),
        ("Lena van der Kolk lashed out at the government.", "Lena van der Kolk", "lash out", "charged"),
        ("Adrian Voss praised the volunteers.", "Adrian Voss", "praise", "positive"),
        ("Adrian Voss, the Prime Minister, told reporters it was done.", "Adrian Voss", "tell", "neutral"),
        ("Adrian Voss visited Halvik on Friday and said the fund was ready.", "Adrian Voss", "say", "neutral"),
        ("Petra Aalto, who described the target as credible, left.", "Petra Aalto", "describe", "neutral"),
    ],
)
def test_reporting_verbs_lemmatised_and_classed(sentence: str, person: str, verb: str, verb_class: str) -> None:
    [mention] = mentions(sentence, person)
    assert (mention.verb, mention.verb_class) == (verb, verb_class)


def test_the_object_of_a_verb_does_not_get_it() -> None:
    [found] = people_of(make_article("Maren Ilves attacked Adrian Voss over the deal."))
    assert found["Maren Ilves"][0].verb == "attack"  # type: ignore[attr-defined]
    assert found["Adrian Voss"][0].verb is None  # type: ignore[attr-defined]


def test_passive_is_not_speech() -> None:
    [mention] = mentions("Adrian Voss was accused of favouritism.", "Adrian Voss")
    assert mention.verb is None


def test_quotes_go_to_the_speaker() -> None:
    [found] = people_of(make_article("“We will invest in cranes, not in politics,” Sung Min-ho told Maren Ilves."))
    assert found["Sung Min-ho"][0].quote == "We will invest in cranes, not in politics"  # type: ignore[attr-defined]
    assert found["Maren Ilves"][0].quote is None  # type: ignore[attr-defined]


def test_quote_after_a_colon_in_a_headline() -> None:
    [found] = people_of(make_article("Adrian Voss went north.", title="Voss in Halvik: “We acted as fast as we could”"))
    [title_mention] = [m for m in found["Adrian Voss"] if m.where == "title"]  # type: ignore[attr-defined]
    assert title_mention.quote == "We acted as fast as we could"


def test_no_quote_without_a_speaker() -> None:
    [mention] = mentions("Adrian Voss called it a “front door” deal.", "Adrian Voss")
    assert mention.verb == "call"
    [mention] = mentions("The “front door” line was used against Adrian Voss.", "Adrian Voss")
    assert mention.quote is None


def test_mentions_in_comments_and_via_blocks_are_kept_apart() -> None:
    article = make_article(
        "Prime Minister Adrian Voss spoke.",
        comments=["Voss is a disgrace."],
        via=["Maren Ilves said the deal was wrong."],
    )
    [found] = people_of(article)
    assert [m.where for m in found["Adrian Voss"]] == ["body", "comment"]  # type: ignore[attr-defined]
    assert [m.where for m in found["Maren Ilves"]] == ["via"]  # type: ignore[attr-defined]


def test_mention_offsets_point_at_the_surface_in_the_sentence() -> None:
    article = make_article("Prime Minister Adrian Voss spoke. Later Voss's aides said Mr Voss was tired.")
    people_of(article)
    for person in article.people:
        for m in person.mentions:
            sentence = article.sentences[m.sentence]
            assert sentence.text[m.start : m.end] == m.surface
            assert article.body[sentence.start : sentence.end] == sentence.text


# --- the user's corrections ----------------------------------------------------------------------


def test_config_alias_is_found_in_text_and_credited() -> None:
    config = PeopleConfig(aliases={"Vladimir Putin": ["the Kremlin chief"]})
    article = make_article("Vladimir Putin spoke. Later the Kremlin chief said no.")
    people_of(article, config=config)
    [person] = article.people
    assert person.name == "Vladimir Putin"
    assert [m.surface for m in person.mentions] == ["Vladimir Putin", "the Kremlin chief"]
    assert person.mentions[1].verb == "say"
    assert "the Kremlin chief" in person.aliases


def test_config_merge_ignore_and_keep_apart() -> None:
    config = PeopleConfig(
        merge=[["Volodymyr Zelensky", "Volodymyr Zelenskiy", "Vladimir Zelensky"]],
        ignore=["Baby Boomer", "Focus Taiwan"],
        keep_apart=[["Johnny Johnson", "Johnny Johnsen"]],
    )
    one = make_article("Vladimir Zelensky spoke. A Baby Boomer listened. Focus Taiwan reported it.", name="1.txt")
    two = make_article("Volodymyr Zelenskiy spoke.", name="2.txt")
    three = make_article("Johnny Johnson met Johnny Johnsen.", name="3.txt")
    people_of(one, two, three, config=config)
    assert [p.name for p in one.people] == ["Volodymyr Zelensky"]
    assert [p.name for p in two.people] == ["Volodymyr Zelensky"]
    assert sorted(p.name for p in three.people) == ["Johnny Johnsen", "Johnny Johnson"]


def test_without_keep_apart_one_letter_variants_merge() -> None:
    three = make_article("Johnny Johnson met Johnny Johnsen.", name="3.txt")
    people_of(three)
    assert len(three.people) == 1


def test_outlet_names_are_not_people() -> None:
    wire = make_article(
        "Prime Minister Adrian Voss spoke, Meridian Wire reported.", outlet="Meridian Wire", name="1.txt"
    )
    other = make_article(
        "Meridian Wire said Adrian Voss spoke. The Duran Quick Take said so too.", outlet="The Duran", name="2.txt"
    )
    people_of(wire, other)
    assert [p.name for p in wire.people] == ["Adrian Voss"]
    assert [p.name for p in other.people] == ["Adrian Voss"]


def test_an_ordinary_word_opening_a_sentence_is_trimmed_from_a_name() -> None:
    """ "Following Trump" is not a person when other articles write "following" in lower case."""
    articles = [
        make_article("Donald Trump spoke. Following Trump, the crowd left.", name="1.txt"),
        make_article("The following day was quiet.", name="2.txt"),
        make_article("In the following week, nothing happened.", name="3.txt"),
    ]
    people_of(*articles)
    [person] = articles[0].people
    assert person.name == "Donald Trump"
    assert [m.surface for m in person.mentions] == ["Donald Trump", "Trump"]


def test_a_common_plural_ending_a_run_is_not_a_surname() -> None:
    articles = [
        make_article("James Comey wrote memos. The Comey Memos were published.", name="1.txt"),
        make_article("The memos were long.", name="2.txt"),
        make_article("More memos came.", name="3.txt"),
    ]
    people_of(*articles)
    assert [p.name for p in articles[0].people] == ["James Comey"]
    assert [m.surface for m in articles[0].people[0].mentions] == ["James Comey"]


def test_two_known_people_joined_by_a_hyphen() -> None:
    found = names("Vladimir Putin met Kim Jong-un. The Putin-Kim summit was short.")
    assert found["Vladimir Putin"] == ["Vladimir Putin", "Putin"]
    assert found["Kim Jong-un"] == ["Kim Jong-un", "Kim"]


def test_institution_tails_and_directions_are_not_people() -> None:
    assert names("The Centers for Disease Control and the Bank of Veldmark met in West Texas.") == {}


def test_a_full_name_without_a_given_name_needs_the_corpus_to_vouch_for_it() -> None:
    """ "Rite Aid" is two capitalised words but no person; "Xochitl Gálvez" becomes one when a title
    or a label marks her somewhere in the corpus."""
    assert names("Shoppers lined up at Rite Aid and Friendship Park on Sunday.") == {}
    one = make_article("Xochitl Gálvez toured the border.", name="1.txt")
    two = make_article("Opposition candidate Xochitl Gálvez spoke in Tijuana.", name="2.txt")
    people_of(one, two)
    assert [p.name for p in one.people] == ["Xochitl Gálvez"]


def test_a_name_that_speaks_needs_no_other_evidence() -> None:
    assert list(names("Hakainde Hichilema said the vote was fair.")) == ["Hakainde Hichilema"]


def test_month_names_and_the_surname_may() -> None:
    found = names("Prime Minister Theresa May spoke in May. May said the vote was on May 5. Theresa May left.")
    assert [m for m in found["Theresa May"]] == ["Theresa May", "May", "Theresa May"]


def test_a_particle_surname_alone_joins_the_full_name_across_the_corpus() -> None:
    full = make_article("Union leader Lena van der Kolk spoke.", name="1.txt")
    bare = [make_article(f"Van der Kolk said the strike would go on, day {n}.", name=f"{n + 2}.txt") for n in range(3)]
    people_of(full, *bare)
    assert {p.name for a in bare for p in a.people} == {"Lena van der Kolk"}


def test_finishing_the_registry_again_counts_nothing_twice() -> None:
    """An import finishes the registry once per batch: weak names must not be counted again each time."""
    from corpus.people import Draft, Hit, NameRegistry

    def hit(surface: str, evidence: str) -> Hit:
        return Hit(0, 0, len(surface), surface, tuple(surface.lower().replace("-", " ").split()), evidence)

    strong = [hit("Ngozi Okonjo-Iweala", "title") for _ in range(3)]
    weak = [hit("Ngozi Okonjo Iweala", "weak") for _ in range(2)]
    registry = NameRegistry()
    registry.learn(Draft(sentences=[], hits=strong + weak))
    for _ in range(3):
        registry.finish()
    assert list(registry.people()) == ["Ngozi Okonjo-Iweala"]


def test_spelling_variant_pairs_are_every_one_edit_pair_of_a_shape() -> None:
    """The deletion-variant index finds exactly the pairs that comparing every pair would."""
    rng = random.Random(5)
    stems = ["zelensky", "kowalski", "brezina", "ilvesson", "novotny"]
    keys: set[tuple[str, ...]] = set()
    for _ in range(400):
        word = rng.choice(stems)
        for _ in range(rng.randint(0, 2)):  # a substitution, insertion or deletion or two
            k = rng.randrange(len(word))
            op = rng.choice("sid")
            letter = rng.choice("aeiyk")
            word = word[:k] + (letter if op != "d" else "") + word[k + (op != "i") :]
        first = rng.choice(["anna", "jan", ""])
        keys.add((first, word) if first else (word,))
    ordered = sorted(k for k in keys if len(k[-1]) >= 6)
    expected = {
        (a, b)
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
        if len(a) == len(b) and a[:-1] == b[:-1] and _one_edit(a[-1], b[-1])
    }
    found = list(_one_edit_pairs(ordered))
    assert len(found) == len(set(found))  # each pair once
    assert set(found) == expected
    assert len(expected) > 50  # the test data has plenty of variants
