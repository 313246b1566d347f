"""Readings of real news found in session 24 (each general, each failing before its change)."""

import datetime as dt

from tests.extract_helpers import told_acts
from tracker.extract import extract

events = told_acts


def test_a_person_who_goes_heads_or_flies_to_a_party_visits_it():
    assert ("meeting", "planned", ["Li Keqiang", "Pakistan"]) in events(
        "Chinese Premier Li Keqiang heads to Pakistan on Tuesday."
    )
    assert ("meeting", "planned", ["Narendra Modi", "Japan"]) in events(
        "Modi will fly to Tokyo on Monday."
    )
    told = events("Wang Yi went to Jakarta last week.")
    assert ("meeting", "occurred", ["Wang Yi", "Indonesia"]) in told
    # money that goes to a party, and a state that goes to war, pay no visit
    assert not any(t == "meeting" for t, _, _ in events("The money will go to Ukraine."))
    assert not any(
        t == "meeting" for t, _, _ in events("Russia is ready to go to war with Ukraine.")
    )


def test_the_capital_named_by_its_demonym_is_the_state_as_a_place():
    told = events("US Defense Secretary Robert Gates arrived in the Chinese capital on Sunday.")
    assert ("meeting", "occurred", ["Robert Gates", "China"]) in told
    told = events("Wang Yi went to the Indonesian capital on Monday.")
    assert ("meeting", "occurred", ["Wang Yi", "Indonesia"]) in told
    # a venue is where, not who: talks held in a capital keep their two sides
    told = events("Iran and the United States held talks in the Omani capital on Sunday.")
    assert ("talks", "occurred", ["Iran", "United States"]) in told
    # the capital's own name follows: the name is the place (read as before)
    told = events("Kenya and Somalia held talks in the Ethiopian capital, Addis Ababa.")
    assert ("talks", "occurred", ["Kenya", "Somalia"]) in told


def test_plan_the_verb_passes_its_status_to_the_act_planned():
    told = events("Also Thursday, South Korea and China plan to sign a set of agreements.")
    assert ("agreement", "planned", ["South Korea", "China"]) in told
    assert not any(t == "proposal" for t, _, _ in told)
    told = events("South Korea and China plan to meet next week.")
    assert ("meeting", "planned", ["South Korea", "China"]) in told
    # the noun with its owner is still a plan put forward
    told = events("Russia rejected the US plan to end the war.")
    assert ("proposal", "proposed", ["United States", "Russia"]) in told
    told = events("Ukraine rejected Russia's plan to hold a referendum.")
    assert any(t == "proposal" for t, _, _ in told)


def test_hope_to_holds_an_act_out_as_wished_for():
    told = events("South Korea and China hope to hold talks.")
    assert ("talks", "proposed", ["South Korea", "China"]) in told


def test_next_in_an_aside_about_a_person_does_not_put_the_act_ahead():
    told = events(
        "China's Vice President Xi Jinping, in line to become the country's next president, "
        "met with U.S. Defense Secretary Leon Panetta in Beijing today."
    )
    assert ("meeting", "occurred", ["Xi Jinping", "Leon Panetta"]) in told
    # "next" before the act's own noun still tells it ahead
    told = events("The EU prepared the next package of sanctions against Russia.")
    assert ("sanctions", "planned", ["European Union", "Russia"]) in told


def test_not_agreeing_and_denying_permission_are_rejections():
    told = events("The United States did not agree to sell new F-16 planes that Taiwan also wants.")
    assert ("rejection", "occurred", ["United States", "Taiwan"]) in told
    told = events("He said Russia would not agree to any resolution on Syria, Lavrov said.")
    assert any(t == "rejection" for t, _, _ in told)
    told = events("Trump's administration has denied permission for Lai Ching-te to stop over.")
    assert ("rejection", "occurred", ["United States", "Lai Ching-te"]) in told
    # agreeing is no refusal
    told = events("Croatia agreed to talks with Slovenia.")
    assert not any(t == "rejection" for t, _, _ in told)


def test_a_party_told_or_pressed_by_another_to_act_is_asked_to():
    told = events("China has been repeatedly told by Washington to rein in North Korea.")
    assert ("demand", "occurred", ["United States", "China"]) in told
    told = events("Hillary Clinton presses Pakistan to do more against militants.")
    assert ("demand", "occurred", ["Hillary Clinton", "Pakistan"]) in told
    # a pressing issue asks nothing of anyone
    told = events("They discussed pressing issues with China.")
    assert not any(t == "demand" for t, _, _ in told)


def test_cooperation_cut_off_and_troops_sent_home_are_sanctions():
    told = events("France has suspended counter-terrorism cooperation with Mali.")
    assert ("sanctions", "occurred", ["France", "Mali"]) in told
    told = events("Mali, Burkina Faso and Niger kicked out French troops stationed there.")
    assert ("sanctions", "occurred", ["Mali", "Burkina Faso", "Niger", "France"]) in told


def test_an_agreement_terminated_is_a_rejection_of_its_other_party():
    told = events(
        "In March, Niger's military government announced the termination of an agreement "
        "with the US that permitted military personnel to operate in the country."
    )
    assert ("rejection", "occurred", ["Niger", "United States"]) in told
    assert not any(t == "agreement" for t, _, _ in told)


