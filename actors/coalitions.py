"""Coalitions a state leads: "the US-led coalition", "a Saudi-led Arab coalition", "a NATO-led mission".

News names the multinational force of a war by its leader. The force is not
the leader: "a US-led coalition provided air support" is the coalition's act,
in which other states take part, and analysts track "the Saudi-led coalition"
in Yemen as one actor. A state, organization or group followed by *-led* and a
coalition noun (:data:`LED_NOUNS`; not "forces": "Saudi-led forces attacked" is the
leader acting, as "Saudi forces" would be; up to three words between: "the US-led
*international* coalition") becomes a group actor of its own, the same in every
article: its id comes from the leader's id and the noun ("united-states-led-coalition"),
its name is written as the text writes the leader ("US-led coalition"), and the
leader is its member.
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder
from diplograph.base.models import Actor, slugify

__all__ = ["LED_NOUNS", "led_group", "read_led_groups"]

#: Nouns of a multinational force named by its leader.
LED_NOUNS = frozenset({"coalition", "alliance", "mission", "bloc"})
_LEADER_TYPES = frozenset({"state", "organization", "group"})
_BETWEEN_POS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT"})


def led_group(leader: Actor, written: str, noun: str) -> Actor:
    """The group actor "<written>-led <noun>" of ``leader`` ("US-led coalition", member: the United States)."""
    aliases = tuple(dict.fromkeys(f"{form}-led {noun}" for form in (leader.name, *leader.aliases) if form != written))
    return Actor(id=slugify(f"{leader.id} led {noun}"), name=f"{written}-led {noun}", type="group",
                 aliases=aliases, members=(leader.id,))  # fmt: skip


def read_led_groups(b: DocActorsBuilder) -> None:
    """Refer each "<leader>-led <coalition noun>" to the leader's coalition (:func:`led_group`)."""
    doc = b.doc
    for ref in list(b.ordered()):
        if len(ref.actors) != 1 or b.refs.get(ref.start) is not ref or b.type_of(ref.actor) not in _LEADER_TYPES:
            continue
        i = ref.end
        if i + 2 >= len(doc) or doc[i].text != "-" or doc[i + 1].lower_ != "led" or doc[i].whitespace_:
            continue
        end = i + 2
        while end < len(doc) and end - i < 6 and doc[end].lower_ not in LED_NOUNS and doc[end].pos_ in _BETWEEN_POS:
            end += 1
        if end >= len(doc) or doc[end].lower_ not in LED_NOUNS:
            continue
        leader = b.actors[ref.actor]
        group = led_group(leader, doc[ref.start : ref.end].text, doc[end].lower_)
        b.add(ref.start, end + 1, group, "name", head=end)
