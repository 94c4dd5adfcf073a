"""Rules that are code, not patterns, through the real model on sentences of our own wording: the
sending state as origin, lists of nations, the actor's country as origin, places inside names."""

from __future__ import annotations

import pytest

from conflictmap.geo.events.cues import names_what_it_reports
from conflictmap.geo.export.fusion import feature_collection
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import EMBEDDED_LABEL

pytestmark = pytest.mark.model


def analyse(pipeline, text: str):
    [analysis] = pipeline.analyse([Document("own", text, "-", "utf-8")])
    return analysis


def speakers_of(pipeline, sentence: str) -> list[tuple[str, str]]:
    """(speaker, cue) as written of each statement of a paragraph after a line of background."""
    analysis = analyse(pipeline, "Background.\n\n" + sentence + "\n")
    return [(s.speaker_span.text, s.cue.text) for s in analysis.statements]


def test_the_sending_state_is_the_origin(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Japan sent three frigates to Libya on Tuesday, the ministry said.\n")
    [move] = analysis.movements
    assert move.origin is not None and move.origin.place is not None
    assert (move.origin.place.country_code, move.origin_basis) == ("JP", "sender")


def test_a_list_of_nations_gives_no_single_country(mini_pipeline) -> None:
    """French, Japanese and Georgian diplomats speak for no one country: not placed in Paris."""
    analysis = analyse(mini_pipeline,
                       "French, Japanese and Georgian diplomats said the border crossings would stay open.\n")
    assert [s.speaker_country for s in analysis.statements if s.speaker_country] == []


def test_the_actors_country_is_the_origin_when_the_text_gives_none(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Japanese marines were moved to Libya last week, officials said.\n")
    collection = feature_collection([analysis], mini_pipeline.gaz)
    [move] = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "movement"]
    assert move["origin_basis"] == "actor_country"
    assert move["origin"]["name"] == "Japan"


def test_a_place_opening_a_name_is_kept_but_not_drawn(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Tokyo Police said the harbour had been closed to all vessels.\n")
    embedded = [r.mention for r in analysis.places if r.mention.label == EMBEDDED_LABEL]
    assert [m.text for m in embedded] == ["Tokyo"]
    collection = feature_collection([analysis], mini_pipeline.gaz)
    [tokyo] = [f["properties"] for f in collection["features"] if f["properties"].get("name") == "Tokyo"]
    assert tokyo["named"] is False  # exported with its role; the map does not draw it
    assert [(m["text"], m["role"]) for m in tokyo["mentions"]] == [("Tokyo", "in_organisation")]


def test_whatever_follows_according_to_is_a_source(mini_pipeline) -> None:
    """A source need not be a person or a known body; a place inside its name is no affiliation."""
    analysis = analyse(mini_pipeline, "Two bridges were destroyed overnight, according to witnesses.\n"
                                      "The dam was also hit, according to a Tokyo newspaper report.\n")
    found = {s.speaker_span.text: s for s in analysis.statements}
    assert found["witnesses"].speaker_kind == "group"
    assert found["witnesses"].place is None  # found, but nothing says where: kept, not drawn
    assert found["a Tokyo newspaper report"].speaker_country is None


def test_a_documents_result_does_not_depend_on_the_other_documents_in_the_run(mini_pipeline) -> None:
    """A surname alone, a pronoun or a country learnt in one article never reaches another."""
    first = Document("first", "Marta Olsen, the Japanese trade minister, said tariffs would rise.\n", "-", "utf-8")
    second = Document("second", "Olsen said the talks had failed. She said nothing more.\n", "-", "utf-8")

    def statements(run: list[Document]) -> list[tuple]:
        by_id = {a.document.id: a for a in mini_pipeline.analyse(run)}
        return [(s.speaker, s.speaker_country, s.organization, s.place, s.basis) for s in by_id["second"].statements]

    alone = statements([second])
    assert statements([first, second]) == alone
    assert all(country is None for _, country, *_ in alone)


def test_a_place_the_speaker_visited_is_where_they_spoke(mini_pipeline) -> None:
    """The explicit place may sit on the verb the cue is joined to, not only on the cue itself."""
    analysis = analyse(mini_pipeline, "Background.\n\nThe Japanese trade minister visited Seoul and told "
                                      "reporters that grain exports would resume.\n")
    [said] = [s for s in analysis.statements if s.cue and s.cue.text == "told"]
    assert (said.place.name, said.basis) == ("Seoul", "explicit")


def test_a_place_in_another_speakers_clause_is_not_this_speakers(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\nThe Japanese envoy said the talks had failed, while the "
                                      "French minister, speaking in Odesa, said they would resume.\n")
    by_cue = {s.speaker_span.text: s for s in analysis.statements}
    envoy = next(s for words, s in by_cue.items() if "envoy" in words)
    assert envoy.place is not None and envoy.place.name == "Tokyo"  # the capital, not the other speaker's place


def test_a_listed_body_of_another_country_is_not_the_speaker(mini_pipeline) -> None:
    """A nationality word overrides a name shared with a listed organisation of another country."""
    analysis = analyse(mini_pipeline, "Background.\n\nThe Japanese ministry of defence said two frigates "
                                      "had returned.\n")
    [said] = analysis.statements
    assert said.speaker_country == "JP"
    assert said.place is not None and said.place.name == "Tokyo"


def test_a_transcript_line_names_its_speaker_but_a_label_is_no_one(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\nMaria Lopez: The second bridge is gone and the ferry "
                                      "has stopped.\n\nNote: The figures are estimates from the last week.\n")
    assert [(s.speaker, s.cue.text) for s in analysis.statements] == [("Maria Lopez", ":")]


def test_a_headline_can_carry_a_statement(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Marta Olsen: Northern ports will reopen next week\n\n"
                                      "Ferries sailed twice a day before the storm closed the harbour.\n")
    assert [(s.speaker, s.cue.text) for s in analysis.statements] == [("Marta Olsen", ":")]


@pytest.mark.parametrize(("sentence", "cues"), [
    ("The militia attacked two convoys near the border.", []),
    ("Gunmen attacked a police station in the capital, officials said.", ["said"]),
    ("The senator attacked the plan as reckless.", ["attacked"]),
    ("Drone footage showed a convoy crossing the bridge.", []),
    ("Satellite images showed dozens of tanks near the border.", []),
    ("Ministry figures showed that ferry traffic had fallen by half.", ["showed"]),
    ("Donors pledged $2m to rebuild the harbour.", []),
    ("The allies pledged two more frigates.", []),
    ("The minister pledged to reopen the harbour.", ["pledged"]),
], ids=["attack-a-convoy", "attack-a-station", "attack-a-plan", "show-a-convoy", "show-tanks", "show-that",
        "pledge-money", "pledge-ships", "pledge-to"])
def test_a_verb_reports_speech_only_in_its_speech_frames(mini_pipeline, sentence: str, cues: list[str]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.cue.text for s in analysis.statements] == cues


@pytest.mark.parametrize(("sentence", "speaker", "cue"), [
    ("The opposition leader Ana Ruiz toured the northern ports on Sunday, mocking the budget as a fraud "
     "and accusing ministers of lying.", "The opposition leader Ana Ruiz", "accusing"),
    ("The governor dodged the question, pointing to her budget and saying that the roads had been repaired.",
     "The governor", "saying"),
    ("The army left the town and the rebels returned, saying the war was over.", "the rebels", "saying"),
], ids=["conjunct-of-a-participle", "participle-chain", "nearest-subject-first"])
def test_a_participle_two_steps_from_its_subject_still_has_a_speaker(mini_pipeline, sentence: str, speaker: str,
                                                                     cue: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert (speaker, cue) in [(s.speaker_span.text, s.cue.text) for s in analysis.statements]


@pytest.mark.parametrize(("sentence", "place"), [
    ("The spokesman said the offensive in Tripoli had slowed.", None),
    ("A spokeswoman said the convoy in Kursk was hit twice.", None),
    ("The minister said in Kyiv that the bridge would reopen.", "Kyiv"),
    ("The minister told reporters in Odesa the port would reopen.", "Odesa"),
    ("The envoy said she was still in Tripoli.", "Tripoli"),
    ("The envoy, speaking during a visit to Japan, said the talks had stalled.", "Japan"),
    ('In Odesa, they are shelling the port every night," the minister said on Friday.', None),
    ("In Odesa, the minister said the port would reopen.", "Odesa"),
], ids=["in-what-is-said", "in-what-is-said-2", "said-in", "told-reporters-in", "her-own-whereabouts",
        "speaking-during-a-visit", "a-quotation-opening-with-in-x", "a-sentence-opening-with-in-x"])
def test_a_place_in_what_is_said_is_not_where_it_was_said(mini_pipeline, sentence: str, place: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert (said.place.name if said.basis == "explicit" and said.place else None) == place


@pytest.mark.parametrize(("headline", "speakers"), [
    ("Libya: Ferry Service Resumes After Storm", []),
    ("Japan: Dozens Flee As River Floods Towns", []),
    ("Pentagon: Two Supply Ships Will Sail North", ["Pentagon"]),
    ("Okafor: The Army Must Leave The Valley", ["Okafor"]),
    ("Port Chief Ruiz: We Are Ready For The Ferries", ["Port Chief Ruiz"]),
    ("Kyiv Metro: Trains Run Again", []),
    ("UNICEF's Okafor: 'The Camps Are Full'", ["UNICEF's Okafor"]),  # a person named with their body
    ("Kyiv's answer: more drones", []),
], ids=["country-label", "country-label-2", "a-body-speaks", "a-name-the-ner-missed", "a-title-and-name",
        "a-place-in-the-label", "a-bodys-person", "a-possessor-and-a-noun"])
def test_a_place_before_a_headlines_colon_names_its_topic_not_a_speaker(mini_pipeline, headline: str,
                                                                        speakers: list[str]) -> None:
    analysis = analyse(mini_pipeline, headline + "\n\nFerries sailed twice a day before the storm.\n")
    assert [s.speaker_span.text for s in analysis.statements] == speakers


@pytest.mark.parametrize(("sentence", "place", "basis"), [
    ("A Seattle police spokesman said the bridge would stay closed.", "Seattle", "affiliation"),
    ("The Britain-based monitor said that two ferries had sunk.", "United Kingdom", "affiliation"),
    ("The Georgian envoy, who grew up in Atlanta, said the talks would go on.", "Tbilisi", "affiliation"),
], ids=["town-body", "x-based", "not-a-place-in-a-relative-clause"])
def test_a_town_in_the_speakers_name_places_it_nearer_than_a_capital(mini_pipeline, sentence: str, place: str,
                                                                        basis: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert said.place is not None and (said.place.name, said.basis) == (place, basis)


@pytest.mark.parametrize("sentence", [
    "A France-backed militia said it had retaken the bridge.",
    "The Japan-allied fighters said they would hold the ridge.",
    "Ana Ruiz, an analyst on Libya, said the talks had stalled.",
    "The envoy to Lebanon said the truce was holding.",
    "An expert on Odesa said the port would reopen within a month.",
], ids=["x-backed", "x-allied", "analyst-on", "envoy-to", "town-as-topic"])
def test_a_country_the_speaker_deals_with_is_no_affiliation(mini_pipeline, sentence: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert (said.speaker_country, said.place, said.basis) == (None, None, None)


@pytest.mark.parametrize(("sentence", "place"), [
    ("A spokesman for the Japanese navy said the port was closed.", "Tokyo"),
    ("The Seattle-based monitor said that two ferries had sunk.", "Seattle"),
    ("The Libyan envoy to Lebanon said the truce was holding.", "Tripoli"),
], ids=["for-a-body", "x-based", "own-country-first"])
def test_a_speakers_own_country_still_places_it(mini_pipeline, sentence: str, place: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert said.place is not None and (said.place.name, said.basis) == (place, "affiliation")


@pytest.mark.parametrize(("sentence", "basis"), [
    ("Rebels in northern Libya said the coast road was cut.", "explicit"),
    ("Officials in eastern Ukraine said the power station was shelled overnight.", "explicit"),
    ("Historians of northern Libya said the old road was Roman.", "affiliation"),
], ids=["in-northern", "in-eastern", "of-is-no-location"])
def test_a_place_attached_to_the_speaker_may_name_a_part(mini_pipeline, sentence: str, basis: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert said.basis == basis


def test_a_body_named_as_what_the_speaker_served_on_is_still_that_countrys(mini_pipeline) -> None:
    # the listed National Security Council is the US one; "Japan's" says this one is not
    analysis = analyse(mini_pipeline, "Background.\n\nKenji Sato, a scholar who once served on Japan's "
                                      "National Security Council, said the ferries had stopped.\n")
    [said] = analysis.statements
    assert said.place is None or said.place.name != "Washington"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Six fishermen missing after storms sank two boats off the coast, coastguard says", "coastguard"),
    ("The blast, which was the first such attack in the capital, killed at least four people and wounded "
     "many more, Libyan officials said.", "Libyan officials"),
    ("The rebels were pushed back from the old fort near the river, said commander Ali Musa.",
     "commander Ali Musa"),
    ("They went home, he said on Tuesday.", "he"),
    ("\"The road is open again,\" Ana Ruiz, the county's mayor, told reporters on Friday.", "Ana Ruiz"),
    ("The road to the coast, says the mayor, is closed.", "the mayor"),
    ("The second bridge, said a police spokesman, had been mined overnight.", "a police spokesman"),
], ids=["headline", "after-a-long-clause", "inverted", "pronoun-unchanged", "whom-it-was-told-to",
        "set-off", "set-off-past"])
def test_the_speaker_beside_a_closing_cue_is_who_spoke(mini_pipeline, sentence: str, speaker: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert said.speaker_span.text.startswith(speaker) and "road" not in said.speaker_span.text
    assert "bridge" not in said.speaker_span.text


def test_a_statement_is_dated_by_its_own_verb_not_by_what_it_reports(mini_pipeline) -> None:
    import dataclasses

    from conflictmap.geo.reading.dates import Published

    text = "Background.\n\nThe ferries had stopped on Friday, the Japanese envoy said on Monday.\n"
    document = dataclasses.replace(Document("own", text, "-", "utf-8"), published=Published("2024-10-26", "given", ""))
    [analysis] = mini_pipeline.analyse([document])
    [said] = [s for s in analysis.statements if s.cue.text == "said"]
    assert (said.time.text, said.time.start) == ("Monday", "2024-10-21")


def test_a_possessive_country_in_a_sources_name_is_its_country(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\nThe ferries stopped at dawn, according to a notice "
                                      "from Japan's transport ministry.\n")
    [said] = analysis.statements
    assert said.speaker_country == "JP" and said.place is not None and said.place.name == "Tokyo"


@pytest.mark.parametrize(("sentence", "start", "end"), [
    ("Japanese marines will withdraw from Libya by December, officials said.", "2024-10-26", "2024-12-31"),
    ("Japanese marines have been deployed to Libya since May, officials said.", "2024-05-01", "2024-10-26"),
    ("Japanese marines moved to Libya in mid-October, officials said.", "2024-10-11", "2024-10-20"),
], ids=["deadline", "since", "part-of-month"])
def test_a_movements_time_keeps_the_words_that_bound_it(mini_pipeline, sentence: str, start: str, end: str) -> None:
    import dataclasses

    from conflictmap.geo.reading.dates import Published

    document = dataclasses.replace(Document("own", "Background.\n\n" + sentence + "\n", "-", "utf-8"),
                                   published=Published("2024-10-26", "given", ""))
    [analysis] = mini_pipeline.analyse([document])
    [move] = analysis.movements
    assert (move.time.start, move.time.end) == (start, end)


def test_a_kicker_before_a_colon_is_no_speaker(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\nBREAKING: Ferries stopped sailing from the northern ports.\n\n"
                                      "WATCH: The harbour emptied within an hour of the warning.\n\n"
                                      "MARTA OLSEN: We have closed every port until further notice.\n")
    assert [s.speaker_span.text for s in analysis.statements] == ["MARTA OLSEN"]


def test_a_person_placed_explicitly_is_still_there_when_they_go_on(mini_pipeline) -> None:
    filler = "The ferries stayed idle in the harbour for a week while crews waited for orders from the port."
    analysis = analyse(mini_pipeline, "Background.\n\nSpeaking in Seoul on Monday, Marta Olsen said the ports "
                                      "would reopen within days.\n\nShe added that the ferries would follow once "
                                      "the crews were back.\n\n" + f"{filler}\n\n" * 3 +
                                      "Olsen said the crews would be paid for the whole week.\n")
    places = [(s.cue.text, s.place.name if s.place else None, s.basis) for s in analysis.statements]
    assert places[0] == ("said", "Seoul", "explicit")
    assert places[1] == ("added", "Seoul", "explicit")  # the same occasion, a paragraph on
    assert places[-1][1:] != ("Seoul", "explicit")  # paragraphs later: no longer that occasion


@pytest.mark.parametrize(("sentence", "place"), [
    ("Jane Doe, reporting from Odesa, said the talks were tense.", "Odesa"),
    ("Our correspondent, reporting from Seoul, said the square was quiet.", "Seoul"),
    ("The agency, reporting that two ships had left Odesa, said the port was quiet.", None),
    ("The mayor travelled to Odesa on Monday, saying the bridge would be rebuilt.", "Odesa"),
    ("The senator traveled to Seoul last week, telling reporters the deal was close.", "Seoul"),
    ("The envoy arrived in Tokyo on Friday, warning that the talks could fail.", "Tokyo"),
    ("The minister said the grain convoy travelled to Odesa.", None),
    ("In a meeting in the port city of Odesa on Friday, the minister told her counterpart the talks would resume.",
     "Odesa"),
    ("During talks in the southern city of Tripoli, the envoy said the truce would hold.", "Tripoli"),
    ("The minister said the city of Odesa would be rebuilt.", None),
], ids=["reporting-from", "reporting-from-2", "reporting-that", "travelled-to", "traveled-to", "arrived-in",
        "travel-in-what-is-said", "city-of", "city-of-2", "city-of-in-what-is-said"])
def test_where_the_speaker_went_or_reported_from_is_where_it_spoke(mini_pipeline, sentence: str,
                                                                   place: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert (said.place.name if said.basis == "explicit" and said.place else None) == place


@pytest.mark.parametrize(("text", "place"), [
    ("Shelling hit Odesa overnight, officials there said.", "Odesa"),
    ("Power returned to most of Seoul by noon.\n\nThe city council there said repairs would take a week.", "Seoul"),
    ("Shelling hit Odesa overnight.\n\nOfficials said there was no sign of the convoy.", None),
    ("Shelling in Odesa has killed 40 people and wounded 90 since May, according to the Ministry of Interior there.",
     "Odesa"),
], ids=["officials-there", "there-the-paragraph-before", "there-in-what-is-said", "according-to-x-there"])
def test_a_speaker_there_is_at_the_place_named_just_before(mini_pipeline, text: str, place: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + text + "\n")
    [said] = analysis.statements
    assert (said.place.name if said.basis == "explicit" and said.place else None) == place


@pytest.mark.parametrize(("text", "place"), [
    ("The minister flew to Odesa on Monday.\n\nShe said on her visit to the city that the port would reopen.",
     "Odesa"),
    ("The envoy landed in Seoul at dawn. He told reporters at a briefing in the city that talks would go on.",
     "Seoul"),
    ("The minister flew to Odesa on Monday.\n\nShe said the city would be rebuilt.", None),
], ids=["visit-to-the-city", "briefing-in-the-city", "the-city-in-what-is-said"])
def test_the_city_named_before_places_a_speech_in_the_city(mini_pipeline, text: str, place: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + text + "\n")
    said = analysis.statements[-1]
    assert (said.place.name if said.basis == "explicit" and said.place else None) == place


def test_an_unfilled_template_field_is_no_speaker(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n{storyRef} He said the port would reopen.\n\n"
                                      "{{ pageTitle }} The minister told reporters the road was clear.\n")
    assert [s.speaker_span.text for s in analysis.statements] == ["He", "The minister"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Officials said on Tuesday the rebels should talk, adding that they were ready to meet.", "Officials"),
    ("The mayor said the army must leave the town, noting that the bridge was already mined.", "The mayor"),
    ("Witnesses said the soldiers burned houses, saying they were looking for rebels.", "the soldiers"),
    ("The army denied that its units had left the airport, saying they remained in control.", "The army"),
    ("The governor disputed that the bridge had fallen, saying the crossing was still open.", "The governor"),
], ids=["adding", "noting", "saying-is-no-continuation", "saying-after-a-denial", "saying-after-a-dispute"])
def test_a_speech_participle_hung_on_the_reported_clause_is_the_reporters(mini_pipeline, sentence: str,
                                                                          speaker: str) -> None:
    """Only a verb that goes on with one's own words ("adding", "noting"): "saying" may be the
    reported people's own words, except after a denial, where it gives the denier's reasons."""
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.speaker_span.text for s in analysis.statements if s.cue.text.endswith("ing")] == [speaker]


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("The president told reporters that the country would not yield and said the drill had been planned.",
     [("The president", "told"), ("The president", "said")]),
    ("The colonel insisted that the line would hold and added that reinforcements were near.",
     [("The colonel", "insisted"), ("The colonel", "added")]),
    ("The colonel insisted that the line would hold and the mayor said the town was calm.",
     [("The colonel", "insisted"), ("the mayor", "said")]),  # a conjunct with a subject of its own speaks for it
], ids=["and-said", "and-added", "own-subject"])
def test_and_said_hung_on_the_reported_clause_is_the_reporters(mini_pipeline, sentence: str,
                                                              speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


def test_a_participle_on_a_report_inside_a_report_is_not_the_outer_reporters(mini_pipeline) -> None:
    """ "Y denied it, adding ..., the agency said": whoever adds, it is not the agency."""
    text = ("Background.\n\nThe ministry denied the report, adding that the border was quiet, the state news "
            "agency said.\n")
    assert [s.speaker_span.text for s in analyse(mini_pipeline, text).statements
            if s.cue.text == "adding" and s.speaker_span.text == "the state news agency"] == []


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("A local radio station quoted the governor as saying the dam was safe.",
     [("A local radio station", "quoted"), ("the governor", "saying")]),
    ("The agency cited a senior officer as saying that the column had turned back.",
     [("The agency", "cited"), ("a senior officer", "saying")]),
    ("Ana Ruiz is a historian. According to him, the old fort fell in a day.", [("him", "According")]),
    ("Ana Ruiz is a historian. According to them, the old fort fell in a day.", [("them", "According")]),
    ("The rebels described the attack as a warning.", [("The rebels", "described")]),
], ids=["quoted-as-saying", "cited-as-saying", "according-to-him", "according-to-them", "as-no-speech"])
def test_a_source_quoted_as_saying_and_an_object_pronoun_speak(mini_pipeline, sentence: str,
                                                                speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "country"), [
    ("Carla French, a spokeswoman for the port, said the cranes were idle.", None),
    ("Tom English said the bridge would reopen.", None),
    ("French President Jean Roe said the talks would go on.", "FR"),
    ("A Russia analyst said the front was quiet.", None),
    ("An expert said the front was quiet. The Japan programme director said exports fell.", None),
    ("A US analyst said the deal was close.", "US"),
    ("A Russian analyst said the deal was close.", "RU"),
], ids=["surname-french", "surname-english", "nationality-before-a-name", "x-analyst", "x-programme",
        "abbreviation-analyst", "nationality-analyst"])
def test_a_surname_or_a_subject_of_study_is_no_nationality(mini_pipeline, sentence: str, country: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    said = analysis.statements[-1]
    assert said.speaker_country == country


@pytest.mark.parametrize("word", ["analyst", "expert", "specialist", "scholar", "researcher", "watcher",
                                  "programme", "program"])
def test_each_subject_of_study_noun_keeps_a_country_off_the_speaker(mini_pipeline, word: str) -> None:
    analysis = analyse(mini_pipeline, f"Background.\n\nThe Japan {word} Ana Ruiz said exports fell.\n")
    [said] = analysis.statements
    assert said.speaker_country is None


@pytest.mark.parametrize(("sentence", "cues"), [
    ("The agency could not independently confirm the toll.", []),
    ("The minister did not say when the bridge would reopen.", []),
    ("No official commented on the convoy.", []),
    ("The minister said the bridge would not reopen.", ["said"]),
], ids=["could-not-confirm", "did-not-say", "no-speaker", "negation-in-what-is-said"])
def test_negated_speech_is_no_statement(mini_pipeline, sentence: str, cues: list[str]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.cue.text for s in analysis.statements] == cues


@pytest.mark.parametrize(("sentence", "cues"), [
    ("Troops pushed into the city on Saturday.", []),
    ("Residents pushed for a ceasefire.", ["pushed"]),
    ("Commanders signalled a retreat from the ridge.", []),
    ("The minister signalled that talks could resume.", ["signalled"]),
    ("The army called up 5,000 reservists.", []),
    ("The general called off the attack on the port.", []),
    ("The envoy called for calm.", ["called"]),
], ids=["pushed-into", "pushed-for", "signalled-a-retreat", "signalled-that", "called-up", "called-off",
        "called-for"])
def test_a_motion_or_an_act_is_no_speech(mini_pipeline, sentence: str, cues: list[str]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.cue.text for s in analysis.statements] == cues


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("A convoy of Turkish armoured vehicles crossed into Idlib province overnight, the Syrian Monitor for Civil "
     "Liberties reported.", "the Syrian Monitor for Civil Liberties"),
    ("Two ships left the port on Monday, a spokesman for the Ministry of Defence said.",
     "a spokesman for the Ministry of Defence"),
    ("Azerbaijani troops have advanced toward the town of Lachin, Armenia's defence ministry claimed, a report Baku "
     "denied.", "Armenia's defence ministry"),
], ids=["a-name-with-for", "a-spokesman-for", "a-clause-after-the-cue"])
def test_the_comma_set_speaker_wins_over_the_parse(mini_pipeline, sentence: str, speaker: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert speaker in [s.speaker_span.text for s in analysis.statements]
    assert all(not s.speaker_span.text.startswith(("A convoy", "Two ships", "Azerbaijani troops"))
               for s in analysis.statements)


@pytest.mark.parametrize(("sentence", "place"), [
    ("Libyan state media said the port was shut.", "Tripoli"),
    ("Libyan opposition media said the port was shut.", None),
    ("Exiled Georgian journalists said the vote was rigged.", None),
    ("A Libyan exile said the vote was rigged.", None),
    ("A Libyan dissident said the vote was rigged.", None),
    ("A Libyan rebel commander said the town had fallen.", None),
    ("A Libyan insurgent said the town had fallen.", None),
    ("A Georgian separatist leader said the town had fallen.", None),
], ids=["state-media", "opposition", "exiled", "exile", "dissident", "rebel", "insurgent", "separatist"])
def test_a_speaker_against_its_government_is_not_at_its_capital(mini_pipeline, sentence: str,
                                                                place: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    [said] = analysis.statements
    assert (said.place.name if said.place else None) == place


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("In a post on its channel, the governor of the port said two drones were downed.",
     [("the governor of the port", "said")]),
    ("Speaking to a radio station, the head of the clinic said supplies were low.",
     [("the head of the clinic", "said")]),
    ("The report, a summary of the talks, said the sides were close.",
     [("The report, a summary of the talks", "said")]),
    ("Our reporter, a veteran of two wars said the town was calm.",
     [("Our reporter, a veteran of two wars", "said")]),
], ids=["after-an-opening-phrase", "after-an-opening-participle", "an-apposition-of-the-subject",
        "an-apposition-of-the-subject-unclosed"])
def test_a_speaker_set_off_after_an_opening_phrase(mini_pipeline, sentence: str,
                                                   speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize("sentence", [
    "A spokeswoman for the embassy declined to comment on the claims.",
    "The army refused to say where the convoy had gone.",
], ids=["declined-to-comment", "refused-to-say"])
def test_speech_one_refuses_is_no_statement(mini_pipeline, sentence: str) -> None:
    # neither the speech refused nor the refusal: nothing was said (as the README and every annotated set say)
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.cue.text for s in analysis.statements] == []


def test_a_refusal_beside_a_statement_leaves_the_statement(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\nThe ministry declined to discuss the convoy but said the "
                                      "soldiers were safe.\n")
    assert [(s.speaker_span.text, s.cue.text) for s in analysis.statements] == [("The ministry", "said")]


@pytest.mark.parametrize("sentence", ["Japan refused to send troops to Kyiv.",
                                      "The government declined to deploy soldiers to Odesa."])
def test_a_movement_refused_is_denied(mini_pipeline, sentence: str) -> None:
    [move] = analyse(mini_pipeline, sentence + " Officials gave no further details.\n").movements
    assert move.status == "denied"


@pytest.mark.parametrize(("sentence", "where"), [
    ("The envoy, who arrived in Kyiv on Monday, said talks would resume.", ("Kyiv", "explicit")),
    ("The envoy, who is visiting Odesa, said talks would resume.", ("Odesa", "explicit")),
    ("The envoy, who was born in Odesa, said talks would resume.", (None, None)),
], ids=["arrived-in", "is-visiting", "born-in-is-no-presence"])
def test_a_relative_clause_on_the_speaker_tells_where_they_are(mini_pipeline, sentence: str, where: tuple) -> None:
    [statement] = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n").statements
    assert (statement.place.name if statement.place else None, statement.basis) == where


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("The truce will hold, insisted the foreign minister.", [("the foreign minister", "insisted")]),
    ("Food was on its way, announced the ministry.", [("the ministry", "announced")]),
    ("The truce will hold, the minister assured the public.", [("the minister", "assured")]),
], ids=["insisted", "announced", "a-subject-and-an-object"])
def test_an_inverted_speaker_the_parser_takes_for_an_object(mini_pipeline, sentence: str,
                                                            speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("The governor was quoted as saying the dam was safe.", [("The governor", "quoted as saying")]),
    ("A senior officer was cited as saying that the column had turned back.",
     [("A senior officer", "cited as saying")]),
    # the one who quotes is the channel, not a second speaker; the cue runs from quoting to saying
    ("The governor was quoted by a local paper as saying the dam was safe.",
     [("The governor", "quoted by a local paper as saying")]),
    ("The governor was described as a cautious man.", []),
    # in the active the one who quotes stays a speaker of its own (the annotated sets differ)
    ("A local paper quoted the governor as saying the dam was safe.",
     [("A local paper", "quoted"), ("the governor", "saying")]),
], ids=["was-quoted-as-saying", "was-cited-as-saying", "quoted-by-a-channel", "described-as", "active"])
def test_one_quoted_as_saying_in_the_passive_speaks(mini_pipeline, sentence: str,
                                                    speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("The mayor blamed the militia for the fire, a charge the militia denies.",
     [("The mayor", "blamed"), ("the militia", "denies")]),
    ("Officials spoke of looting, an accusation which the army rejected.",
     [("the army", "rejected")]),
    ("The rebels kept the land the army denied them.", []),
    ("The mayor blamed the militia for the fire, which the militia denies.",
     [("The mayor", "blamed"), ("the militia", "denies")]),
], ids=["a-charge-denied", "an-accusation-rejected", "denied-something-else", "which-x-denies"])
def test_a_claim_denied_in_a_relative_clause(mini_pipeline, sentence: str, speakers: list[tuple[str, str]]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [(s.speaker_span.text, s.cue.text) for s in analysis.statements if s.cue.text != "spoke"] == speakers


@pytest.mark.parametrize(("headline", "speakers"), [
    ("Ferry crossings will restart next week: Minister", [("Minister", ":")]),
    ("No more ferries until the piers are fixed — Governor", [("Governor", "—")]),
    ("Ferry crossings restart: Day Two", []),
], ids=["colon-role", "dash-role", "a-topic-after-the-colon"])
def test_a_headline_closing_with_its_speaker(mini_pipeline, headline: str, speakers: list[tuple[str, str]]) -> None:
    text = (f"{headline}\n\nThe ferry company said on Tuesday that crossings to the outer islands would restart "
            "this week after the storm damaged two piers.\n")
    analysis = analyse(mini_pipeline, text)
    assert [(s.speaker_span.text, s.cue.text) for s in analysis.statements if s.cue.text != "said"] == speakers


@pytest.mark.parametrize(("sentence", "where"), [
    ("At an event in Odesa, the governor demanded stricter checks at the port.", "Odesa"),
    ("At a rally in Kyiv on Sunday, the senator warned of a long war.", "Kyiv"),
    ("After a ceremony in Odesa, the minister said the port would reopen.", "Odesa"),
    ("The minister said the event in Odesa had been cancelled.", None),
], ids=["event", "rally", "ceremony", "an-event-in-what-is-said"])
def test_a_public_event_places_what_is_said_there(mini_pipeline, sentence: str, where: str | None) -> None:
    [statement] = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n").statements
    assert (statement.place.name if statement.place else None) == where


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The Zorbas said the talks had failed.", "group"),
    ("Senator Tom Evans said the talks had failed.", "person"),
], ids=["the-plural-of-a-name", "a-person"])
def test_a_name_in_the_plural_after_the_is_a_group(mini_pipeline, sentence: str, kind: str) -> None:
    [statement] = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n").statements
    assert statement.speaker_kind == kind


