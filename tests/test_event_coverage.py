"""Classes of general political event language the coder covers (issue #15, PLOVER goals): reported
speech, readiness, light verbs, groups named through their country. Sentences written for these tests."""

from __future__ import annotations

from test_events_extract import code


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def test_a_pronoun_in_reported_speech_is_the_speaker() -> None:
    halted = roots(code("Norway said on Friday it had suspended military aid to Chad."), "16")
    assert halted and halted[0].source.code == "NOR" and halted[0].target.code == "TCD"
    # Inside quotation marks "he" is someone else; "I" and "we" are the speaker.
    assert not [e for e in code('"He will visit Chad," the Norwegian minister said.') if e.cameo == "042"]
    assert roots(code('"We apologize to Chad," Norway said in a statement.'), "055")


def test_an_announced_own_act_is_an_intent() -> None:
    events = code("Chile announced it will return the seized equipment to Peru.")
    intents = roots(events, "03")
    assert intents and intents[0].source.code == "CHL" and intents[0].status == "happened"
    # another's future act is a forecast, not the speaker's intent
    assert not roots(code("Chile said Peru will return the seized equipment."), "03")
    assert not roots(code("Chile said it would not return the seized equipment."), "03")


def test_readiness_to_act_is_an_intent() -> None:
    ready = roots(code("Ghana is ready to provide aid to Liberia, the minister said."), "03")
    assert ready and ready[0].source.code == "GHA"
    assert roots(code("Syria says it is willing to withdraw its troops from Lebanon."), "03")
    # a past readiness read by the author is no reported intent
    assert not roots(code("The fact that he was willing to fly to Chile shows his resolve."), "03")


def test_bodies_the_actor_layer_leaves_uncoded_are_coded_by_name() -> None:
    refused = roots(code("UNITA refused to release the captured observers."), "12")
    assert refused and refused[0].source.code.endswith("REB")
    demanded = roots(code("The European Community demanded the withdrawal of Serbian forces."), "10")
    assert demanded and demanded[0].source.code.startswith("IGO")


def test_officers_of_international_bodies_act_for_them() -> None:
    events = code("U.N. Secretary-General Kofi Annan met Iraqi officials in Baghdad on Monday.")
    assert [e for e in roots(events, "04") if (e.source.code or "").startswith("IGO")]


def test_minorities_are_coded_by_the_country_they_live_in() -> None:
    events = code("Hundreds of ethnic Albanians demonstrated in Serbia on Tuesday.")
    assert [e for e in roots(events, "14") if (e.source.code or "").startswith("SRB")]
    events = code("The Albanians of southern Serbia protested against the new law.")
    assert all(not (e.source.code or "").startswith("ALB") for e in events)


def test_a_role_group_gets_the_country_its_phrase_names() -> None:
    events = code("Seven opposition parties in Nepal organized a general strike on Monday.")
    assert [e for e in roots(events, "14") if (e.source.code or "").startswith("NPL")]
    events = code("Rebels in the Ivory Coast blocked roads on Tuesday.")
    assert [e for e in roots(events, "14") if (e.source.code or "").startswith("CIV")]


def test_peoples_and_unlabelled_groups_are_coded() -> None:
    demanded = roots(code("Igbo traditional elders have demanded the release of the detained chiefs."), "10")
    assert demanded and demanded[0].source.code.startswith("NGA")
    assert "elders" in demanded[0].source.name
    events = code("The pro-Iranian Hizbollah group declared a ceasefire in south Lebanon on Monday.")
    assert [e for e in roots(events, "087") if (e.source.code or "").startswith("LBN")]


def test_light_verbs_with_event_nouns() -> None:
    welcome = roots(
        code("President Keita gave a warm welcome on Monday to Ghanaian President Mahama."), "043"
    )
    assert welcome and welcome[0].target.code.startswith("GHA")
    suspension = roots(code("Portugal announced a suspension of air links with Angola on Friday."), "16")
    assert suspension and suspension[0].target.code == "AGO"
    assert roots(code("Kenya's high court opened an inquiry into the killings on Tuesday."), "09")
    banned = roots(code("Peruvian police prevented a demonstration by students in Lima."), "172")
    assert banned and banned[0].source.code.startswith("PER")


def test_a_state_the_subject_is_in() -> None:
    opposed = roots(code("Chile is opposed to Peruvian mediation in the border dispute."), "12")
    assert opposed and opposed[0].source.code == "CHL" and opposed[0].target.code == "PER"
    assert not roots(code("Chile is opposed to the new mining law."), "12")  # no party opposed named


