"""Agreements, meetings and talks as news tells them: deals made, sides that commit together."""

import datetime as dt

from tracker.extract import extract

PUBLISHED = dt.date(2024, 6, 12)


def found(body):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    return [(e.type, e.status, sorted(a.name for a in e.actors)) for e in events]


def test_a_pact_struck_or_a_deal_inked_is_an_agreement_not_an_attack():
    got = found("Kenya and Ethiopia struck a defence pact in 2021, officials said.")
    assert ("agreement", "occurred", ["Ethiopia", "Kenya"]) in got
    assert not any(t == "military" for t, _, _ in got)
    got = found("Brazil inked a new trade deal with Argentina on Monday.")
    assert got and got[0][:2] == ("agreement", "occurred")
    assert found("Israel struck targets in Lebanon on Monday.")[0][0] == "military"


def test_agreeing_to_strengthen_dialogue_is_an_agreement_and_agreeing_to_hold_talks_a_plan():
    got = found("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed agreed "
                "to strengthen dialogue between their countries.")
    assert [t for t, _, _ in got] == ["agreement"]
    got = found("Kenya and Ethiopia agreed to hold talks in Nairobi next month.")
    assert [(t, s) for t, s, _ in got] == [("talks", "planned")]


def test_a_framework_agreed_for_talks_is_an_agreement_and_the_talks_are_planned():
    got = found("Kenya and Ethiopia agreed on a framework for further negotiations next month.")
    assert {(t, s) for t, s, _ in got} == {("agreement", "occurred"), ("talks", "planned")}


def test_sides_that_pledge_together_agree_and_one_sides_pledge_is_no_agreement():
    got = found("Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed in "
                "Nairobi on Monday. Both leaders pledged to deepen trade ties.")
    assert ("agreement", "occurred", ["Abiy Ahmed", "William Ruto"]) in got
    got = found("Kenya vowed on Monday to deepen trade ties with Ethiopia.")
    assert not any(t == "agreement" for t, _, _ in got)
    got = found("Kenya and Ethiopia are expected to pledge to deepen trade ties.")
    assert ("agreement", "planned", ["Ethiopia", "Kenya"]) in got


def test_the_parties_before_a_verb_are_the_two_sides():
    got = found("Kenya held talks with Ethiopia in Nairobi on Monday. The parties committed to "
                "joint efforts to expand trade.")
    assert ("agreement", "occurred", ["Ethiopia", "Kenya"]) in got


def test_a_deal_told_as_made_with_no_party_named_is_between_the_storys_sides():
    got = found("Kenya and Ethiopia held talks in Nairobi on Monday. Officials said a truce "
                "signed in January has largely held.")
    assert ("agreement", "occurred", ["Ethiopia", "Kenya"]) in got
    got = found("Fighting has eased under a fragile truce brokered by Qatar and Egypt.")
    assert got == [("agreement", "occurred", ["Egypt", "Qatar"])]


def test_an_act_or_law_signed_is_no_agreement():
    assert not any(t == "agreement" for t, _, _ in found(
        "Kenya protested after Biden signed the Horn of Africa Security Act on Monday."))
    assert not any(t == "agreement" for t, _, _ in found(
        "Under the act to be signed by Biden, Washington could send aid to Kenya."))


def test_what_leaders_will_discuss_is_the_topic_of_their_meeting_not_more_talks():
    got = found("Kenyan President William Ruto will visit Ethiopia next week. Both sides will "
                "also discuss trade and security, officials said.")
    assert [t for t, _, _ in got] == ["meeting"]


def test_a_deal_that_talks_are_about_or_that_is_sought_is_no_agreement_made():
    got = found("Kenya suspended talks over a ceasefire with Ethiopia on Monday.")
    assert not any(t == "agreement" for t, _, _ in got)
    got = found("Kenya and Ethiopia must work harder to reach a lasting peace deal, Ruto said.")
    assert not any(t == "agreement" for t, _, _ in got)
    got = found("Kenya and Ethiopia reached a lasting peace deal on Monday.")
    assert [t for t, _, _ in got] == ["agreement"]


def test_the_two_prime_ministers_are_the_storys_pair():
    got = found("Indian Prime Minister Narendra Modi spoke with Japanese Prime Minister Fumio "
                "Kishida on Monday. The two prime ministers will meet in Tokyo next month.")
    assert ("meeting", "planned", ["Fumio Kishida", "Narendra Modi"]) in got


def test_a_sign_of_better_ties_and_a_ceasefire_resolution_are_no_agreement():
    got = found("Ruto pointed to Kenya's grain imports from Ethiopia as a sign of improved ties.")
    assert not any(t == "agreement" for t, _, _ in got)
    got = found("Kenya abstained when the Security Council voted on a ceasefire resolution "
                "for Sudan on Monday.")
    assert not any(t == "agreement" for t, _, _ in got)