def test_an_amnesty_and_aid_spared_by_an_embargo_are_no_aid():
    told = events(
        "Ivory Coast's Alassane Ouattara said he is ready to grant an amnesty to Laurent Gbagbo."
    )
    assert not any(t == "aid" for t, _, _ in told)
    told = events(
        "Ecowas on Monday imposed a total embargo on Mali, a country of 15-million people, closing "
        "all borders except for humanitarian aid, denying access to Ecowas ports."
    )
    assert ("sanctions", "occurred", ["ECOWAS", "Mali"]) in told
    assert not any(t == "aid" for t, _, _ in told)


def test_a_person_called_under_a_possessive_title_is_rung_up():
    told = events("Shoigu called our National Defense Minister Hulusi Akar.")
    assert ("call", "occurred", ["Sergei Shoigu", "Hulusi Akar"]) in told


def test_visas_stopped_for_a_party_and_a_party_ousted_from_a_programme_are_sanctions():
    told = events("Ankara said it will cease issuing non-immigrant visas to US citizens.")
    assert ("sanctions", "planned", ["Turkey", "United States"]) in told
    told = events("Washington ousted Turkey from the F-35 program.")
    assert ("sanctions", "occurred", ["United States", "Turkey"]) in told


def test_a_party_warned_over_or_about_its_conduct_is_criticised():
    told = events("President Ebrahim Raisi has warned the Taliban over violating water rights.")
    assert ("criticism", "occurred", ["Ebrahim Raisi", "Taliban"]) in told
    told = events('Russia has warned Georgia about "unpleasant surprises".')
    assert ("criticism", "occurred", ["Russia", "Georgia"]) in told


def test_a_commitment_to_working_with_a_party_is_an_offer_of_cooperation():
    told = events("Putin stressed Russia's commitment to working with Kyrgyzstan on the airport.")
    assert any(t == "proposal" and "Kyrgyzstan" in a for t, _, a in told)


def test_the_minsk_group_is_a_body_not_belarus():
    told = events("Talks, mediated by the OSCE Minsk Group, were held by Armenia and Azerbaijan.")
    assert any(t == "talks" and "OSCE Minsk Group" in a for t, _, a in told)
    assert not any("Belarus" in a for _, _, a in told)


def test_a_war_with_or_between_parties_is_force_used():
    told = events("Bolivia lost access to the sea after losing a war with Chile in 1879.")
    assert any(t == "military" and set(a) == {"Bolivia", "Chile"} for t, _, a in told)
    told = events("The war between Ethiopia and Eritrea killed 80,000 people.")
    assert ("military", "occurred", ["Ethiopia", "Eritrea"]) in told
    # a war told by its place names no side, and a trade war or a tug of war is no force
    told = events("The war in Ukraine dominated talks between Biden and Xi.")
    assert not any(t == "military" for t, _, _ in told)
    told = events("India started a trade war with Pakistan on Saturday.")
    assert not any(t == "military" for t, _, _ in told)


def test_those_killed_by_a_partys_fire_are_attacked_by_it():
    told = events("Two Turkish soldiers were killed by Syrian regime fire in Idlib.")
    assert ("military", "occurred", ["Syria", "Turkey"]) in told


def test_pushing_for_a_party_to_act_asks_it_to():
    told = events(
        "Biden's administration had been pushing hard in recent months for Saudi Arabia to "
        "take the same step."
    )
    assert ("demand", "occurred", ["United States", "Saudi Arabia"]) in told


def test_an_envoy_called_back_and_diplomats_declared_personae_non_gratae_are_sanctions():
    told = events("Iran's ambassador to Sweden has been called back to Tehran for consultations.")
    assert any(t == "sanctions" and "Iran" in a for t, _, a in told)
    told = events("Germany has declared two Iranian diplomats personae non gratae.")
    assert any(t == "sanctions" and a[0] == "Germany" for t, _, a in told)
    # calling back on the phone recalls no one
    assert not any(t == "sanctions" for t, _, _ in events("He called back later to apologise."))


def test_a_leader_welcomed_into_an_office_is_met():
    told = events(
        "President Barack Obama welcomed Mexico President-elect Enrique Peña Nieto into the "
        "Oval Office Tuesday afternoon."
    )
    assert ("meeting", "occurred", ["Barack Obama", "Enrique Peña Nieto"]) in told


def test_soldiers_sent_in_numbers_are_force_deployed():
    told = events("South Africa dispatched 2,900 soldiers to the Democratic Republic of Congo.")
    assert ("military", "occurred", ["South Africa", "Democratic Republic of the Congo"]) in told


def test_an_agreement_not_extended_is_rejected():
    told = events("Ukraine will not extend the transit agreement with Russia.")
    assert any(t == "rejection" and a[:2] == ["Ukraine", "Russia"] for t, _, a in told)
    # a deadline not extended rejects no one
    assert not any(t == "rejection" for t, _, _ in events("The EU will not extend the deadline."))


