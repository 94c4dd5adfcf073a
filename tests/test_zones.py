"""Page furniture is recognised by general rules; offsets always index the original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictmap.geo.reading.zones import Zone, classify, heading_segments, parsed_segments, sentence_cased

PAGE = """Share this
Rebels seize border crossing in eastern Congo
By Jane Doe
12 March 2025 - 08:15
(FILES) Fighters patrol a road near Goma in this file photo. Picture: AFP via Getty Images
GOMA, Congo (Reuters) - Rebels seized a border crossing with Rwanda on Tuesday, officials said, as fighting spread.
The army said it would retake the town. "We will not give up," a spokesman said on Wednesday evening.
Regional Leaders Meet
Leaders of the region met in Nairobi to discuss a ceasefire and the return of refugees to their homes.
The army said it would retake the town. "We will not give up," a spokesman said on Wednesday evening.
Subscribe to our newsletter for the latest updates.
Most Read
Rebels and army trade blame
Sign in to comment
"""


def test_zones_of_a_scraped_page() -> None:
    zones = [(p.zone, p.text(PAGE)) for p in classify(PAGE)]
    by_text = {text[:25]: zone for zone, text in zones}
    assert by_text["Share this"] is Zone.FURNITURE
    assert by_text["Rebels seize border cross"] is Zone.HEADLINE
    assert by_text["By Jane Doe"] is Zone.FURNITURE
    assert by_text["12 March 2025 - 08:15"] is Zone.FURNITURE
    assert by_text["(FILES) Fighters patrol a"] is Zone.CAPTION
    assert by_text["GOMA, Congo (Reuters) - R"] is Zone.BODY
    assert by_text["Regional Leaders Meet"] is Zone.HEADING
    assert by_text["Subscribe to our newslett"] is Zone.FURNITURE
    assert by_text["Most Read"] is Zone.FURNITURE
    assert by_text["Rebels and army trade bla"] is Zone.FURNITURE  # trailer after the article
    army = [z for z, t in zones if t.startswith("The army said")]
    assert army == [Zone.BODY, Zone.DUPLICATE]


def test_offsets_index_the_original_text() -> None:
    """Every non-blank line is exactly one paragraph, in order, its offsets cutting it out of the
    page with no surrounding whitespace."""
    lines = [line for line in PAGE.splitlines() if line.strip()]
    paragraphs = classify(PAGE)
    assert [p.text(PAGE) for p in paragraphs] == [line.strip() for line in lines]
    assert [p.start for p in paragraphs] == sorted(p.start for p in paragraphs)
    for p in paragraphs:
        assert not PAGE[p.start].isspace() and not PAGE[p.end - 1].isspace()


def test_furniture_and_duplicates_are_never_parsed() -> None:
    """The model is given runs of paragraphs that may hold something, cut at furniture."""
    segments = parsed_segments(classify(PAGE))
    parsed = "".join(PAGE[s:e] for s, e in segments)
    assert "Subscribe" not in parsed and "By Jane Doe" not in parsed and "Share this" not in parsed
    assert parsed.count("The army said it would retake the town") == 1  # the duplicate is not parsed again
    assert "GOMA, Congo (Reuters)" in parsed and "Rebels seize border crossing" in parsed
    assert segments == sorted(segments) and all(s < e for s, e in segments)


def test_a_headline_joining_two_events_is_parsed_whole_and_clause_by_clause() -> None:
    text = ("Navy sends frigate to Tripoli as rebels pull back while talks resume\n\n"
            "The navy said on Monday that the frigate would stay for a week, officials said.\n")
    pieces = [text[s:e] for s, e in heading_segments(classify(text), text)]
    assert pieces == ["Navy sends frigate to Tripoli as rebels pull back while talks resume",
                      "Navy sends frigate to Tripoli", "rebels pull back", "talks resume"]
    # "deployed as peacekeepers": a one-word side is no clause
    text = "Troops deployed as peacekeepers\n\nThe troops arrived on Monday, officials said in a statement.\n"
    assert [text[s:e] for s, e in heading_segments(classify(text), text)] == ["Troops deployed as peacekeepers"]


def test_seed_furniture() -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [(p.text(text), p.zone) for p in classify(text)]
        for par, zone in paragraphs:
            if par in ("SUBSCRIBE NOW", "Latest Stories", "Most Read", "Latest Posts", "• facebookfacebook"):
                assert zone is Zone.FURNITURE, (path.name, par)
        assert any(zone is Zone.BODY for _, zone in paragraphs)


def test_share_buttons_and_photo_credits() -> None:
    """A line of share buttons is furniture, whether the scraper glued them or spaced them."""
    page = ("Facebook Twitter Email\n"
            "Medics carry a stretcher past a checkpoint in this photo taken on Monday. via REUTERS\n"
            "Medics carried the wounded past the checkpoint on Monday, a spokeswoman for the hospital said.\n")
    zones = [p.zone for p in classify(page)]
    assert zones == [Zone.FURNITURE, Zone.CAPTION, Zone.BODY]


# our own wire story, hard-wrapped at under 70 characters, paragraphs marked by an indent
WRAPPED = """Frigates leave port as talks stall