def test_a_dispute_settled_with_another_side_is_an_agreement_and_one_to_settle_is_not():
    got = found("Kenya on Monday finally settled its long border dispute with Ethiopia.")
    assert ("agreement", "occurred", ["Ethiopia", "Kenya"]) in got
    got = found("Ruto urged Kenya and Ethiopia to settle their border dispute.")
    assert not any(t == "agreement" for t, _, _ in got)


def test_sides_that_adopt_a_declaration_together_agree_and_one_that_endorses_it_supports():
    got = found("Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed on "
                "Monday. The two leaders are expected to adopt a joint declaration on trade.")
    assert ("agreement", "planned", ["Abiy Ahmed", "William Ruto"]) in got
    got = found("Kenya endorsed the declaration signed by Ethiopia and Somalia.")
    assert got and not any(t == "agreement" for t, _, _ in got)


def test_discussing_something_with_a_named_party_is_a_consultation():
    got = found("Kenya's foreign minister discussed the border situation on Monday with the "
                "ambassadors of Ethiopia and Somalia.")
    assert got and got[0][0] == "talks" and {"Ethiopia", "Kenya", "Somalia"} <= set(got[0][2])
    got = found("Kenyan President William Ruto spoke by phone with Ethiopian Prime Minister "
                "Abiy Ahmed on Monday. The two discussed trade.")
    assert [t for t, _, _ in got] == ["call"]


def test_a_sides_wish_to_cooperate_with_another_is_a_proposal():
    got = found("Kenya is willing to deepen security cooperation with Ethiopia, Ruto said.")
    assert got and got[0][:2] == ("proposal", "proposed") and "Ethiopia" in got[0][2]
    got = found("Kenya is willing to deepen security cooperation, Ruto said.")
    assert not any(t == "proposal" for t, _, _ in got)


def test_the_presidents_before_a_verb_are_the_storys_pair_and_agreeing_to_cooperate_is_the_act():
    got = found("Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed in "
                "Nairobi on Monday. The presidents agreed to cooperate on preparing a regional "
                "summit next year.")
    assert ("agreement", "occurred", ["Abiy Ahmed", "William Ruto"]) in got


def test_a_deal_made_before_that_someone_urges_to_implement_is_its_own_act():
    got = found("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in "
                "January. Somalia urged both sides to implement a truce signed by the two leaders "
                "in January.")
    assert any(t == "agreement" and {"Abiy Ahmed", "William Ruto"} <= set(a) for t, _, a in got)


def test_a_blocs_members_meeting_with_no_party_named_is_the_blocs_meeting():
    got = found("ECOWAS suspended Mali on Monday. ECOWAS also threatened new sanctions on the "
                "junta. The leaders will meet again on June 20 in Accra.")
    assert ("meeting", "planned", ["ECOWAS"]) in got
    got = found("Kenya and Ethiopia signed a trade deal on Monday. The leaders will meet again "
                "on June 20 in Accra.")
    assert not any(t == "meeting" and a == ["ECOWAS"] for t, _, a in got)


def test_a_gathering_set_with_no_party_named_is_between_the_storys_sides():
    got = found("Kenya and Ethiopia agreed to a ceasefire on Monday. A joint border commission "
                "meeting is scheduled for June 20 in Nairobi.")
    assert ("meeting", "planned", ["Ethiopia", "Kenya"]) in got
    got = found("Kenya and Ethiopia agreed to a ceasefire on Monday. A second summit has to take "
                "place, Ruto said.")
    assert not any(t == "meeting" for t, _, _ in got)


def test_a_deal_in_force_put_on_hold_by_a_party_is_its_rejection():
    # quitting a deal is a rejection (events.md), aimed at the deal's other parties
    assert found("Moscow put the grain deal on hold on Monday.") == [
        ("rejection", "occurred", ["Russia"])]
    assert found("South Korea suspended its intelligence-sharing pact with Japan.") == [
        ("rejection", "occurred", ["Japan", "South Korea"])]
    # a signing put off stays a deal put off; so does a deal suspended with no subject
    assert found("Russia and Ukraine postponed the signing of the deal.") == [
        ("agreement", "postponed", ["Russia", "Ukraine"])]
    assert found("The deal was suspended by Russia.")[0][:2] == ("agreement", "postponed")


def test_one_side_agreeing_to_impose_sanctions_decides_them_and_makes_no_deal():
    from tracker.extract import extract

    text = "Test\n\nEU foreign ministers have agreed to impose new sanctions on Russia.\n"
    found = [(e.type, e.status) for e in extract(text).events]
    assert found == [("sanctions", "planned")]


def test_two_sides_agreeing_to_impose_sanctions_still_agree():
    from tracker.extract import extract

    text = "Test\n\nRussia and Turkey agreed to impose sanctions on the rebels.\n"
    assert [e.type for e in extract(text).events] == ["agreement"]