@pytest.mark.parametrize(("text", "speakers"), [
    ("Trump: We Will Win The Port Back\n\nThe candidate spoke on Monday. Trump said the port would reopen.\n",
     ["Trump"]),
    ("Budget: The Port Needs More Money\n\nThe council met on Monday and the port stayed shut.\n", []),
], ids=["a-label-the-text-shows-speaking", "a-topic-label"])
def test_a_headline_label_the_document_shows_speaking_is_a_speaker(mini_pipeline, text: str,
                                                                   speakers: list[str]) -> None:
    statements = analyse(mini_pipeline, text).statements
    assert [s.speaker_span.text for s in statements if s.cue.text == ":"] == speakers


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The convoy was shadowed by drones for hours, one of the witnesses said.\n", "one of the witnesses", "title"),
        ("One of them said the shelling lasted all night.\n", "One of them", "title"),
        ("Two of the witnesses said the convoy turned back.\n", "Two of the witnesses", "group"),
        ("Several of the officials said the talks had failed.\n", "Several of the officials", "group"),
        ("Many of them said the soldiers left at dawn.\n", "Many of them", "group"),
        ("Three of the soldiers said the convoy turned back.\n", "Three of the soldiers", "group"),
    ],
    ids=["one-of-the-witnesses", "one-of-them", "two-of", "several-of", "many-of", "three-of"],
)
def test_one_of_a_group_speaks(mini_pipeline, text: str, speaker: str, kind: str) -> None:
    found = [(s.speaker_span.text, s.speaker_kind) for s in analyse(mini_pipeline, text).statements]
    assert (speaker, kind) in found, found