def test_upgraded_ties_and_received_observers() -> None:
    ties = roots(code("Chile and Bolivia have upgraded their diplomatic ties to ambassadorial level."), "05")
    assert {e.source.code for e in ties} == {"CHL", "BOL"}
    observers = roots(code("Bolivia received a mission of observers from the OSCE on Monday."), "086")
    assert observers and observers[0].source.code == "BOL"


def test_a_document_speaks_for_who_issued_it() -> None:
    events = code("The Tamil Tigers issued a declaration demanding that Sri Lanka free its prisoners.")
    assert [e for e in roots(events, "10") if e.target and e.target.code == "LKA"]


def test_a_statement_noun_whose_clause_says_someone_must_act() -> None:
    events = code("Chile issued a stern reminder to Peru that it must respect the border treaty.")
    demands = roots(events, "10")
    assert demands and demands[0].source.code == "CHL" and demands[0].target.code == "PER"


def test_announced_future_boycott_is_a_threat() -> None:
    events = code("Bolivian leaders said they would boycott all official contact with Chile.")
    threats = roots(events, "13")
    assert threats and threats[0].source.code.startswith("BOL") and threats[0].target.code == "CHL"


def test_measured_aid_and_permission_given_to_someone_named() -> None:
    aid = roots(code("Swiss doctors handed over 700 kg of medicine to the Red Cross in Ghana."), "07")
    assert aid and aid[0].source.code.startswith("CHE")
    refused = roots(code("UNITA refused to allow United Nations planes to land in Huambo."), "12")
    assert refused and refused[0].target.code.startswith("IGO")


def test_attacks_whose_doers_are_not_named() -> None:
    killed = roots(code("Four Malian soldiers were killed in a roadside bombing near Gao on Sunday."), "18")
    assert killed and killed[0].source.code.endswith("UAF") and killed[0].target.code.startswith("MLI")
    bombed = roots(code("A car bomb killed two Nigerian policemen in Maiduguri."), "18")
    assert bombed and bombed[0].source.name.startswith("unidentified attackers")
    assert not roots(code("Two Nigerian students were killed in a car crash in Lagos."), "18")


def test_supporters_are_a_group_of_their_leaders_country() -> None:
    events = roots(
        code("About 200 supporters of former President Ahmed Ben Bella blocked roads in Algiers."), "14"
    )
    assert events and events[0].source.code == "DZACVL" and "supporters" in events[0].source.name


def test_titles_with_central_asian_and_balkan_demonyms() -> None:
    events = roots(
        code("Kyrgyz Prime Minister Nikolai Tanaev received observers from the OSCE on Monday."), "086"
    )
    assert events and events[0].source.code.startswith("KGZ")
    events = roots(code("Afghan rebel leaders met U.N. envoys in Peshawar on Friday."), "04")
    assert [e for e in events if e.source.code == "AFGREB"]
    assert roots(code("Croat forces shelled Bosnian positions near Mostar."), "19")[0].target.code.startswith(
        "BIH"
    )


def test_a_body_meeting_alone_meets_no_one_named_later() -> None:
    events = code("Israel's Cabinet met Sunday and decided to ban candidates from the group Hamas.")
    assert not [e for e in roots(events, "04") if e.target is not None]


def test_an_announced_act_with_unless_is_an_ultimatum() -> None:
    events = code("Ghana announced that it will withdraw its troops from Togo unless the rebels disarm.")
    assert [e for e in roots(events, "139") if e.source.code == "GHA"]


def test_what_is_answered_names_who_made_it() -> None:
    events = roots(
        code("Rebels in Chad dismissed an appeal from President Deby to lay down their arms."), "12"
    )
    assert events and events[0].target is not None and "Deby" in events[0].target.name
    opposed = roots(
        code("Israel is opposed to French mediation in the talks with Syria, an aide said."), "12"
    )
    assert opposed and opposed[0].source.code == "ISR" and opposed[0].target.code == "FRA"


def test_second_level_targets_and_accepted_settlements() -> None:
    hacked = roots(
        code("North Korea has tried to hack into the computers of South Korean army officers."), "17"
    )
    assert hacked and hacked[0].target.code.startswith("KOR")
    called = code("Archbishop Tutu called for sanctions against Nigeria on Sunday.")
    assert [e for e in called if e.target and e.target.code == "NGA"]
    accepted = roots(
        code("Denmark today accepted a formula for ending its fisheries dispute with Norway."), "03"
    )
    assert accepted and accepted[0].source.code == "DNK"
    banned = roots(
        code("President Museveni threatened to ban Ugandan opposition candidates from the vote."), "13"
    )
    assert banned and banned[0].target.code.startswith("UGA")