def test_an_adverb_inside_a_plan_cue_leaves_the_plan_told():
    assert ("meeting", "planned", ["Shinzo Abe", "Li Keqiang"]) in events(
        "Abe is first set to meet Premier Li Keqiang."
    )
    told = events("Clinton was then to meet Palestinian officials in Ramallah.")
    assert all(s == "planned" for t, s, _ in told if t == "meeting") and told


def test_a_desire_or_readiness_to_deepen_ties_with_a_party_is_an_offer():
    told = events("Brussels spoke of engagement, expressing readiness to deepen ties with Zimbabwe")
    assert ("proposal", "proposed", ["European Union", "Zimbabwe"]) in told


def test_discontent_voiced_and_a_partys_role_alleged_are_criticism():
    told = events("The Saudis expressed discontent over Angola's compliance with the deal.")
    assert ("criticism", "occurred", ["Saudi Arabia", "Angola"]) in told
    told = events("Prime Minister Justin Trudeau alleged India's role in killing a Sikh activist.")
    assert ("criticism", "occurred", ["Justin Trudeau", "India"]) in told


def test_a_time_across_the_break_before_the_clause_is_the_other_clauses():
    text = (
        "Meanwhile, El Sisi met with Greek Foreign Minister Alexis Tsipras on Thursday, and "
        "Foreign Minister Sameh Shoukry phoned his French counterpart Jean-Yves Le Drian "
        "yesterday to discuss the matter."
    )
    got = extract(f"Test\n\n{text}\n", published=dt.date(2020, 6, 21)).events
    calls = [e for e in got if e.type == "call"]
    assert calls and calls[0].when.start == dt.date(2020, 6, 20)
    meetings = [e for e in got if e.type == "meeting"]
    assert meetings and meetings[0].when.start == dt.date(2020, 6, 18)


def test_a_party_thanked_or_called_a_great_leader_is_praised():
    told = events("Trump, in turn, described Viktor Orbán as “a great leader”.")
    assert ("support", "occurred", ["Donald Trump", "Viktor Orbán"]) in told
    told = events("“The State of Israel thanks Egypt for its efforts,” the statement said.")
    assert ("support", "occurred", ["Israel", "Egypt"]) in told
    # thanks to a party's help names the cause, not praise
    told = events("The ceasefire held thanks to Egypt's mediation.")
    assert not any(t == "support" for t, _, _ in told)


def test_a_deadline_given_to_a_party_asks_it_to_act():
    told = events("ECOWAS gave Niger's coup leaders one week to reinstate President Bazoum.")
    assert ("demand", "occurred", ["ECOWAS", "Niger"]) in told


def test_a_conflict_between_parties_and_people_shot_by_a_partys_forces_are_force():
    told = events("The conflict between Russia and Ukraine began in February.")
    assert any(t == "military" and set(a) == {"Russia", "Ukraine"} for t, _, a in told)
    told = events("Two Ugandan traders were shot dead by Rwandan border security.")
    assert any(t == "military" and a[0] == "Rwanda" for t, _, a in told)
    told = events("China has a trade conflict with the United States.")
    assert not any(t == "military" for t, _, _ in told)


def test_a_party_threatened_with_economic_harm_is_threatened_with_sanctions():
    told = events("Trump has threatened Turkey with economic devastation if it attacks the Kurds.")
    assert ("sanctions", "threatened", ["Donald Trump", "Turkey"]) in told


def test_an_obligation_or_confidence_to_cooperate_puts_nothing_forward():
    told = events(
        '"State parties to the Rome Statute have an obligation to cooperate fully with the '
        'International Criminal Court," Italy said.'
    )
    assert not any(t == "proposal" for t, _, _ in told)


def test_a_possessive_pronoun_is_the_nearest_person_named_before_it():
    text = (
        "Meanwhile, El Sisi met with Greek Foreign Minister Alexis Tsipras on Thursday, and "
        "Foreign Minister Sameh Shoukry phoned his French counterpart Jean-Yves Le Drian."
    )
    calls = [a for t, _, a in events(text, published=dt.date(2020, 6, 21)) if t == "call"]
    assert calls == [["Sameh Shoukry", "Jean-Yves Le Drian"]]


def test_those_who_attend_a_gathering_meet_there():
    told = events(
        "The Nord Stream project was formally opened at a ceremony in Germany attended by "
        "Chancellor Angela Merkel and Russian President Dmitry Medvedev."
    )
    assert ("meeting", "occurred", ["Angela Merkel", "Dmitry Medvedev"]) in told
    told = events(
        "The ceremony will be attended by Israeli Prime Minister Benjamin Netanyahu and Emirati "
        "Foreign Minister Sheikh Abdullah bin Zayed al-Nahyan."
    )
    assert any(t == "meeting" and s == "planned" for t, s, _ in told)


def test_a_protest_or_lawsuit_a_party_will_file_is_still_to_come():
    told = events("Hungary and Slovakia will file a lawsuit against the European Union.")
    assert ("criticism", "planned", ["Hungary", "Slovakia", "European Union"]) in told
    told = events("China lodged a formal protest with Japan.")
    assert ("criticism", "occurred", ["China", "Japan"]) in told