def test_a_part_of_something_else_does_not_speak(mini_pipeline) -> None:
    found = [s.speaker_span.text for s in analyse(
        mini_pipeline, "More of the budget went to the army, the report said.\n").statements]
    assert found == ["the report"], found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("TBILISI, Georgia — Georgia's government on Thursday accused Russia of moving troops, and said it "
         "would respond.\n", "Georgia's government"),
        ("KYIV, Ukraine (AP) — The Ukrainian army said on Monday that Russian troops had left Kherson.\n",
         "The Ukrainian army"),
    ],
    ids=["country-dateline", "agency-dateline"],
)
def test_a_dateline_is_not_the_speaker(mini_pipeline, text: str, speaker: str) -> None:
    found = [s.speaker_span.text for s in analyse(mini_pipeline, text).statements]
    assert found and set(found) == {speaker}, found


def test_a_name_opening_a_sentence_without_a_dateline_speaks(mini_pipeline) -> None:
    found = [s.speaker_span.text for s in analyse(
        mini_pipeline, "Georgia accused Russia of moving troops, and said it would respond.\n").statements]
    assert "Georgia" in found, found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("KYIV, Ukraine (AP) - Ministry figures show the army moved two battalions to Odesa last week.\n",
         "Ministry figures"),  # (pictures show but do not speak: no speaker to test with)
        ("TOKYO (Kyodo) - The navy said on Monday that two frigates had left Tokyo.\n", "The navy"),
        # a hyphen inside a word is no dash: the whole phrase speaks
        ("The Japan-backed rebels said they had left Tripoli.\n", "The Japan-backed rebels"),
    ],
    ids=["spaced-hyphen-dateline", "agency-hyphen-dateline", "hyphenated-word"],
)
def test_a_dateline_set_off_by_a_spaced_hyphen_is_not_in_the_speaker(mini_pipeline, text: str, speaker: str) -> None:
    assert [s.speaker_span.text for s in analyse(mini_pipeline, text).statements] == [speaker]