def test_an_asset_freeze_is_a_sanction_and_a_decision_to_invade_is_its_owners():
    from tracker.extract import extract

    text = (
        "Test\n\nThe EU has agreed to freeze assets linked to Vladimir Putin and Sergei Lavrov "
        "over their decision to invade Ukraine.\n"
    )
    found = {e.type: [a.name for a in e.actors] for e in extract(text).events}
    assert found["sanctions"][0] == "European Union"
    assert found["military"] == ["Vladimir Putin", "Sergei Lavrov", "Ukraine"]


def test_a_package_of_sanctions_proposed_is_sanctions_proposed():
    from tracker.extract import extract

    text = "Test\n\nThe European Commission proposed a new package of sanctions against Russia.\n"
    events = extract(text).events
    assert [(e.type, e.status) for e in events] == [("sanctions", "proposed")]


def test_a_deal_welcomed_between_two_sides_is_their_agreement_too():
    from tracker.extract import extract

    text = "Test\n\nBiden welcomed the agreement between Armenia and Azerbaijan.\n"
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert ("agreement", ["Armenia", "Azerbaijan"]) in found
    assert found[0][0] == "support"


def test_a_deal_mediated_by_a_third_party_stays_a_deal():
    from tracker.extract import extract

    text = (
        "Test\n\nUkraine and Russia exchanged 200 prisoners on Friday in a deal mediated by "
        "the United Arab Emirates.\n"
    )
    found = [(e.type, e.status) for e in extract(text).events]
    assert found == [("agreement", "occurred")]


def test_talks_named_as_a_means_or_a_purpose_by_one_side_are_no_talks_told():
    # a way to settle a dispute, a deadline set, a reason given: no talks are told
    assert found("Kenya said the only way forward is to settle the border dispute through "
                 "a peaceful dialogue.") == []
    assert not any(t == "talks" for t, _, _ in found(
        "Kenya set a deadline for negotiations that ends in July."
    ))
    assert not any(t == "talks" for t, _, _ in found(
        "The measures were a response to stalled negotiations, Ruto said."
    ))
    # with the other side named, or told as held, they are talks
    got = found("Kenya wants to settle the border dispute through dialogue with Ethiopia.")
    assert any(t == "talks" and a == ["Ethiopia", "Kenya"] for t, _, a in got)
    got = found("Kenya has suspended talks with Ethiopia over the border.")
    assert any(t == "talks" for t, _, _ in got)
    # one side ready for talks proposes them
    got = found("Kenya is ready for talks, its foreign minister said.")
    assert not got or all(s != "occurred" for t, s, _ in got if t == "talks")


def test_leaders_agreeing_that_something_should_be_done_share_a_view_not_a_deal():
    got = found("Ruto and Abiy agreed that both sides should work together on security.")
    assert not any(t == "agreement" for t, _, _ in got)
    got = found("Every leader at the summit agreed that the region must defend itself, "
                "Ruto said.")
    assert not any(t == "agreement" for t, _, _ in got)
    # a commitment told in the that-clause is a deal
    got = found("Ruto and Abiy agreed that Kenya would send 500 engineers to Ethiopia.")
    assert ("agreement", "occurred", ["Abiy Ahmed", "William Ruto"]) in got


def test_a_deal_told_with_one_of_the_storys_sides_is_with_the_other_side_too():
    story = (
        "Kenya and Ethiopia held border talks in Nairobi on Monday. Kenyan and Ethiopian "
        "officials discussed trade. Kenya and Ethiopia agreed to meet again next month. "
    )
    got = found(story + "Ethiopia reached an agreement on grazing rights on Tuesday.")
    assert ("agreement", "occurred", ["Ethiopia", "Kenya"]) in got
    got = found(story + "Ethiopian officials said a grazing deal would be signed on Friday.")
    assert ("agreement", "planned", ["Ethiopia", "Kenya"]) in got
    # a one-party deal with no side of the story in it is left as told
    got = found(story + "Somalia reached an agreement on grazing rights on Tuesday.")
    assert ("agreement", "occurred", ["Somalia"]) in got


def test_a_deal_named_by_its_title_is_a_deal_and_a_body_named_after_one_is_not():
    got = found("India and Bangladesh swapped enclaves under the 1974 Land Boundary Agreement.")
    assert ("agreement", "occurred", ["Bangladesh", "India"]) in got
    got = found("India and Bangladesh met at the Land Boundary Agreement Implementation Office.")
    assert not any(t == "agreement" for t, _, _ in got)


def test_one_who_tells_of_a_deal_and_is_its_only_named_party_is_no_party_to_it():
    got = found("Ukrainian President Petro Poroshenko said a general ceasefire would come into "
                "force on Sunday.")
    assert not any(t == "agreement" for t, _, _ in got)
    got = found("Ukrainian President Petro Poroshenko signed a ceasefire deal on Sunday.")
    assert [t for t, _, _ in got] == ["agreement"]