By A Reporter

OSLO, May 4 - The navy said on Thursday that two of its frigates had
left their home port near Bergen for the Barents Sea, where they will
join an exercise that officials described as routine and long planned.
  A spokesman said the ships would return within a month and that no
further deployments were planned before summer was out.
"""


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    zones = [(p.zone, p.text(WRAPPED)) for p in classify(WRAPPED)]
    body = [text for zone, text in zones if zone is Zone.BODY]
    assert len(body) == 2, zones
    assert body[0].startswith("OSLO") and body[0].endswith("long planned.")  # three lines, one paragraph
    assert body[1].startswith("A spokesman") and body[1].endswith("summer was out.")  # the indent starts a paragraph
    assert (Zone.HEADLINE, "Frigates leave port as talks stall") in zones


def test_one_paragraph_a_line_is_not_joined() -> None:
    """A scraped page of short paragraphs, one a line and each ending its sentence: nothing is wrapped."""
    page = (
        "Frigates leave port\n"
        "OSLO - The navy said on Thursday that two of its frigates had left their home port.\n"
        "They will join an exercise that officials described as routine and long planned.\n"
        "A spokesman said the ships would return within a month, as they did last year.\n"
        "No further deployments are planned before summer is out, he told us.\n"
    )
    assert len([p for p in classify(page) if p.zone is Zone.BODY]) == 4


def test_an_unfilled_template_field_is_furniture_of_its_own() -> None:
    page = "Rebels Take The Ridge\n\n{storyRef} The rebels said they had taken the ridge after two days of fighting.\n"
    pieces = [(p.text(page), p.zone) for p in classify(page)]
    assert ("{storyRef}", Zone.FURNITURE) in pieces
    assert ("The rebels said they had taken the ridge after two days of fighting.", Zone.BODY) in pieces


def test_a_short_sentence_is_body_and_a_title_is_not() -> None:
    page = ("Rebels Take The Ridge\n\nThe rebels said on Monday that they had taken the ridge above the town.\n\n"
            "Troops left the town.\n\nThe road stays shut.\n")
    zones = {p.text(page): p.zone for p in classify(page)}
    assert zones["Troops left the town."] is Zone.BODY
    assert zones["The road stays shut."] is Zone.BODY
    assert zones["Rebels Take The Ridge"] is Zone.HEADLINE


@pytest.mark.parametrize("snippet", ["Rebels take the ridge", "Troops cross the river at dawn"])
def test_a_text_with_no_body_is_read_as_body(snippet: str) -> None:
    assert [p.zone for p in classify(snippet + "\n")] == [Zone.BODY]


def test_a_short_question_is_still_a_title() -> None:
    page = ("Ruritania: From Revolt to Ruin?\n\nThe rebels said on Monday that they had taken the ridge above the "
            "town after two days of fighting.\n")
    zones = {p.text(page): p.zone for p in classify(page)}
    assert zones["Ruritania: From Revolt to Ruin?"] is Zone.HEADLINE


def test_a_scrapers_field_labels_and_web_addresses_are_furniture_of_their_own() -> None:
    text = ("TITLE: Ferry service to the islands resumes after storm LINK: https://example.org/news/ferry-1234 "
            "The ferry company said on Tuesday that crossings to the outer islands would restart this week after "
            "the storm damaged two piers, and that tickets bought for cancelled sailings would be honoured.\n")
    pieces = [(p.zone, p.text(text)) for p in classify(text)]
    assert pieces[:4] == [(Zone.FURNITURE, "TITLE:"),
                          (Zone.HEADLINE, "Ferry service to the islands resumes after storm"),
                          (Zone.FURNITURE, "LINK:"), (Zone.FURNITURE, "https://example.org/news/ferry-1234")]


def test_a_label_word_inside_a_sentence_is_not_split_off() -> None:
    text = ("Background paragraph.\n\nThe report carried a plain title: it asked whether the ferry company had "
            "kept its promises to the islanders over the winter, and it answered that it had not.\n")
    assert [p.text(text) for p in classify(text)][-1].startswith("The report carried a plain title: it asked")


def test_a_long_wire_story_with_an_agency_credit_is_body_not_a_caption() -> None:
    story = ("PORTVILLE (AP) - The ferry company said on Tuesday that crossings would restart. " * 8
             + "An image of the damaged pier was shared widely online.")
    text = f"Ferry service resumes\n\n{story}\n"
    assert [p.zone for p in classify(text)][-1] is Zone.BODY


@pytest.mark.parametrize("label", ["TITLE", "LINK", "URL", "SOURCE", "Source"])
def test_each_field_label_is_furniture(label: str) -> None:
    text = (f"{label}: Ferry service resumes after the storm\n\n"
            "The ferry company said on Tuesday that crossings to the outer islands would restart this week.\n")
    assert (Zone.FURNITURE, f"{label}:") == next((p.zone, p.text(text)) for p in classify(text))


def test_a_web_address_inside_a_sentence_stays_in_it() -> None:
    text = ("Background paragraph.\n\nThe company said timetables would be posted at https://example.org/ferries "
            "before the first sailing on Friday, and that the old tickets would be honoured.\n")
    assert [p.text(text) for p in classify(text)][-1].startswith("The company said timetables would be posted at https")


def test_unwrapped_turns_only_the_wrappings_breaks_into_spaces() -> None:
    from conflictmap.geo.reading.zones import unwrapped

    text = ("Government troops pushed toward the river port on Monday and took\n"
            "positions near the old bridge, officials said, while rebels moved\n"
            "their heavy guns to the hills above the town overnight.\n"
            "\n"
            "A short closing line.\n")
    flat = unwrapped(text)
    assert len(flat) == len(text)
    assert "took positions" in flat and "moved their" in flat
    assert "overnight.\n\nA short" in flat  # a paragraph's end stays a break
    assert unwrapped("One paragraph on one line.\nAnother one.\n") == "One paragraph on one line.\nAnother one.\n"


@pytest.mark.parametrize("label", ["Image caption,", "Media caption,"])
def test_a_broadcasters_caption_label_makes_a_caption(label: str) -> None:
    page = ("Ferry service resumes\n\n"
            "The ferry company said on Tuesday that crossings to the outer islands would restart this week.\n\n"
            f"{label} Soldiers crossed the bridge into the town in May\n\n"
            "The company said the pier had been repaired after the storm damaged it in the spring.\n")
    assert [p.zone for p in classify(page)][2] is Zone.CAPTION


@pytest.mark.parametrize(("paragraph", "zone"), [
    ("The inquiry recommended that the two battalions stay at the airfield until the spring, the minister said.",
     Zone.BODY),
    ("Reservists who sign up this month will be sent to the training grounds near the coast, an officer told us.",
     Zone.BODY),
    ("“Follow us,” the sergeant told the villagers, and led them across the bridge to the waiting lorries.",
     Zone.BODY),
    ("A report published on Friday by the monitoring group counted more than forty drone strikes in the region.",
     Zone.BODY),
    ("Trending: the ten pictures from the front line that everyone is sharing this week across the world.",
     Zone.FURNITURE),
    ("Want our reporting in your inbox every morning? Sign up for the daily briefing and never miss a story.",
     Zone.FURNITURE),
    ("Related stories: ceasefire talks resume", Zone.FURNITURE),
    ("We use cookies to improve your experience on our site and to show you offers that suit your interests.",
     Zone.FURNITURE),
], ids=["recommended", "sign-up", "quoted", "published-on", "opening", "opening-a-sentence", "short", "cookies"])
def test_a_word_news_also_uses_is_furniture_only_opening_a_sentence_or_a_short_line(paragraph: str,
                                                                                     zone: Zone) -> None:
    text = "Background of the story.\n" + paragraph + "\nThe end of the story, as reported by the agency.\n"
    [_, middle, _] = classify(text)
    assert middle.zone is zone


def test_a_title_case_headline_is_parsed_as_a_sentence() -> None:
    text = ("Navy Frigates Sail To Tripoli As Talks Stall\n\nBy ANA RUIZ, STAFF WRITER FOR THE POST\n\n"
            "PUBLISHED: 10:15 EDT | UPDATED: 11:40 EDT\n\nThe Frigates Sail At Dawn, officials said.\n")
    cased = sentence_cased(text, classify(text))
    assert len(cased) == len(text)
    lines = cased.splitlines()
    # function words and the words of movements in lower case; the first word, names and other words stay
    assert lines[0] == "Navy frigates sail to Tripoli as Talks Stall"
    assert lines[2:5] == text.splitlines()[2:5]  # a byline and page machinery stay as written
    assert lines[6] == text.splitlines()[6]  # a sentence of the body stays as written


@pytest.mark.parametrize(("line", "zone"), [
    # a credit of several people, or with the place or outlet, is a byline however long
    ("by Ana Rossi with Tomas Berg in Kinshasa", Zone.FURNITURE),
    ("By Lena Hart and Omar Saleh, Reuters", Zone.FURNITURE),
    # a headline in title case that opens with "By" is none
    ("By Land And Sea: Rebels Head For Goma", Zone.HEADLINE),
], ids=["with-in", "and-outlet", "title-case-headline"])
def test_a_byline_of_several_names(line: str, zone: Zone) -> None:
    text = (f"Rebels push towards Goma as talks stall\n\n{line}\n\n"
            "GOMA - Rebel fighters advanced towards the city on Monday, residents said.\n")
    assert classify(text)[1].zone is zone