def test_a_quotation_begun_in_the_sentence_before_is_closed_by_its_mark(mini_pipeline) -> None:
    """A sentence that opens inside a quotation begun before it ('... ,” she said, adding that ...')
    is outside the quotation after its closing mark: the participle is her statement, not quoted words."""
    text = ("“The bridge is gone. We will have to build another one before the rains,” she said, adding that "
            "engineers had already arrived at the crossing.\n")
    assert "adding" in [s.cue.text for s in analyse(mini_pipeline, text).statements if s.cue is not None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The agency raised concerns about the safety of the convoy on Tuesday.\n", "The agency"),
        ("The mediator has given warning that the truce could collapse within days.\n", "The mediator"),
        ("The company raised money for the families of the crew.\n", None),  # no speech act as the object
        ("The pilot made a call to the base before landing.\n", None),
    ],
    ids=["raised-concerns", "given-warning", "raised-money", "made-a-call"],
)
def test_a_verb_whose_object_is_a_speech_act_is_a_statement(mini_pipeline, text: str, speaker: str | None) -> None:
    found = [s.speaker_span.text for s in analyse(mini_pipeline, text).statements if s.speaker_span is not None]
    assert found == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministry said the border would reopen on Monday.\n", "government"),
        ("The authorities said the border would reopen on Monday.\n", "government"),
        ("A local official said the border would reopen on Monday.\n", "title"),
        ("Local officials said the border would reopen on Monday.\n", "group"),
        ("The militia said the border would reopen on Monday.\n", "organisation"),
        ("The statement said the border would reopen on Monday.\n", "media"),
        ("The Pentagon said the border would reopen on Monday.\n", "government"),  # a listed state body
        ("Hezbollah said the border would reopen on Monday.\n", "organisation"),  # a listed armed group
        ("Felder said the border would reopen on Monday.\n", "person"),  # a name the model left untagged
    ],
    ids=["ministry", "authorities", "an-official", "officials", "militia", "statement", "listed-state-body",
         "listed-armed-group", "untagged-name"],
)
def test_the_speaker_is_typed_as_one_of_the_seven_kinds(mini_pipeline, text: str, kind: str) -> None:
    [statement] = analyse(mini_pipeline, text).statements
    assert statement.speaker_kind == kind