def test_protest_nouns_against_someone_and_arrests_by_a_place() -> None:
    riots = roots(code("Palestinian riots against Israeli military policies are still continuing."), "14")
    assert riots and riots[0].source.code.startswith("PSE") and riots[0].target.code.startswith("ISR")
    assert not roots(code("The riots are still continuing in the city."), "14")  # no one named
    arrested = roots(code("A Canadian missionary was arrested in Lebanon on Monday."), "17")
    assert arrested and arrested[0].source.code == "LBNGOV" and arrested[0].target.code == "CAN"
    killed = roots(code("A roadside bombing near Gao killed one French soldier on Sunday."), "18")
    assert killed and killed[0].target.code.startswith("FRA")


def test_plover_type_of_planned_acts() -> None:
    aid = roots(code("The United Nations will provide food aid to refugees in Chad."), "07")
    assert aid and aid[0].status == "planned" and aid[0].plover == "AGREE"
    restrict = roots(code("Greece plans to impose restrictions on workers from Bulgaria."), "17")
    assert restrict and restrict[0].plover == "THREATEN"
    expected = roots(code("Kim is expected to visit Russia next month."), "04")
    assert all(e.plover == "CONSULT" for e in expected)  # someone else's expectation is no undertaking


def test_findings_broken_commitments_and_halted_mediation() -> None:
    found = roots(
        code("The African Water Forum concluded on Saturday that Chile must allocate more money to Bolivia."),
        "10",
    )
    assert found and found[0].target.code == "CHL"
    reneged = roots(code("President Banda has reneged on his commitment to the Malawian people."), "12")
    assert reneged and reneged[0].target.code.startswith("MWI")
    halted = roots(code("Norway halted its mediation efforts between Sudan and Chad on Monday."), "165")
    assert halted and halted[0].source.code == "NOR"


def test_uncoded_bodies_named_as_associations_or_after_a_people() -> None:
    events = code("The Association of Andean Jurists investigated the welfare of Peruvian prisoners.")
    assert [e for e in roots(events, "09") if e.source.code == "NGO"]
    events = code("Palestinian Islamic Jihad rejected an invitation from Egypt to attend the talks.")
    assert [e for e in roots(events, "12") if (e.source.code or "").startswith("PSE")]


def test_withdrawn_missions_and_gatherings_for_a_rally() -> None:
    events = code("The OSCE announced on Monday that it will withdraw its observers from Georgia.")
    assert [e for e in events if e.cameo.startswith("13") and e.target and e.target.code == "GEO"]
    rally = roots(code("Thousands of Kenyans were converging on Thursday for a rally in Nairobi."), "14")
    assert rally and rally[0].source.code.startswith("KEN")


def test_unidentified_attackers_take_the_country_where_they_struck() -> None:
    killed = roots(code("Three Kenyan soldiers were killed by a roadside bomb outside Mogadishu."), "18")
    assert killed and killed[0].source.code == "SOMUAF" and killed[0].target.code.startswith("KEN")


def test_conditional_acts_ruled_out_acts_and_arriving_peacekeepers() -> None:
    halt = roots(code("The African Union said it may halt its aid to Chad if the fighting resumes."), "16")
    assert halt and halt[0].plover == "THREATEN"
    ruled_out = code("Chilean officials said that lifting the sanctions on Bolivia is out of the question.")
    assert [e for e in roots(ruled_out, "12") if e.target and e.target.code == "BOL"]
    arrived = roots(code("The first Ghanaian peacekeeping troops have arrived in Liberia."), "07")
    assert arrived and arrived[0].target.code == "LBR"


def test_asylum_evacuations_and_settlers() -> None:
    asylum = roots(code("Some 5,000 Chadian refugees sought asylum in Cameroon last month."), "02")
    assert asylum and asylum[0].target.code == "CMR"
    evacuated = roots(
        code("U.N. helicopters evacuated the wounded from the besieged Bosnian town of Srebrenica."), "07"
    )
    assert evacuated and evacuated[0].target.code.startswith("BIH")
    burned = code("Jewish settlers set fire to the offices of the Palestinian administrators in Hebron.")
    assert [
        e for e in roots(burned, "18") if e.source.code.startswith("ISR") and e.target.code.startswith("PSE")
    ]


def test_withdrawn_peacekeepers_and_no_guessed_target_for_a_named_patient() -> None:
    events = roots(code("Eighty Fijian peacekeepers were withdrawn from southern Lebanon on Friday."), "16")
    assert events and events[0].source.code == "FJI" and events[0].target.code == "LBN"
    arrested = code(
        "A Christian missionary from Calgary was arrested in Lebanon for collaborating with Israel."
    )
    assert not [e for e in arrested if e.target and e.target.code == "ISR"]