def test_every_listed_kind_is_one_of_the_seven() -> None:
    """The kinds the data gives a speaker (listed bodies, speaker nouns) are the exported seven."""
    from conflictmap.geo.lexicon import lexicon
    from conflictmap.geo.organisations import organisations

    seven = {"person", "title", "organisation", "government", "group", "media", "pronoun"}
    assert {org.kind for org in organisations()[0].values()} <= seven
    assert set(lexicon().speaker_nouns.values()) <= seven


def test_hard_wrapped_wire_copy_is_parsed_as_running_text(mini_pipeline) -> None:
    """The wrapping's line breaks are spaces to the parser: a movement whose sentence runs over them
    is read as in running text, and every offset still points into the text as written."""
    text = ("ADDIS ABABA (Reuters) - Eritrean troops have withdrawn from the Tigray\n"
            "region after a two-year deployment, a regional official said on Monday,\n"
            "while federal forces moved more units into the area around the town of\n"
            "Shire, residents told Reuters.\n\nNo one was hurt, officials said.\n")
    analysis = analyse(mini_pipeline, text)
    ends = [r.mention.text for m in analysis.movements for r in (m.origin, m.destination) if r is not None]
    assert "Shire" in ends
    assert all(text[m.source.start:m.source.end] == m.source.text for m in analysis.movements)


_BODY_BEFORE = "Officials met on Monday in the capital after a week of fighting along the coast road.\n\n"
_BODY_AFTER = "\n\nThe marines were part of a larger force, the ministry said on Tuesday.\n"


def test_a_sub_heading_inside_the_body_carries_statements_and_movements(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, _BODY_BEFORE + "Marines landed in Libya, defence chiefs say" + _BODY_AFTER)
    assert ("defence chiefs", "say") in [(s.speaker_span.text, s.cue.text) for s in analysis.statements]
    assert [(m.actor, m.destination.mention.text if m.destination else None) for m in analysis.movements] == [
        ("Marines", "Libya")]


@pytest.mark.parametrize("heading", ["What happens next", "Okafor: the early years", "Background: how it began"])
def test_a_sub_heading_of_no_statement_gives_none(mini_pipeline, heading: str) -> None:
    analysis = analyse(mini_pipeline, _BODY_BEFORE + heading + _BODY_AFTER)
    assert [s.cue.text for s in analysis.statements] == ["said"]


def test_a_sub_heading_a_body_speaks_in(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, _BODY_BEFORE + "Army chief: no retreat from the river" + _BODY_AFTER)
    assert [(s.speaker_span.text, s.cue.text) for s in analysis.statements][:1] == [("Army chief", ":")]


@pytest.mark.parametrize(("entry", "speakers"), [
    ("07:25 UTC \u2014 Libya's coastguard reports more boats off Tripoli", [("Libya's coastguard", "reports")]),
    ("06:00 UTC \u2014 Welcome", []),
    ("06:30 GMT - Welcome", []),
    ("09:45 GMT \u2013 Ministry of Defence: We have sent no troops to Libya", [("Ministry of Defence", ":")]),
], ids=["stamp-then-statement", "stamp-then-greeting", "stamp-then-greeting-2", "stamp-then-label"])
def test_a_live_blogs_time_stamp_is_no_part_of_its_entry(mini_pipeline, entry: str,
                                                        speakers: list[tuple[str, str]]) -> None:
    analysis = analyse(mini_pipeline, _BODY_BEFORE + entry + _BODY_AFTER)
    assert [(s.speaker_span.text, s.cue.text) for s in analysis.statements if s.cue.text != "said"] == speakers


@pytest.mark.parametrize(("line", "speakers"), [
    ("JONES: I told them to leave the town.", [("JONES", ":")]),  # the parser makes the label a sentence
    ("Defence Ministry: We have sent no troops to Libya", [("Defence Ministry", ":")]),
    # a body named with a possessor or by its office first
    ("Japan's foreign ministry: 'Our envoy stays in Kyiv'", [("Japan's foreign ministry", ":")]),
    ("Ministry of Defence: 'No unit has moved'", [("Ministry of Defence", ":")]),
], ids=["transcript-I", "label-we", "possessor-label", "office-first-label"])
def test_we_or_i_in_a_speakers_line_is_that_speaker_again(mini_pipeline, line: str,
                                                         speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, line) == speakers


def test_a_bullet_is_no_part_of_the_speaker(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, "• Fishermen report gunboats near the harbour" + _BODY_AFTER)
    assert ("Fishermen", "report") in [(s.speaker_span.text, s.cue.text) for s in analysis.statements]


@pytest.mark.parametrize(("sentence", "speakers"), [
    # a participle after what a denial denies is the denier's
    ("The ministry denied reports that its gunboats had entered the bay, calling them \"invented\".",
     [("The ministry", "denied"), ("The ministry", "calling")]),
    ("The embassy denied that its marines had landed on the island, saying the reports were false.",
     [("The embassy", "denied"), ("The embassy", "saying")]),
    # "and denied" the parser hung on the reported clause is the reporter's
    ("The army said its units had pulled back and denied that a single officer was taken prisoner.",
     [("The army", "said"), ("The army", "denied")]),
    # a present tense that does not agree with the reporter is the reported subject's
    ("We confirm that the militia has no link to the raid and denies the claims.", [("We", "confirm")]),
], ids=["denied-reports-calling", "denied-that-saying", "said-and-denied", "disagreeing-denies"])
def test_what_follows_a_denial_is_the_deniers(mini_pipeline, sentence: str, speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    # the parser makes the name and the phrase describing it two subjects: the name spoke
    ("KFOR, the force that guards the northern valleys, said 40 trucks crossed the bridge on Tuesday.",
     [("KFOR", "said")]),
    # a speaker phrase ends before the comma that sets it off
    ("The agency, the body that runs the crossings, said 40 trucks crossed the bridge on Tuesday.",
     [("The agency, the body that runs the crossings", "said")]),
], ids=["name-then-description", "no-trailing-comma"])
def test_a_speaker_set_off_by_commas(mini_pipeline, sentence: str, speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    # "and urged / accused / called on" hung on the reported clause is the reporter's
    ("The ministry said the shelling had stopped and urged both sides to respect the truce.",
     [("The ministry", "said"), ("The ministry", "urged")]),
    ("The governor said the town was calm and accused the rebels of spreading rumours.",
     [("The governor", "said"), ("The governor", "accused")]),
    ("The embassy said the convoy had left and called on the two militias to stop firing.",
     [("The embassy", "said"), ("The embassy", "called")]),
    ("The army said the bridge had been mined and warned drivers to stay away.",
     [("The army", "said"), ("The army", "warned")]),
    ("The group said its fighters had left and claimed the town was calm.",
     [("The group", "said"), ("The group", "claimed")]),
    # a call without its "on" or "for" is no speech
    ("The mayor said the plan had stalled and called off the vote.", [("The mayor", "said")]),
], ids=["and-urged", "and-accused", "and-called-on", "and-warned", "and-claimed", "and-called-off"])
def test_a_demand_or_charge_joined_to_the_reported_clause(mini_pipeline, sentence: str,
                                                          speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    # a straight mark written against the word before it closes a quotation begun a sentence earlier
    ('Rescuers dug all night. "We found two people. Both were alive," a rescuer told the radio.\n',
     [("a rescuer", "told")]),
    ('The road was shut at dawn. "The road is closed. Nobody can pass," he said.\n', [("he", "said")]),
    # words said inside the quotation are the quoted speaker's, not a statement of their own
    ('"They said the road was closed," the driver said.\n', [("the driver", "said")]),
    # a sentence that opens inside a quotation: "told us" is quoted; the parser hangs the real cue on it
    ('Shells fell all night. "We hid in the cellar. They burned the mill, and told us to go," a farmer '
     'from the valley told the radio.\n', [("a farmer from the valley", "told")]),
    ('Shells fell all night. "We hid. They took the boats and nets, and told us to leave," a fisherman on '
     'the coast told the radio.\n', [("a fisherman on the coast", "told")]),
], ids=["rescuer-told", "he-said", "said-inside-a-quote", "opens-inside-a-quote", "cue-hung-inside"])
def test_a_quotation_across_sentences_with_straight_marks(mini_pipeline, text: str,
                                                          speakers: list[tuple[str, str]]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + text)
    assert [(s.speaker_span.text, s.cue.text) for s in analysis.statements] == speakers


@pytest.mark.parametrize(("sentence", "speaker", "kind"), [
    ("“We sleep in the cellar now,” Maren, 38, told the radio station on Sunday.", "Maren, 38", "person"),
    ("Yusra, 23, said the ferry had not sailed for a week.", "Yusra, 23", "person"),
    ("“Nobody warned us,” Dilnoza, 35, told the agency.", "Dilnoza, 35", "person"),
    ("“Nobody came to help us,” said the 67-year-old.", "the 67-year-old", "title"),
    ("The latest said nothing about the guards.", None, None),  # an adjective is no person
    ("Harbour Street, 2019, said little about the strike.", "Harbour Street, 2019", "other"),
    ("Navy drops plan for second pier at the port, official says", "official", "title"),  # a headline's noun
], ids=["age-after-a-quote", "name-and-age", "name-the-model-misses", "year-old", "adjective", "a-year-is-no-age",
        "headline-noun-tagged-adjective"])
def test_an_age_names_a_person_and_an_adjective_can_speak(mini_pipeline, sentence: str, speaker: str | None,
                                                          kind: str | None) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [(s.speaker_span.text, s.speaker_kind) for s in analysis.statements] == ([] if speaker is None
                                                                                   else [(speaker, kind)])


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("The army launched strikes on what it called militant camps in the hills.", [("it", "called")]),
    ("The jets hit what the ministry described as weapons depots near the port.", [("the ministry", "described")]),
    ("The raid killed a senior commander, whom the army blamed for the ambush.", [("the army", "blamed")]),
    ("They destroyed what the rebels wanted most.", []),  # no speech verb
    ("The navy says it sank what it calls a smuggling boat.", [("The navy", "says")]),  # habitual: the model's
    ("Nobody knew what the minister announced.", []),  # a question, not a report
    ("He was the commander to whom the colonel reported.", []),
], ids=["called", "described-as", "whom-blamed", "not-speech", "present", "a-question", "reported-to"])
def test_what_a_speaker_called_something_is_a_statement(mini_pipeline, sentence: str,
                                                        speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("Rocket fire from the north intensified, prompting the army to warn that it would respond with force.",
     [("the army", "warn")]),
    ("The bombing forced the government to deny that talks had collapsed.", [("the government", "deny")]),
    ("The commander asked the villagers to report any movement on the road.", [("The commander", "asked")]),
    ("Any further shelling could force the council to declare a curfew.", []),  # no one has spoken
], ids=["prompted", "forced", "asked-is-no-cause", "could-force"])
def test_the_object_of_a_causative_verb_speaks_its_infinitive(mini_pipeline, sentence: str,
                                                              speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    ("The navy shot down what it said was a surveillance drone over the gulf.", [("it", "said")]),
    ("The minister shot back that the report was false.", [("The minister", "shot")]),
    ("The mayor signed a decree closing the market.", []),
    ("The president offered a reward for the capture of the commander.", []),
    ("The blast claimed the lives of 20 soldiers.", []),
    ("Beijing claims almost all of the disputed sea.", []),
    ("The militia claimed responsibility for the ambush on Monday.", [("The militia", "claimed")]),
    ("The militia claimed responsibility for the bombing of a water plant.", [("The militia", "claimed")]),
    ("The ambush was claimed by the militia on Monday.", [("the militia", "claimed")]),
    ("Patrol boats blasted the trawlers with hoses at dawn.", []),
    ("Patrol boats blasted the trawlers for hours.", []),
    ("The senator blasted the plan as reckless.", [("The senator", "blasted")]),
    ("The ministry released footage of the strike on Monday.", []),
    ("The army released a statement saying the town had fallen.", [("The army", "released")]),
    ("The ministry released a communiqué condemning the strikes.", [("The ministry", "released")]),
    ("The group split from the alliance in 2016.", []),
], ids=["shot-down", "shot-back", "signed-a-decree", "offered-a-reward", "claimed-lives", "claimed-a-sea",
        "claimed-responsibility", "claimed-responsibility-for-a-water-plant", "an-attack-claimed", "blasted-boats",
        "blasted-for-hours", "blasted-a-plan", "released-footage", "released-a-statement", "released-a-communique",
        "split-from"])
def test_an_act_named_by_a_verb_of_speech_is_no_statement(mini_pipeline, sentence: str,
                                                          speakers: list[tuple[str, str]]) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


def test_what_a_speaker_called_something_inside_another_statement_is_that_statements(mini_pipeline) -> None:
    sentence = ("The general told reporters that the jets would strike again if the militia kept up what he called "
                "its raids.")
    assert speakers_of(mini_pipeline, sentence) == [("The general", "told")]


def test_the_relative_word_that_is_the_speaker_is_not_what_is_reported(mini_pipeline) -> None:
    doc = mini_pipeline.nlp("Her brother was a reporter who wrote for a weekly paper in the north.")
    [wrote] = [t for t in doc if t.lower_ == "wrote"]
    assert not names_what_it_reports(wrote)
    doc = mini_pipeline.nlp("The army struck what it called militant camps.")
    [called] = [t for t in doc if t.lower_ == "called"]
    assert names_what_it_reports(called)


@pytest.mark.parametrize(("text", "places"), [
    ("Tomas Vidal, an exiled Libyan trade unionist, told the radio that the militia held the docks. "
     "Vidal said the port workers had not been paid. He added that the strike would go on.", [None, None, None]),
    ("Tomas Vidal, the Libyan labour minister, told the radio that the militia held the docks. "
     "Vidal said the port workers had not been paid.", ["Tripoli", "Tripoli"]),
], ids=["exiled-and-named-again", "at-home"])
def test_a_speaker_named_as_exiled_is_never_at_the_capital_however_named_again(mini_pipeline, text: str,
                                                                               places: list[str | None]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + text + "\n")
    assert [s.speaker_country for s in analysis.statements] == ["LY"] * len(places)
    assert [s.place.name if s.place else None for s in analysis.statements] == places


@pytest.mark.parametrize(("sentence", "place"), [
    ("The deputy minister told reporters at the port of Odesa that no ship had turned back.", "Odesa"),
    ("The mayor, speaking in the town of Odesa on Monday, said the shelters were full.", "Odesa"),
    ("The deputy minister said the port of Odesa was closed.", None),  # what is said, not where
], ids=["at-the-port-of", "in-the-town-of", "the-port-in-what-is-said"])
def test_a_place_named_by_its_kind_after_a_cue_is_where_it_was_said(mini_pipeline, sentence: str,
                                                                    place: str | None) -> None:
    [said] = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n").statements
    assert (said.place.name if said.place else None) == place


@pytest.mark.full
@pytest.mark.parametrize(("sentence", "seat"), [
    ("A UNAMA spokeswoman said the figures were alarming.", "Kabul"),  # a UN mission sits where it works
    ("The UN said the convoy had been attacked.", "New York City"),
    *[(f"A {body} spokesman said the situation was calm.", seat) for body, seat in [
        ("UNIFIL", "En Nâqoûra"), ("UNMISS", "Juba"), ("MONUSCO", "Kinshasa"), ("MINUSCA", "Bangui"),
        ("UNSMIL", "Tripoli"), ("UNAMI", "Baghdad"), ("UNFICYP", "Nicosia"), ("UNMIK", "Pristina")]],
    # an agency's staff speak from where they work, not from its headquarters: no seat is listed
    ("A WFP official said most families depended on food aid.", None),
], ids=["mission", "the-un", "unifil", "unmiss", "monusco", "minusca", "unsmil", "unami", "unficyp", "unmik",
        "agency-staff"])
def test_a_un_mission_speaks_from_its_own_seat(pipeline, sentence: str, seat: str | None) -> None:
    [said] = analyse(pipeline, "Background.\n\n" + sentence + "\n").statements
    assert (said.place.name if said.place else None) == seat


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "cues"), [
    ("The ministry has repeatedly denied that its ships entered the zone.", []),  # many occasions, none placed
    ("Activists have long argued that the dam flooded their villages.", []),
    ("The governor, who previously served as an envoy, said on Monday that the port was calm.", ["said"]),
    ("The ministry had previously said on March 3 in Kyiv that troops would stay.", ["said"]),  # one occasion
    ("He repeatedly said during a briefing in Odesa that the talks would continue.", ["said"]),
    ("Several neighbours have long accused Japan of arming rebels and sending fighters to Kyiv.", []),
    ("Drone videos showed that the bridge had collapsed.", []),  # pictures show, they do not speak
    ("Footage from the scene showed that the convoy had turned back.", []),
    ("A survey of farmers showed that harvests had fallen.", ["showed"]),
], ids=["repeatedly-denied", "long-argued", "previously-served", "previously-said-on-a-day",
        "repeatedly-said-during-a-briefing", "long-accused-of", "videos-showed",
        "footage-showed", "survey-showed"])
def test_habitual_speech_and_what_pictures_show_are_no_statements(mini_pipeline, sentence: str,
                                                                  cues: list[str]) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.cue.text for s in analysis.statements] == cues


@pytest.mark.model
@pytest.mark.parametrize(("text", "speakers"), [
    ("ANNA COLE, HOST: Good morning, this is the noon programme.\n\n"
     "MARK DYER, CORRESPONDENT: The army has pulled back from the river.\n", [("ANNA COLE", "person"),
                                                                              ("MARK DYER", "person")]),
    ("PETER VANCE, RETIRED BRITISH GENERAL: I doubt the line will hold.\n", [("PETER VANCE", "person")]),
    ("TOM BRANT, ANALYST: The lines are thin.\n", [("TOM BRANT", "person")]),
    ("The talks, officials say, are stuck: no date is set.\n", [("officials", "group")]),  # no turn
], ids=["host-and-correspondent", "long-role", "analyst", "no-turn"])
def test_a_broadcast_transcripts_name_and_role_open_a_turn(mini_pipeline, text: str, speakers: list) -> None:
    analysis = analyse(mini_pipeline, text)
    assert [(s.speaker_span.text, s.speaker_kind) for s in analysis.statements if s.cue.text == ":"] == [
        sp for sp in speakers if sp[1] == "person"]
    assert all(s.speaker_span.text in [sp[0] for sp in speakers] for s in analysis.statements)


@pytest.mark.model
@pytest.mark.parametrize(("headline", "speakers"), [
    ("Country profile: Japan", []),  # a place closing a headline is its topic too
    ("Grain corridor to stay open through winter: Ukraine", []),
    ("Heavy snow likely in the hills from Friday: MeT", ["MeT"]),  # an office's acronym
    ("Troops pull back from the river: AP", []),  # an agency's credit
    ("Talks on ferries to resume next month: FM", ["FM"]),
    ("Japan: Dozens flee floods in the north", []),  # a place opening a headline is its topic
    ("Floods force thousands from homes: Day Two", []),
    ("Soldiers patrol the harbour. Photo credit: AP", []),  # a picture's credit
    ("Sailors march in a parade. Credit: UNHCR", []),  # the splitter cuts at the colon
    ("Sailors march in a parade. Credit: Navy Press Office", []),
    # the line goes on: no "UK" closes it; the office opening the entry after the stamp speaks
    ("10:15 GMT – UK Foreign Office: talks must go on", ["UK Foreign Office"]),
    # a speaker typed by its noun closes a headline in lower case too
    ("Navy frigate enters Black Sea: Turkish state media", ["Turkish state media"]),
    ("Army moves two brigades to the border: local officials", ["local officials"]),
    ("The visit had two aims: trade and security", []),
    # an office's acronym after words naming its country
    ("Ferries to resume next month: Greek PM", ["Greek PM"]),
    ("'Talks will go on': Lebanese FM", ["Lebanese FM"]),
    ("Rail strike ends after talks: Day Three UPDATE", []),  # a kicker, not an office
    ("JOINT TASK FORCE – OPERATION NORTHERN SHIELD", []),  # a line in capitals, no office's acronym
], ids=["closing-country", "closing-country-2", "closing-acronym", "closing-agency", "closing-fm", "opening-place",
        "closing-words", "photo-credit", "credit-cut-at-colon", "credit-of-an-office", "line-goes-on",
        "closing-state-media", "closing-local-officials", "closing-topics", "closing-greek-pm",
        "closing-lebanese-fm", "closing-kicker", "capitals-line"])
def test_who_closes_a_headline_after_a_colon(mini_pipeline, headline: str, speakers: list[str]) -> None:
    analysis = analyse(mini_pipeline, headline + "\n\nShops reopened on Monday.\n")
    assert [s.speaker_span.text for s in analysis.statements] == speakers


@pytest.mark.model
def test_a_closing_label_closes_its_line(mini_pipeline) -> None:
    """Words after a dash are a headline's closing speaker only when the line ends with them: where the
    sentence splitter cut a live blog's "10:15 GMT - UK Foreign Office: ..." after "UK", the line goes on."""
    from conflictmap.geo.events.statements import closing_label

    doc = mini_pipeline.nlp("10:15 GMT – UK Foreign Office: talks must go on\n\nTalks to resume – Minister\n")
    cut = next(t for t in doc if t.text == "UK")
    assert closing_label(doc[0 : cut.i + 1]) is None  # the line goes on after "UK"
    line = next(t for t in doc if t.text == "Talks")
    last = next(t for t in doc if t.text == "Minister")
    label = closing_label(doc[line.i : last.i + 1])
    assert label is not None and label[0].text == "Minister"


@pytest.mark.model
@pytest.mark.parametrize(("text", "speakers"), [
    # a live blog's entry parsed on its own still opens after its time stamp
    ("09:15 GMT - Navy: Frigate leaves port", [("Navy", "government")]),
    ("14:40 GMT - Army Radio: Brigade moves north", [("Army Radio", "media")]),
    ("09:15 GMT - Frigate leaves port", []),  # no one named
], ids=["navy", "army-radio", "no-speaker"])
def test_a_live_blog_entry_after_its_stamp(mini_pipeline, text: str, speakers: list) -> None:
    analysis = analyse(mini_pipeline, "Live updates\n\n" + text + "\n\nShops reopened on Monday.\n")
    assert [(s.speaker_span.text, s.speaker_kind) for s in analysis.statements] == speakers


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "speakers"), [
    # a clause after a semicolon is a sentence of its own: the speech before it is no part of it
    ("Japan says its marines are to remain at three posts inside Libya; residents try to return home.",
     [("Japan", "says")]),
    ("Kyiv says its brigades will hold the line near Odesa; villagers try to flee.", [("Kyiv", "says")]),
    ("Residents packed their cars; the roads were jammed.", []),
], ids=["state-says", "city-says", "no-speech"])
def test_a_semicolon_ends_a_clause(mini_pipeline, sentence: str, speakers: list) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers


@pytest.mark.model
@pytest.mark.parametrize(("line", "speakers"), [
    # a name opening a short line with a quotation after the colon: the quotation is that person's
    ('Erdogan: "We will not accept this resolution!"', ["Erdogan"]),
    ("Okafor: 'Our patience has limits'", ["Okafor"]),
    ("Okafor: the early years", []),  # a section's topic
], ids=["double-quote", "single-quote", "topic"])
def test_a_name_with_a_quotation_opening_a_short_line(mini_pipeline, line: str, speakers: list) -> None:
    analysis = analyse(mini_pipeline, "Background on the talks.\n\n" + line + "\n\nShops reopened on Monday.\n")
    assert [s.speaker_span.text for s in analysis.statements] == speakers


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "kind"), [
    # a speaker typed by its noun as an outlet
    ("The talks will resume on Monday, state radio said.", "media"),
    ("The talks will resume on Monday, state TV said.", "media"),
    ("The public broadcaster said the talks would resume on Monday.", "media"),
    ("A local newspaper reported that the talks would resume on Monday.", "media"),
], ids=["radio", "tv", "broadcaster", "newspaper"])
def test_outlets_typed_by_their_noun(mini_pipeline, sentence: str, kind: str) -> None:
    analysis = analyse(mini_pipeline, "Background.\n\n" + sentence + "\n")
    assert [s.speaker_kind for s in analysis.statements] == [kind]


@pytest.mark.model
@pytest.mark.parametrize(("text", "speakers"), [
    # a turn with a note in brackets before its colon: the name before the bracket speaks
    ("UNIDENTIFIED FARMER (through translator): The column drove off before dawn.\n", ["UNIDENTIFIED FARMER"]),
    ("LOCAL TEACHER (through an interpreter): We hid in the school for two days.\n", ["LOCAL TEACHER"]),
    ("MAI LIN, DEFENCE OFFICIAL (via interpreter): The border is calm.\n", ["MAI LIN"]),
    ("OLEG DANKO, VILLAGE HEAD (through translator): Nobody came back.\n", ["OLEG DANKO"]),
    # a broadcaster's transcript label opening a line is no one
    ("Transcript: Tuesday, November 3, 2026, 8:00 p.m. ET\n\nThe talks went on late.\n", []),
    ("Border tensions rise\n\nBroadcast: Thursday 3 December 2026, 6:00pm AEDT\n\nThe talks went on late.\n", []),
    ("Border tensions rise\n\nSummary: The army says it has sent more troops to forward areas near the pass for "
     "now.\n\nThe talks went on late.\n", ["The army"]),
], ids=["through-translator", "through-an-interpreter", "role-through-interpreter", "role-through-translator",
        "transcript-label", "broadcast-label", "summary-label"])
def test_a_transcript_turn_with_a_note_in_brackets(mini_pipeline, text: str, speakers: list) -> None:
    assert [s.speaker_span.text for s in analyse(mini_pipeline, text).statements] == speakers


@pytest.mark.parametrize(("sentence", "speakers"), [
    # a request for anonymity is no statement
    ("One of the medics asked not to be publicly named.", []),
    ("A second soldier asked not to be formally identified.", []),
    ("The minister asked parliament to approve the deployment.", [("The minister", "asked")]),
    # thanking someone is no claim; what the thanker says next is
    ("Colonel Ruiz thanked the Rwandan government for its help and said the town was safe.",
     [("Colonel Ruiz", "said")]),
    ("The mayor thanked the volunteers for their work.", []),
], ids=["anonymity-named", "anonymity-identified", "asked-parliament", "thanked-and-said", "thanked"])
def test_anonymity_and_thanks_are_no_statements(mini_pipeline, sentence: str, speakers: list) -> None:
    assert speakers_of(mini_pipeline, sentence) == speakers
